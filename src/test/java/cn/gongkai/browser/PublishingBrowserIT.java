package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * 信息发布 as the people who do it: each in their own browser, signed in through the form, working only through the
 * pages — drafting with self-review, the review chain (科室负责人 → 保密审查 → 分管领导), the office's publication with its
 * gates, and the citizen who finds the result in the portal's catalog. The tests share one database, so each uses
 * titles of its own.
 */
@GongkaiAppTest
class PublishingBrowserIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String AGENCY = "示例市交通运输局";
    private static final String TOPIC = "工业、交通";
    private static final String GENRE = "通知";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Test
    void aDraftWithAnAttachmentGoesThroughReturnAndEveryReviewIsPublishedAndACitizenFindsItByAWordInTheAttachment()
            throws IOException {
        String title = "2026年农村公路日常养护工作安排的通知";
        String phrase = "沥青路面坑槽病害整治";
        String fileName = "养护实施方案.docx";
        byte[] docx = docx("各养护单位应于汛期前完成" + phrase + "，并做好施工安全防护。");
        LocalDate createdOn = LocalDate.now(CHINA).minusDays(1);

        Page staff = signedIn("staff");
        draft(staff, title, "部署2026年农村公路日常养护工作。", "现将有关事项通知如下，具体安排见附件。", createdOn,
                page -> { });
        staff.getByLabel(message("document.attachment.add")).setInputFiles(new FilePayload(fileName,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx));
        staff.getByRole(AriaRole.BUTTON, exact(message("document.attachment.upload"))).click();
        assertNotice(staff, "document.notice.attached");
        assertThat(staff.locator("ul.files").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(fileName).setExact(true))).isVisible();
        submit(staff);

        Page depthead = signedIn("depthead");
        openFromMyWork(depthead, "审核：" + title);
        decide(depthead, "document.approve", null, "document.notice.approved");

        Page secrecy = signedIn("secrecy");
        openFromMyWork(secrecy, "审核：" + title);
        String reason = "请在正文中写明公开范围和养护资金来源。";
        decide(secrecy, "document.return", reason, "document.notice.returned");
        assertThat(status(secrecy)).hasText(message("document.status.RETURNED"));

        openFromMyWork(staff, "退回修改：" + title);
        assertThat(staff.locator("table.history")).containsText(reason);
        staff.getByRole(AriaRole.LINK, exact(message("common.edit"))).click();
        Locator body = staff.getByLabel(message("document.field.body"), new Page.GetByLabelOptions().setExact(true));
        assertThat(body).hasValue("现将有关事项通知如下，具体安排见附件。");
        body.fill("现将有关事项通知如下，公开范围为社会公众，养护资金由市级交通专项资金安排，具体安排见附件。");
        field(staff, "document.field.scope").fill("社会公众");
        staff.getByRole(AriaRole.BUTTON, exact(message("common.save"))).click();
        assertNotice(staff, "document.notice.saved");
        submit(staff);

        openFromMyWork(depthead, "审核：" + title);
        decide(depthead, "document.approve", null, "document.notice.approved");

        openFromMyWork(secrecy, "审核：" + title);
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        decide(secrecy, "document.approve", "经审查不涉及国家秘密，同意主动公开。", "document.notice.approved");

        Page leader = signedIn("leader");
        openFromMyWork(leader, "审核：" + title);
        decide(leader, "document.approve", null, "document.notice.approved");
        assertThat(status(leader)).hasText(message("document.status.APPROVED"));

        Page office = signedIn("office");
        openFromMyWork(office, "发布：" + title);
        assertThat(office.locator(".gates")).hasCount(0);
        String indexNumber = publish(office);
        assertThat(indexNumber).matches("\\d{9}/\\d{4}-\\d{5}");

        Page citizen = browser.newPage(port);
        citizen.navigate("/portal/catalog");
        Locator hits = search(citizen, phrase);
        assertThat(citizen.locator(".result-count")).hasText(message("catalog.search.count", 1));
        assertThat(hits).hasCount(1);
        Locator hit = hits.first();
        assertThat(hit.getByRole(AriaRole.HEADING)).hasText(title);
        assertThat(hit.locator(".snippet")).containsText(phrase);
        assertThat(hit.locator(".snippet mark").first()).isVisible();
        assertThat(hit.locator(".meta")).containsText(indexNumber);

        hit.getByRole(AriaRole.LINK).click();

        assertThat(citizen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
        assertThat(metadata(citizen, "catalog.field.indexNumber")).hasText(indexNumber);
        assertThat(metadata(citizen, "catalog.field.agency")).hasText(AGENCY);
        assertThat(metadata(citizen, "catalog.field.createdOn")).hasText(createdOn.toString());
        assertThat(metadata(citizen, "catalog.field.publishedAt")).hasText(LocalDate.now(CHINA).toString());
        assertThat(metadata(citizen, "catalog.field.topic")).hasText(TOPIC);
        assertThat(metadata(citizen, "catalog.field.validity")).hasText(message("catalog.validity.VALID"));

        Download download = citizen.waitForDownload(() -> citizen.getByRole(AriaRole.LINK,
                exact(fileName)).click());
        assertThat(download.suggestedFilename()).isEqualTo(fileName);
        assertThat(Files.readAllBytes(download.path())).isEqualTo(docx);
    }

    @Test
    void aResidentIdInTheBodyHoldsTheItemAtTheConfidentialityReviewUntilTheReviewerAcknowledgesIt() {
        String title = "关于道路运输违章经营当事人处理情况的公示";
        String id = "11010519491231002X";

        Page staff = signedIn("staff");
        draft(staff, title, "公示一起道路运输违章经营案件的处理情况。",
                "当事人张某，身份证号码" + id + "，未取得道路运输经营许可擅自从事经营活动。", LocalDate.now(CHINA),
                page -> { });
        // The self-review says no third party's privacy is involved: the drafter acknowledges the scan's warning.
        staff.getByRole(AriaRole.BUTTON, exact(message("document.submit"))).click();
        assertThat(staff.locator("p.problem[role=alert]")).hasText(message("document.gate.scanContradictsSelfReview"));
        staff.getByRole(AriaRole.CHECKBOX, exact(message("document.scan.acknowledge"))).check();
        submit(staff);
        Page depthead = signedIn("depthead");
        openFromMyWork(depthead, "审核：" + title);
        decide(depthead, "document.approve", null, "document.notice.approved");
        Locator finding = depthead.locator("table.findings tbody tr");
        assertThat(finding).hasCount(1);
        assertThat(finding).hasAttribute("data-finding-type", "RESIDENT_ID");
        assertThat(finding.locator("td").nth(0)).hasText(message("document.findingType.RESIDENT_ID"));
        assertThat(finding.locator("td").nth(1)).hasText(message("document.finding.place.body", "body", 1));
        assertThat(finding.locator("code")).hasText("110105********002X");
        assertThat(finding.locator("td").nth(3)).hasText(message("document.finding.open"));
        assertThat(finding).not().containsText(id);

        Page secrecy = signedIn("secrecy");
        openFromMyWork(secrecy, "审核：" + title);
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        secrecy.getByRole(AriaRole.BUTTON, exact(message("document.approve"))).click();
        assertThat(secrecy.locator("p.problem[role=alert]")).hasText(message("document.gate.findingsUnconfirmed"));
        assertThat(status(secrecy)).hasText(message("document.status.IN_REVIEW"));

        Page citizen = browser.newPage(port);
        citizen.navigate("/portal/catalog");
        assertThat(search(citizen, title)).hasCount(0);
        assertThat(citizen.locator(".result-count")).hasText(message("catalog.search.count", 0));

        String ack = "当事人已书面同意公示其身份信息。";
        secrecy.getByLabel(message("document.finding.reason")).fill(ack);
        secrecy.getByRole(AriaRole.BUTTON, exact(message("document.finding.acknowledge"))).click();
        assertNotice(secrecy, "document.notice.acknowledged");
        assertThat(secrecy.locator("table.findings tbody tr td").nth(3))
                .hasText(message("document.finding.acknowledged", "赵保密（保密审查办公室）", ack));
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        decide(secrecy, "document.approve", null, "document.notice.approved");
        Page leader = signedIn("leader");
        openFromMyWork(leader, "审核：" + title);
        decide(leader, "document.approve", null, "document.notice.approved");

        Page office = signedIn("office");
        openFromMyWork(office, "发布：" + title);
        String indexNumber = publish(office);

        citizen.navigate("/portal/catalog");
        Locator hits = search(citizen, title);
        // The citizen's browser may keep its earlier answer to the same search for a minute
        // (gongkai.portal.cache-max-age); a reload revalidates it, and the changed answer comes back whole.
        citizen.reload();
        assertThat(hits).hasCount(1);
        assertThat(hits.first().getByRole(AriaRole.HEADING)).hasText(title);
        assertThat(hits.first().locator(".meta")).containsText(indexNumber);
    }

    @Test
    void draftingWithoutATitleOrWithoutTheBasisForWithholdingShowsChineseMessagesNamingTheFieldsAndKeepsWhatWasTyped() {
        Page staff = signedIn("staff");
        staff.getByRole(AriaRole.LINK, exact(message("nav.items"))).click();
        int before = staff.locator("table.grid tbody tr").count();
        staff.getByRole(AriaRole.LINK, exact(message("document.new"))).click();
        String summary = "答复一起关于道路货运企业经营数据的咨询。";
        String body = "该数据涉及企业经营信息，拟依申请公开。";
        field(staff, "document.field.summary").fill(summary);
        field(staff, "document.field.body").fill(body);
        field(staff, "document.field.topic").selectOption(new SelectOption().setLabel(TOPIC));
        field(staff, "document.field.genre").selectOption(new SelectOption().setLabel("其他"));
        staff.getByRole(AriaRole.RADIO, exact(message("document.attribute.ON_REQUEST"))).check();

        staff.getByRole(AriaRole.BUTTON, exact(message("common.save"))).click();

        assertThat(staff.getByRole(AriaRole.ALERT)).hasText(message("common.fixErrors"));
        assertThat(field(staff, "document.field.title")).hasAttribute("aria-invalid", "true");
        assertThat(staff.locator("#title + .field-error")).hasText(message("document.form.title.required"));
        assertThat(message("document.form.title.required")).contains("“标题”");
        assertThat(field(staff, "document.field.attributeBasis")).hasAttribute("aria-invalid", "true");
        assertThat(staff.locator("#attributeBasis + .field-error"))
                .hasText(message("document.form.attributeBasis.required"));
        assertThat(message("document.form.attributeBasis.required")).contains("“不公开依据”");
        assertThat(field(staff, "document.field.summary")).hasAttribute("aria-invalid", "false");
        assertThat(field(staff, "document.field.summary")).hasValue(summary);
        assertThat(field(staff, "document.field.body")).hasValue(body);
        assertThat(staff.locator("#topic option:checked")).hasText(TOPIC);
        assertThat(staff.getByRole(AriaRole.RADIO, exact(message("document.attribute.ON_REQUEST")))).isChecked();
        assertThat(staff.locator(".field-error")).hasCount(2);

        staff.getByRole(AriaRole.LINK, exact(message("nav.items"))).click();
        assertThat(staff.locator("table.grid tbody tr")).hasCount(before);
    }

    @Test
    void anItemMarkedSecretPassesEveryReviewButTheOfficeCannotPublishIt() {
        String title = "2026年度运输应急保障预案（内部）";

        Page staff = signedIn("staff");
        draft(staff, title, "运输应急保障力量的部署安排。", "应急运力的编组、集结地点和调用程序。", LocalDate.now(CHINA),
                page -> {
                    field(page, "document.field.secrecyLevel").selectOption(new SelectOption()
                            .setLabel(message("document.secrecy.CONFIDENTIAL")));
                    field(page, "document.field.secrecyTerm").fill("10年");
                });
        submit(staff);
        Page depthead = signedIn("depthead");
        openFromMyWork(depthead, "审核：" + title);
        decide(depthead, "document.approve", null, "document.notice.approved");
        Page secrecy = signedIn("secrecy");
        openFromMyWork(secrecy, "审核：" + title);
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        decide(secrecy, "document.approve", null, "document.notice.approved");
        Page leader = signedIn("leader");
        openFromMyWork(leader, "审核：" + title);
        decide(leader, "document.approve", null, "document.notice.approved");

        Page office = signedIn("office");
        openFromMyWork(office, "发布：" + title);
        assertThat(office.locator(".gates li[data-rule='document.gate.secret']")).hasText(message("document.gate.secret"));
        office.getByLabel(message("document.publish.confirm")).check();
        office.getByRole(AriaRole.BUTTON, exact(message("document.publish"))).click();

        assertRefused(office, "document.gate.secret");
        assertThat(office.locator("table.history tbody tr")).hasCount(3);

        Page citizen = browser.newPage(port);
        citizen.navigate("/portal/catalog");
        assertThat(search(citizen, title)).hasCount(0);
    }

    // ---- steps --------------------------------------------------------------------------------------------------

    private Page signedIn(String username) {
        return browser.signedIn(port, username);
    }

    /** 信息发布 → 拟稿, the form filled as a drafter would (主动公开 through 政府网站 unless {@code more} says otherwise). */
    private void draft(Page page, String title, String summary, String body, LocalDate createdOn,
            Consumer<Page> more) {
        page.getByRole(AriaRole.LINK, exact(message("nav.items"))).click();
        page.getByRole(AriaRole.LINK, exact(message("document.new"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(message("document.new"));
        field(page, "document.field.title").fill(title);
        field(page, "document.field.summary").fill(summary);
        field(page, "document.field.body").fill(body);
        field(page, "document.field.createdOn").fill(createdOn.toString());
        field(page, "document.field.topic").selectOption(new SelectOption().setLabel(TOPIC));
        field(page, "document.field.genre").selectOption(new SelectOption().setLabel(GENRE));
        page.getByRole(AriaRole.RADIO, exact(message("document.attribute.PROACTIVE"))).check();
        page.getByRole(AriaRole.CHECKBOX, exact(message("document.channel.WEBSITE"))).check();
        more.accept(page);
        page.getByRole(AriaRole.BUTTON, exact(message("common.save"))).click();
        assertNotice(page, "document.notice.created");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
        assertThat(status(page)).hasText(message("document.status.DRAFT"));
    }

    private void submit(Page page) {
        page.getByRole(AriaRole.BUTTON, exact(message("document.submit"))).click();
        assertNotice(page, "document.notice.submitted");
        assertThat(status(page)).hasText(message("document.status.IN_REVIEW"));
    }

    private void openFromMyWork(Page page, String entry) {
        Browser.openFromMyWork(page, entry);
    }

    /** The reviewer's decision form: an optional 审核意见 and 同意 or 退回. */
    private void decide(Page page, String button, String opinion, String notice) {
        if (opinion != null) {
            field(page, "document.field.opinion").fill(opinion);
        }
        page.getByRole(AriaRole.BUTTON, exact(message(button))).click();
        assertNotice(page, notice);
    }

    /** The office's 发布; returns the index number the page then shows. */
    private String publish(Page page) {
        page.getByLabel(message("document.publish.confirm")).check();
        page.getByRole(AriaRole.BUTTON, exact(message("document.publish"))).click();
        assertNotice(page, "document.notice.published");
        assertThat(status(page)).hasText(message("document.status.PUBLISHED"));
        Locator indexed = page.locator(".status-line span").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^" + literal(message("document.indexed", "")))));
        assertThat(indexed).hasCount(1);
        Matcher m = Pattern.compile(Pattern.quote(message("document.indexed", "")) + "(\\S+)")
                .matcher(indexed.textContent());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A refused 发布: the rule is announced, the item stays 待发布 without an index number. */
    private void assertRefused(Page page, String rule) {
        Locator alert = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^" + literal(message(rule)) + "$")));
        assertThat(alert).hasCount(1);
        assertThat(page.locator(".gates li[data-rule='" + rule + "']")).hasText(message(rule));
        assertThat(status(page)).hasText(message("document.status.APPROVED"));
        assertThat(page.locator(".status-line")).not().containsText(message("document.indexed", ""));
    }

    /** Searches the portal catalog as a citizen would; returns the hits. */
    private Locator search(Page page, String words) {
        page.getByLabel(message("catalog.search.label"), new Page.GetByLabelOptions().setExact(true)).fill(words);
        page.getByRole(AriaRole.BUTTON, exact(message("catalog.search.submit"))).click();
        assertThat(page).hasURL(Pattern.compile("/portal/catalog\\?q="));
        return page.locator("ol.hits > li");
    }

    /** A value in the portal item's metadata table, by its row header. */
    private Locator metadata(Page page, String key) {
        return page.locator("table.item-meta").getByRole(AriaRole.ROWHEADER, new Locator.GetByRoleOptions()
                .setName(message(key)).setExact(true)).locator("xpath=following-sibling::td[1]");
    }

    private Locator field(Page page, String key) {
        return page.getByLabel(message(key), new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator status(Page page) {
        return page.locator(".status-line .status");
    }

    /** The notice names what happened (the item, the next reviewer, the index number): its fixed part is checked. */
    private void assertNotice(Page page, String key) {
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(NOTICE_START.getOrDefault(key, message(key)));
    }

    private static final java.util.Map<String, String> NOTICE_START = java.util.Map.of(
            "document.notice.attached", "已上传。",
            "document.notice.approved", "已同意，",
            "document.notice.returned", "已退回拟稿人",
            "document.notice.saved", "已保存《",
            "document.notice.created", "已保存草稿《",
            "document.notice.submitted", "已提交审核，",
            "document.notice.acknowledged", "已确认扫描发现",
            "document.notice.published", "已发布，索引号 ",
            "document.notice.redacted", "已对“");

    /** {@code text} as a regular expression that matches it literally, in Java and in the browser (no \Q…\E). */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private static Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private String message(String key, Object... args) {
        String text = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        assertThat(text).isNotBlank();
        return text;
    }

    private static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
