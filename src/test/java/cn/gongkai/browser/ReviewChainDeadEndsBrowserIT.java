package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * No dead end at the confidentiality review, as the people see it: the drafter scans and is warned that the scan
 * contradicts the self-review, the secrecy reviewer tries to approve with an unconfirmed finding and is told why,
 * confirms it, approves; the leader sees the public version; the office publishes.
 */
@GongkaiAppTest
class ReviewChainDeadEndsBrowserIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String ID_NUMBER = "11010519491231002X";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Test
    void theSecrecyReviewerIsToldWhyApprovingWithAnUnconfirmedFindingIsRefusedConfirmsItAndThenApproves() {
        String title = "关于道路运输违章经营当事人处理情况的通报（无死角）";

        Page staff = signedIn("staff");
        staff.getByRole(AriaRole.LINK, exact(message("nav.items"))).click();
        staff.getByRole(AriaRole.LINK, exact(message("document.new"))).click();
        field(staff, "document.field.title").fill(title);
        field(staff, "document.field.summary").fill("通报一起违章经营案件。");
        field(staff, "document.field.body").fill("当事人张某，身份证号码" + ID_NUMBER + "，未取得许可擅自经营。");
        field(staff, "document.field.createdOn").fill(LocalDate.now(CHINA).toString());
        field(staff, "document.field.topic").selectOption(new SelectOption().setLabel("工业、交通"));
        field(staff, "document.field.genre").selectOption(new SelectOption().setLabel("通知"));
        staff.getByRole(AriaRole.RADIO, exact(message("document.attribute.PROACTIVE"))).check();
        staff.getByRole(AriaRole.CHECKBOX, exact(message("document.channel.WEBSITE"))).check();
        staff.getByRole(AriaRole.BUTTON, exact(message("common.save"))).click();
        assertNotice(staff, "document.notice.created");

        // The drafter scans before submitting: the finding, masked, and nothing submitted.
        staff.getByRole(AriaRole.BUTTON, exact(message("document.scan"))).click();
        Locator scanned = staff.locator("table.scan-findings tbody tr");
        assertThat(scanned).hasCount(1);
        assertThat(scanned.locator("code")).hasText("110105********002X");
        assertThat(staff.locator(".scan-warning")).hasText(message("document.gate.scanContradictsSelfReview"));
        assertThat(status(staff)).hasText(message("document.status.DRAFT"));
        // Submitting without acknowledging the warning is refused; with it, the item goes on.
        staff.getByRole(AriaRole.BUTTON, exact(message("document.submit"))).click();
        assertAlert(staff, "document.gate.scanContradictsSelfReview");
        assertThat(status(staff)).hasText(message("document.status.DRAFT"));
        staff.getByRole(AriaRole.CHECKBOX, exact(message("document.scan.acknowledge"))).check();
        staff.getByRole(AriaRole.BUTTON, exact(message("document.submit"))).click();
        assertNotice(staff, "document.notice.submitted");

        Page depthead = signedIn("depthead");
        openFromMyWork(depthead, "审核：" + title);
        depthead.getByRole(AriaRole.BUTTON, exact(message("document.approve"))).click();
        assertNotice(depthead, "document.notice.approved");

        Page secrecy = signedIn("secrecy");
        openFromMyWork(secrecy, "审核：" + title);
        assertThat(secrecy.locator("#step-refusals li[data-rule='document.gate.findingsUnconfirmed']"))
                .hasText(message("document.gate.findingsUnconfirmed"));
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        secrecy.getByRole(AriaRole.BUTTON, exact(message("document.approve"))).click();
        assertAlert(secrecy, "document.gate.findingsUnconfirmed");
        assertThat(status(secrecy)).hasText(message("document.status.IN_REVIEW"));
        assertThat(secrecy.locator(".status-line")).containsText(message("document.atStep",
                message("role.SECRECY_REVIEWER")));

        String reason = "当事人已书面同意通报其身份信息。";
        secrecy.getByLabel(message("document.finding.reason")).fill(reason);
        secrecy.getByRole(AriaRole.BUTTON, exact(message("document.finding.acknowledge"))).click();
        assertNotice(secrecy, "document.notice.acknowledged");
        assertThat(secrecy.locator("#step-refusals")).hasCount(0);
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        secrecy.getByRole(AriaRole.BUTTON, exact(message("document.approve"))).click();
        assertNotice(secrecy, "document.notice.approved");
        assertThat(secrecy.locator(".status-line")).containsText(message("document.atStep", message("role.LEADER")));

        Page leader = signedIn("leader");
        openFromMyWork(leader, "审核：" + title);
        assertThat(leader.locator(".public-version h2")).hasText(message("document.publicVersion"));
        assertThat(leader.locator(".public-version .public-title")).hasText(title);
        leader.getByRole(AriaRole.BUTTON, exact(message("document.approve"))).click();
        assertNotice(leader, "document.notice.approved");

        Page office = signedIn("office");
        openFromMyWork(office, "发布：" + title);
        assertThat(office.locator(".gates")).hasCount(0);
        office.getByLabel(message("document.publish.confirm")).check();
        office.getByRole(AriaRole.BUTTON, exact(message("document.publish"))).click();
        assertNotice(office, "document.notice.published");
        assertThat(status(office)).hasText(message("document.status.PUBLISHED"));
    }

    // ---- steps --------------------------------------------------------------------------------------------------

    private Page signedIn(String username) {
        return browser.signedIn(port, username);
    }

    private void openFromMyWork(Page page, String entry) {
        Browser.openFromMyWork(page, entry);
    }

    private void assertAlert(Page page, String rule) {
        Locator alert = page.locator("p.problem[role=alert]");
        assertThat(alert).hasText(message(rule));
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

    private Locator field(Page page, String key) {
        return page.getByLabel(message(key), new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator status(Page page) {
        return page.locator(".status-line .status");
    }

    private static Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private String message(String key, Object... args) {
        String text = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        assertThat(text).isNotBlank();
        return text;
    }
}
