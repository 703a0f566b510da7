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
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * 网民留言 from the portal to 留言选登, each person in their own browser: the citizen leaves a message (agreeing to its
 * publication) with a mobile number in it, the office assigns it, the department answers, the office approves, the
 * citizen reads the answer with the query code, and the office publishes it with the number taken out. Same settings
 * as {@link RequestBrowserIT} (the form's minimum age lowered to one second, the per-address limit raised), so that
 * the portal tests share one application and never run into the limit.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class MessageBrowserIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long FORM_MINIMUM_MILLIS = 1_000;
    private static final String PLANNING = "综合规划科";
    private static final String PHONE = "13912345678";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aMessageWithConsentIsAnsweredReadWithTheCodeAndPublishedOnlyWithItsPhoneNumberTakenOut() {
        String word = "站台" + Long.toString(System.nanoTime(), 36);
        String subject = "建议增设公交" + word + "候车亭";
        String content = "我家附近的公交站台没有候车亭，雨天候车很不方便，盼尽快增设。如需了解情况可联系我：" + PHONE + "。";
        String answer = "您好！经现场查看，该站台具备增设条件，我局已将其列入本年度候车亭建设计划，预计年内完工。感谢您的建议。";

        // The citizen leaves the message, agreeing to its publication, and keeps the number and the query code.
        Page citizen = browser.newPage(port);
        citizen.navigate("/portal/messages");
        long loaded = System.nanoTime();
        citizen.locator("#name").fill("王晓明");
        citizen.locator("#contact").fill("13800001111");
        citizen.locator("#subject").fill(subject);
        citizen.locator("#content").fill(content);
        citizen.locator("#consent").check();
        waitPastFormMinimum(citizen, loaded);
        citizen.getByRole(AriaRole.BUTTON, exact("提交留言")).click();

        assertThat(citizen).hasURL(Pattern.compile("/portal/messages/receipt$"));
        String number = citizen.locator("#number").textContent().strip();
        String code = citizen.locator("#code").textContent().strip();
        assertThat(number).matches("LY" + LocalDate.now(CHINA).format(DateTimeFormatter.BASIC_ISO_DATE) + "\\d{5}");
        assertThat(code).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{8}");

        // Before an answer is approved the citizen sees it is being handled, and no answer.
        track(citizen, number, code);
        assertThat(citizen.locator("#status")).hasText("已收到，正在分办");
        assertThat(citizen.locator("#answer")).hasCount(0);

        // The office assigns it to the department; the citizen's contact is shown masked.
        Page office = browser.signedIn(port, "office");
        Browser.openFromMyWork(office, "分办网民留言：" + subject);
        assertThat(office.locator("#contact")).not().containsText("13800001111");
        office.locator("#department").selectOption(new SelectOption().setLabel(PLANNING));
        office.locator("#assign-form").getByRole(AriaRole.BUTTON, exactIn("分办到科室")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("已分办。");
        assertThat(office.locator("#status")).hasText("承办中");

        // The department head answers.
        Page head = browser.signedIn(port, "depthead");
        Browser.openFromMyWork(head, "答复网民留言：" + subject);
        head.locator("#answer").fill(answer);
        head.locator("#answer-form").getByRole(AriaRole.BUTTON, exactIn("提交答复")).click();
        assertThat(head.getByRole(AriaRole.STATUS)).hasText("答复已提交，等待办公室审核。");
        assertThat(head.locator("#status")).hasText("待审核");

        // The office approves; until then the citizen does not see the answer.
        track(citizen, number, code);
        assertThat(citizen.locator("#status")).hasText("正在办理");
        assertThat(citizen.locator("#answer")).hasCount(0);
        Browser.openFromMyWork(office, "审核网民留言答复：" + subject);
        assertThat(office.locator("#answer-text")).hasText(answer);
        office.locator("#review-form").getByRole(AriaRole.BUTTON, exactIn("审核通过，答复留言人")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("答复已审核通过，留言人可凭查询码查看。");
        assertThat(office.locator("#status")).hasText("已答复");

        // The citizen reads the answer with the code.
        track(citizen, number, code);
        assertThat(citizen.locator("#status")).hasText("已答复");
        assertThat(citizen.locator("#answer")).hasText(answer);

        // The office publishes: the form comes with the number taken out, and with the number back it is refused.
        Locator publish = office.locator("#publish-form");
        String redacted = content.replace(PHONE, "＊＊＊");
        assertThat(office.locator("#publishedSubject")).hasValue(subject);
        assertThat(office.locator("#publishedContent")).hasValue(redacted);
        assertThat(office.locator("#publishedAnswer")).hasValue(answer);
        office.locator("#publishedContent").fill(content);
        publish.getByRole(AriaRole.BUTTON, exactIn("在“留言选登”公开")).click();
        assertThat(office.getByRole(AriaRole.ALERT)).containsText("仍含个人信息");
        assertThat(office.locator("#published-note")).hasCount(0);
        office.locator("#publishedContent").fill(redacted);
        publish.getByRole(AriaRole.BUTTON, exactIn("在“留言选登”公开")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("已在“留言选登”公开。");
        assertThat(office.locator("#published-note")).isVisible();
        assertThat(office.locator("#publish-form")).hasCount(0);

        // 留言选登 on the portal: a search for a word of the subject finds it, without the phone number.
        citizen.navigate("/portal/messages");
        citizen.locator("#q").fill(word);
        citizen.getByRole(AriaRole.BUTTON, exact("检索")).click();
        Locator found = citizen.locator("article.published-message");
        assertThat(found).hasCount(1);
        assertThat(found.getByRole(AriaRole.HEADING)).hasText(new String[] {subject, "答复"});
        assertThat(found).containsText(number);
        assertThat(found).containsText(redacted);
        assertThat(found.locator(".answer")).hasText(answer);
        assertThat(citizen.locator("body")).not().containsText(PHONE);
        assertThat(citizen.content()).doesNotContain(PHONE).doesNotContain("13800001111").doesNotContain("王晓明");
    }

    /** The portal's tracking form, filled in and sent. */
    private static void track(Page page, String number, String code) {
        page.navigate("/portal/messages/track");
        page.locator("#number").fill(number);
        page.locator("#code").fill(code);
        page.getByRole(AriaRole.BUTTON, exact("查询")).click();
        assertThat(page.locator("#status")).isVisible();
    }

    /** The portal form's token must be old enough before it is sent; a person takes longer than that anyway. */
    private static void waitPastFormMinimum(Page page, long loadedAtNanos) {
        long elapsed = (System.nanoTime() - loadedAtNanos) / 1_000_000;
        if (elapsed < FORM_MINIMUM_MILLIS + 200) {
            page.waitForTimeout(FORM_MINIMUM_MILLIS + 200 - elapsed);
        }
    }

    private static Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Locator.GetByRoleOptions exactIn(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }
}
