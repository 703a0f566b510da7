package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * 依申请公开 as the people who do it, each in their own browser and only through the pages: the citizen's online
 * form and tracking, the office's registration of a letter across the National Day holiday and its assignment, the
 * department's reply through the office's review and the leader's approval, personal data shown masked until an
 * audited reveal, and a reply whose form does not fit its outcome. The form's minimum age is lowered to one second
 * and the per-address limit raised, so that the tests neither wait three seconds per submission nor run into the
 * limit; everything else is as configured.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class RequestBrowserIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long FORM_MINIMUM_MILLIS = 1_000;
    private static final String PLANNING = "综合规划科";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
        'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xde};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    /** What the office is told after registering: the tracking number, the query code and the reply date. */
    record Registered(String trackingNumber, String queryCode, LocalDate dueOn) {
    }

    @Test
    void aCitizenWithAWrongIdCheckDigitKeepsWhatWasTypedCorrectsItAndTracksTheRequestWithTheQueryCode() {
        String name = "林晓雯";
        String phone = "13912340001";
        String email = "linxiaowen@example.cn";
        String description = "请提供本市2026年公共自行车站点布设规划及其编制说明。";

        Page citizen = browser.newPage(port);
        // One form on the city's home leads to the request form of the agency chosen.
        citizen.navigate("/");
        citizen.getByLabel(message("portal.city.apply.agency")).selectOption(
                new com.microsoft.playwright.options.SelectOption().setLabel("示例市交通运输局"));
        citizen.getByRole(AriaRole.BUTTON, exact(message("portal.city.apply.go"))).click();
        assertThat(citizen).hasURL(Pattern.compile(":" + port + "/portal/apply$"));
        long loaded = System.nanoTime();
        assertThat(heading(citizen)).hasText(message("request.portal.title"));
        screenshot(citizen, "request-form.png");
        double nameWidth = field(citizen, "request.field.name").boundingBox().width;
        assertThat(field(citizen, "request.field.phone").boundingBox().width).isEqualTo(nameWidth);
        assertThat(field(citizen, "request.field.email").boundingBox().width).isEqualTo(nameWidth);

        assertThat(citizen.getByRole(AriaRole.RADIO, exact(message("request.applicantKind.PERSON")))).isChecked();
        field(citizen, "request.field.name").fill(name);
        assertThat(field(citizen, "request.field.idType").locator("option:checked"))
                .hasText(message("request.idType.RESIDENT_ID"));
        field(citizen, "request.field.idNumber").fill("110105194912310021");
        field(citizen, "request.field.phone").fill(phone);
        field(citizen, "request.field.email").fill(email);
        field(citizen, "request.field.description").fill(description);
        citizen.getByRole(AriaRole.RADIO, exact(message("request.delivery.EMAIL"))).check();
        waitPastFormMinimum(citizen, loaded);
        citizen.getByRole(AriaRole.BUTTON, exact(message("request.portal.submit"))).click();

        assertThat(heading(citizen)).hasText(message("request.portal.title"));
        long reloaded = System.nanoTime();
        assertThat(citizen.getByRole(AriaRole.ALERT)).hasText(message("common.fixErrors"));
        assertThat(citizen.locator(".field-error")).hasCount(1);
        assertThat(citizen.locator("#idNumber + .field-error")).hasText(message("request.form.idNumber.invalid"));
        assertThat(message("request.form.idNumber.invalid")).contains("“证件号码”");
        assertThat(field(citizen, "request.field.idNumber")).hasAttribute("aria-invalid", "true");
        assertThat(field(citizen, "request.field.idNumber")).hasValue("110105194912310021");
        assertThat(field(citizen, "request.field.name")).hasValue(name);
        assertThat(field(citizen, "request.field.phone")).hasValue(phone);
        assertThat(field(citizen, "request.field.email")).hasValue(email);
        assertThat(field(citizen, "request.field.description")).hasValue(description);
        assertThat(citizen.getByRole(AriaRole.RADIO, exact(message("request.delivery.EMAIL")))).isChecked();

        field(citizen, "request.field.idNumber").fill("11010519491231002X");
        field(citizen, "request.field.identityScan").setInputFiles(new FilePayload("身份证.png", "image/png",
                PNG));
        waitPastFormMinimum(citizen, reloaded);
        citizen.getByRole(AriaRole.BUTTON, exact(message("request.portal.submit"))).click();

        assertThat(heading(citizen)).hasText(message("request.receipt.title"));
        assertThat(citizen.getByRole(AriaRole.STATUS)).hasText(message("request.receipt.intro"));
        String today = LocalDate.now(CHINA).format(DateTimeFormatter.BASIC_ISO_DATE);
        String number = citizen.locator("#tracking-number").textContent().strip();
        String code = citizen.locator("#query-code").textContent().strip();
        assertThat(number).matches("YS" + today + "\\d{6}");
        assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}");
        LocalDate due = LocalDate.parse(portalValue(citizen, "request.field.dueOn").textContent().strip());
        assertThat(due).isAfter(LocalDate.now(CHINA));

        citizen.getByRole(AriaRole.LINK, exact(message("request.track.link"))).click();
        assertThat(heading(citizen)).hasText(message("request.track.title"));
        assertThat(field(citizen, "request.field.trackingNumber")).hasValue(number);
        field(citizen, "request.field.queryCode").fill(code);
        citizen.getByRole(AriaRole.BUTTON, exact(message("request.track.submit"))).click();
        assertThat(portalValue(citizen, "request.field.status")).hasText(message("request.status.RECEIVED"));
        assertThat(portalValue(citizen, "request.field.dueOn")).hasText(due.toString());
        assertThat(portalValue(citizen, "request.field.applicant")).hasText("林**");
        assertThat(citizen.locator("ol.timeline li")).hasCount(1);
        assertThat(citizen.locator("ol.timeline li")).containsText(message("request.event.RECEIVED"));

        String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
        track(citizen, number, wrong);
        assertThat(citizen.getByRole(AriaRole.ALERT)).hasText(message("request.track.notFound"));
        assertThat(citizen.locator("#status")).hasCount(0);
        assertThat(citizen.locator("main")).not().containsText(name);
    }

    @Test
    void aLetterReceivedBeforeNationalDayIsDueAfterItAndIsRepliedInPartAfterTheOfficeAndTheLeaderApprove() {
        String title = "2025年度道路运输行政处罚案件统计表";
        String replyText = "经审查，统计表中涉及个人身份的栏目不予公开，其余部分予以公开，随本答复书一并寄送。";

        Page office = signedIn("office");
        Registered registered = registerLetter(office, LocalDate.of(2025, 9, 30), page -> {
            page.getByRole(AriaRole.RADIO, exact(message("request.applicantKind.ORGANISATION"))).check();
            field(page, "request.field.name").fill("福建闽信律师事务所");
            field(page, "request.field.organisationKind").selectOption(new SelectOption()
                    .setLabel(message("request.organisationKind.LAW_SERVICE")));
            field(page, "request.field.creditCode").fill("91350100M000100Y43");
            field(page, "request.field.contactPerson").fill("黄律师");
            field(page, "request.field.phone").fill("0591-87654321");
            field(page, "request.field.address").fill("福州市鼓楼区五四路100号");
            field(page, "request.field.postcode").fill("350001");
            field(page, "request.field.title").fill(title);
            field(page, "request.field.description").fill("请提供贵局2025年度道路运输行政处罚案件的分类统计表。");
            page.getByRole(AriaRole.RADIO, exact(message("request.delivery.PAPER"))).check();
        });
        assertThat(registered.trackingNumber()).matches("YS20250930\\d{6}");
        assertThat(registered.dueOn()).isEqualTo(LocalDate.of(2025, 10, 28));

        openFromList(office, registered.trackingNumber());
        assertThat(status(office)).hasText(message("request.status.RECEIVED"));
        assertThat(office.locator(".status-line")).containsText(message("request.view.due", "2025-10-28"));
        assertThat(applicantValue(office, "request.field.applicantKind"))
                .hasText(message("request.applicantKind.ORGANISATION") + " "
                        + message("request.organisationKind.LAW_SERVICE"));
        assertThat(applicantValue(office, "request.field.creditCode")).hasText("91350100M000100Y43");
        assertThat(applicantValue(office, "request.field.contactPerson")).hasText("黄律师");
        assertThat(applicantValue(office, "request.field.postcode")).hasText("350001");
        assertThat(applicantValue(office, "request.field.channel")).hasText(message("request.channel.LETTER"));
        assertThat(applicantValue(office, "request.field.receivedOn")).hasText("2025-09-30");
        assign(office, PLANNING);

        Page staff = signedIn("staff");
        String work = "依申请公开 " + registered.trackingNumber() + "：" + title;
        String link = openFromMyWork(staff, work);
        staff.getByRole(AriaRole.LINK, exact(message("nav.requests"))).click();
        assertThat(staff.getByRole(AriaRole.LINK, exact(registered.trackingNumber()))).hasCount(1);
        staff.getByRole(AriaRole.LINK, exact(registered.trackingNumber())).click();
        assertThat(staff).hasURL(Pattern.compile(literal(link) + "$"));
        assertThat(status(staff)).hasText(message("request.status.ASSIGNED"));
        String released = "2025年度道路运输行政处罚案件统计表（区分处理）.pdf";
        field(staff, "request.field.releasedFiles").setInputFiles(new FilePayload(released, "application/pdf", PDF));
        draftReply(staff, "request.outcome.PARTIAL", "request.replyForm.DISCLOSE", replyText);
        assertNoticeSays(staff, "答复已拟定（部分公开），待局办公室审核。");
        assertThat(status(staff)).hasText(message("request.status.REPLY_DRAFTED"));
        assertThat(staff.getByRole(AriaRole.LINK, exact(released))).hasCount(1);

        Page yunshu = signedIn("yunshu");
        yunshu.getByRole(AriaRole.LINK, exact(message("nav.requests"))).click();
        assertThat(heading(yunshu)).hasText(message("request.list.title"));
        assertThat(yunshu.getByRole(AriaRole.LINK, exact(registered.trackingNumber()))).hasCount(0);
        Response refused = yunshu.navigate(link);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(yunshu.locator("main")).not().containsText(registered.trackingNumber());
        assertThat(yunshu.locator("main")).not().containsText(replyText);

        openFromList(office, registered.trackingNumber());
        assertThat(replyValue(office, "request.field.outcome")).hasText(message("request.outcome.applicant.PARTIAL"));
        assertThat(replyValue(office, "request.field.replyForm")).hasText(message("request.replyForm.DISCLOSE"));
        assertThat(replyValue(office, "request.field.replyText")).hasText(replyText);
        office.getByRole(AriaRole.BUTTON, exact(message("request.view.officeApprove"))).click();
        assertNoticeSays(office, message("request.notice.toLeader"));
        assertThat(status(office)).hasText(message("request.status.AWAITING_LEADER"));

        Page leader = signedIn("leader");
        openFromMyWork(leader, "审批答复 " + work);
        assertThat(status(leader)).hasText(message("request.status.AWAITING_LEADER"));
        leader.getByRole(AriaRole.BUTTON, exact(message("request.view.leaderApprove"))).click();
        assertNoticeSays(leader, message("request.notice.replied"));
        assertThat(status(leader)).hasText(message("request.status.REPLIED"));

        office.reload();
        assertThat(status(office)).hasText(message("request.status.REPLIED"));
        Locator timeline = office.locator("ol.timeline li");
        assertThat(timeline).hasCount(5);
        // The handler by name and department, never by login name.
        assertThat(timeline.nth(2)).containsText(message("request.event.REPLY_DRAFTED") + " 吴科员（综合规划科） "
                + message("request.outcome.PARTIAL"));
        assertThat(timeline.nth(2)).not().containsText("PARTIAL");
        screenshot(office, "request.png");

        Page citizen = browser.newPage(port);
        citizen.navigate("/portal/track");
        track(citizen, registered.trackingNumber(), registered.queryCode());
        assertThat(portalValue(citizen, "request.field.status")).hasText(message("request.status.REPLIED"));
        // The applicant reads 部分公开, never the annual report's counting note.
        assertThat(portalValue(citizen, "request.field.outcome")).hasText(message("request.outcome.applicant.PARTIAL"));
        assertThat(citizen.locator("main")).not().containsText("只计这一情形");
        assertThat(portalValue(citizen, "request.field.receivedOn")).hasText("2025-09-30");
        assertThat(citizen.locator("ol.timeline")).containsText(message("request.event.REPLIED"));
        assertThat(citizen.locator("main")).not().containsText(replyText);

        // The applicant downloads the reply letter (告知书) as PDF.
        com.microsoft.playwright.Download letter = citizen.waitForDownload(() -> citizen.locator("#letter").click());
        assertThat(letter.suggestedFilename()).isEqualTo(registered.trackingNumber() + "-答复告知书.pdf");
        // …and the file released to this applicant alone.
        assertThat(citizen.getByRole(AriaRole.HEADING, exact(message("request.track.files")))).hasCount(1);
        com.microsoft.playwright.Download file = citizen.waitForDownload(() -> citizen.getByRole(AriaRole.LINK,
                exact(released)).click());
        assertThat(file.suggestedFilename()).isEqualTo(released);
    }

    @Test
    void theOfficeSeesTheApplicantsIdAndPhoneMaskedAndARevealShowsThemInFullAndIsInTheAuditLog() {
        String id = "440301199001011234";
        String phone = "13712345678";

        Page office = signedIn("office");
        Registered registered = registerLetter(office, LocalDate.now(CHINA), page -> {
            field(page, "request.field.name").fill("欧阳明");
            field(page, "request.field.idNumber").fill(id);
            field(page, "request.field.phone").fill(phone);
            field(page, "request.field.address").fill("深圳市福田区深南大道1号");
            field(page, "request.field.description").fill("请提供深圳方向长途客运班线的经营许可公告。");
            page.getByRole(AriaRole.RADIO, exact(message("request.delivery.PAPER"))).check();
        });

        openFromList(office, registered.trackingNumber());
        assertThat(applicantValue(office, "request.field.name")).hasText("欧阳明");
        assertThat(applicantValue(office, "request.field.idNumber")).hasText("440301********1234");
        assertThat(applicantValue(office, "request.field.phone")).hasText("137****5678");
        assertThat(office.locator("main")).not().containsText(phone);
        assertThat(office.locator("main")).not().containsText(id);

        office.getByRole(AriaRole.BUTTON, exact(message("request.view.reveal"))).click();

        assertThat(applicantValue(office, "request.field.phone")).hasText(phone);
        assertThat(applicantValue(office, "request.field.idNumber")).hasText(id);
        assertThat(office.getByRole(AriaRole.BUTTON, exact(message("request.view.reveal")))).hasCount(0);

        Page admin = signedIn("auditor");
        admin.getByRole(AriaRole.LINK, exact(message("nav.audit"))).click();
        assertThat(heading(admin)).hasText(message("audit.title"));
        admin.getByLabel(message("audit.action"), new Page.GetByLabelOptions().setExact(true))
                .selectOption("PERSONAL_DATA_VIEWED");
        admin.getByLabel(message("audit.object"), new Page.GetByLabelOptions().setExact(true))
                .fill(registered.trackingNumber());
        admin.getByRole(AriaRole.BUTTON, exact(message("common.filter"))).click();
        Locator rows = admin.locator("table.audit tbody tr");
        assertThat(rows).hasCount(1);
        // The person by name and department, the login name beside it; the action and the object in Chinese.
        assertThat(rows.locator("td").nth(2)).containsText("（局办公室）");
        assertThat(rows.locator("td").nth(2).locator("code")).hasText("office");
        assertThat(rows.locator("td").nth(4)).hasText(message("audit.action.PERSONAL_DATA_VIEWED"));
        assertThat(rows.locator("td").nth(5)).hasText(message("audit.objectType.INFO_REQUEST") + " "
                + registered.trackingNumber());
        assertThat(rows).not().containsText(phone);
        assertThat(rows).not().containsText(id);
    }

    @Test
    void aRefusalDraftedWithTheReplyFormForDisclosureIsRefusedAndKeepsWhatWasTyped() {
        String replyText = "该信息涉及第三方商业秘密，经征求意见第三方不同意公开，决定不予公开。";

        Page office = signedIn("office");
        Registered registered = registerLetter(office, LocalDate.now(CHINA), page -> {
            page.getByRole(AriaRole.RADIO, exact(message("request.applicantKind.ORGANISATION"))).check();
            field(page, "request.field.name").fill("示例市城市研究院");
            field(page, "request.field.organisationKind").selectOption(new SelectOption()
                    .setLabel(message("request.organisationKind.RESEARCH_INSTITUTION")));
            field(page, "request.field.creditCode").fill("12350100MB0001234X");
            field(page, "request.field.phone").fill("13600136000");
            field(page, "request.field.email").fill("research@example.cn");
            field(page, "request.field.description").fill("请提供某客运企业向贵局报送的年度经营成本核算材料。");
        });
        openFromList(office, registered.trackingNumber());
        assign(office, PLANNING);

        Page staff = signedIn("staff");
        openFromList(staff, registered.trackingNumber());
        draftReply(staff, "request.outcome.REFUSED_THIRD_PARTY", "request.replyForm.DISCLOSE", replyText);

        assertThat(staff.getByRole(AriaRole.ALERT)).hasText(message("request.error.formMismatch"));
        assertThat(status(staff)).hasText(message("request.status.ASSIGNED"));
        assertThat(field(staff, "request.field.replyText")).hasValue(replyText);
        assertThat(field(staff, "request.field.replyForm")).hasAttribute("aria-invalid", "true");
        assertThat(field(staff, "request.field.outcome").locator("option:checked"))
                .hasText(message("request.outcome.REFUSED_THIRD_PARTY"));
        assertThat(field(staff, "request.field.replyForm").locator("option:checked"))
                .hasText(message("request.replyForm.DISCLOSE"));

        field(staff, "request.field.replyForm").selectOption(new SelectOption()
                .setLabel(message("request.replyForm.REFUSE")));
        staff.getByRole(AriaRole.BUTTON, exact(message("request.view.draftReply"))).click();
        assertNoticeSays(staff, "答复已拟定（");
        assertThat(status(staff)).hasText(message("request.status.REPLY_DRAFTED"));
        assertThat(replyValue(staff, "request.field.replyText")).hasText(replyText);
    }

    // ---- steps --------------------------------------------------------------------------------------------------

    private Page signedIn(String username) {
        Page page = browser.newPage(port);
        Browser.signIn(page, username, Browser.DEMO_PASSWORD);
        assertThat(page).hasURL(Pattern.compile("/workbench$"));
        return page;
    }

    /**
     * 依申请公开 → 登记申请 as the office does for a letter: channel 信函, the date it arrived, the applicant and what
     * they ask for as {@code fill} types them. Returns what the confirmation tells the office.
     */
    private Registered registerLetter(Page page, LocalDate receivedOn, Consumer<Page> fill) {
        page.getByRole(AriaRole.LINK, exact(message("nav.requests"))).click();
        page.getByRole(AriaRole.LINK, exact(message("request.register.title"))).click();
        assertThat(heading(page)).hasText(message("request.register.title"));
        field(page, "request.field.channel").selectOption(new SelectOption()
                .setLabel(message("request.channel.LETTER")));
        field(page, "request.field.receivedOn").fill(receivedOn.toString());
        fill.accept(page);
        page.getByRole(AriaRole.BUTTON, exact(message("request.register.submit"))).click();

        assertThat(heading(page)).hasText(message("request.list.title"));
        Locator notices = page.getByRole(AriaRole.STATUS);
        assertThat(notices.filter(new Locator.FilterOptions().setHasText(message("request.notice.registered"))))
                .hasCount(1);
        Pattern receipt = Pattern.compile(literal(message("request.register.receipt", "§", "§", "§"))
                .replace("§", "(\\S+?)"));
        Locator confirmation = notices.filter(new Locator.FilterOptions().setHasText(receipt));
        assertThat(confirmation).hasCount(1);
        Matcher m = receipt.matcher(confirmation.textContent().strip());
        assertThat(m.matches()).isTrue();
        assertThat(m.group(2)).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}");
        return new Registered(m.group(1), m.group(2), LocalDate.parse(m.group(3)));
    }

    /** 依申请公开 and the request's tracking number there. */
    private void openFromList(Page page, String trackingNumber) {
        page.getByRole(AriaRole.NAVIGATION, exact(message("shell.nav")))
                .getByRole(AriaRole.LINK, exactIn(message("nav.requests"))).click();
        page.getByRole(AriaRole.LINK, exact(trackingNumber)).click();
        assertThat(heading(page)).hasText(message("request.view.title", trackingNumber));
    }

    /**
     * Opens 我的待办 and the entry named {@code entry}; returns the page's path. Work moves to the next person
     * asynchronously, right after the previous person's transaction, so a person who does not see it yet reloads.
     */
    private String openFromMyWork(Page page, String entry) {
        page.getByRole(AriaRole.NAVIGATION, exact(message("shell.nav")))
                .getByRole(AriaRole.LINK, exactIn(message("nav.home"))).click();
        Locator link = page.getByRole(AriaRole.LINK, exact(entry));
        long deadline = System.currentTimeMillis() + 10_000;
        while (link.count() == 0 && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(200);
            page.reload();
        }
        String href = link.getAttribute("href");
        link.click();
        assertThat(heading(page)).hasText(Pattern.compile("^" + literal(message("request.view.title", ""))));
        return href;
    }

    private void assign(Page office, String department) {
        field(office, "request.view.assignTo").selectOption(new SelectOption().setLabel(department));
        office.getByRole(AriaRole.BUTTON, exact(message("request.view.assign"))).click();
        assertNoticeSays(office, message("request.notice.assigned", department));
        assertThat(status(office)).hasText(message("request.status.ASSIGNED"));
    }

    private void draftReply(Page page, String outcome, String replyForm, String text) {
        field(page, "request.field.outcome").selectOption(new SelectOption().setLabel(message(outcome)));
        field(page, "request.field.replyForm").selectOption(new SelectOption().setLabel(message(replyForm)));
        field(page, "request.field.replyText").fill(text);
        page.getByRole(AriaRole.BUTTON, exact(message("request.view.draftReply"))).click();
    }

    /** The portal's tracking form, filled in and sent. */
    private void track(Page page, String number, String code) {
        field(page, "request.field.trackingNumber").fill(number);
        field(page, "request.field.queryCode").fill(code);
        page.getByRole(AriaRole.BUTTON, exact(message("request.track.submit"))).click();
        assertThat(heading(page)).hasText(message("request.track.title"));
    }

    /** The portal form's token must be old enough before it is sent; a person takes longer than that anyway. */
    private static void waitPastFormMinimum(Page page, long loadedAtNanos) {
        long elapsed = (System.nanoTime() - loadedAtNanos) / 1_000_000;
        if (elapsed < FORM_MINIMUM_MILLIS + 200) {
            page.waitForTimeout(FORM_MINIMUM_MILLIS + 200 - elapsed);
        }
    }

    /** A full-page picture for docs/screenshots, once the CJK fonts are loaded. */
    private static void screenshot(Page page, String name) {
        page.evaluate("document.fonts.ready");
        assertThat(Browser.screenshot(page, name)).isRegularFile();
    }

    /** A value in the portal's receipt or tracking table, by its row header. */
    private Locator portalValue(Page page, String key) {
        return rowValue(page.locator("table.meta"), key);
    }

    /** A value in the request page's applicant table (the first table under 申请人信息). */
    private Locator applicantValue(Page page, String key) {
        return rowValue(page.locator("table.meta").first(), key);
    }

    private Locator replyValue(Page page, String key) {
        return rowValue(page.locator("section.record table.meta"), key);
    }

    private Locator rowValue(Locator table, String key) {
        return table.getByRole(AriaRole.ROWHEADER, new Locator.GetByRoleOptions().setName(message(key))
                .setExact(true)).locator("xpath=following-sibling::td[1]");
    }

    private Locator field(Page page, String key) {
        return page.getByLabel(message(key), new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Locator status(Page page) {
        return page.locator(".status-line .status");
    }

    private void assertNotice(Page page, String key) {
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(message(key));
    }

    /** The step's notice names what happened (the department, the outcome, the next step). */
    private void assertNoticeSays(Page page, String text) {
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(text);
    }

    /** {@code text} as a regular expression that matches it literally, in Java and in the browser (no \Q…\E). */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private static Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Locator.GetByRoleOptions exactIn(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    private String message(String key, Object... args) {
        String text = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        assertThat(text).isNotBlank();
        return text;
    }
}
