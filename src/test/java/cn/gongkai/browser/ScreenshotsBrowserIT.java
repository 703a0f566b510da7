package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Full-page screenshots at 1280×800 for docs/screenshots, replaced on every run. Each also checks that the page
 * really shows what the picture is meant to show. Chinese needs a CJK font on the machine (fonts-noto-cjk).
 */
@GongkaiAppTest
class ScreenshotsBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void workbenchHomeAsOffice() {
        Page page = browser.newPage(port);
        Browser.signIn(page, "office", Browser.DEMO_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("我的待办");

        save(page, "workbench.png");
    }

    @Test
    void calendarOctober2025AsAdmin() {
        Page page = browser.newPage(port);
        Browser.signIn(page, "admin", Browser.DEMO_PASSWORD);
        page.navigate("/workbench/calendar?month=2025-10");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("2025年10月工作日历");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("编辑2025年节假日"))).isVisible();

        save(page, "calendar.png");
    }

    @Test
    void portalHome() {
        Page page = browser.newPage(port);
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("示例市人民政府办公室");
        assertThat(page.locator("ul.agencies")).containsText("示例市交通运输局");

        save(page, "portal.png");
    }

    @Test
    void portalPolicyInterpretations() {
        Page page = browser.newPage(port);
        page.navigate("/portal/interpretation");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("政策解读");
        assertThat(page.locator("ol.hits > li").first()).isVisible();

        save(page, "interpretations.png");
    }

    @Test
    void portalDisclosureGuide() {
        Page page = browser.newPage(port);
        page.navigate("/portal/guide");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("政府信息公开指南");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("三、受理机构"))).isVisible();

        save(page, "guide.png");
    }

    @Test
    void lastYearsAnnualReportAsOffice() {
        Page page = browser.newPage(port);
        Browser.signIn(page, "office", Browser.DEMO_PASSWORD);
        page.navigate("/workbench/reports");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("打开")).first().click();
        assertThat(page.locator("#report-status")).hasText("已公开");
        assertThat(page.locator("#check-ok")).isVisible();

        save(page, "report-workbench.png");
    }

    @Test
    void aMajorOpinionEventAsOffice() {
        Page page = browser.newPage(port);
        Browser.signIn(page, "office", Browser.DEMO_PASSWORD);
        page.navigate("/workbench/opinion");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile(
                "公交票价下月起"))).click();
        assertThat(page.locator("#level-value")).hasText("重大");
        assertThat(page.locator("#deadlines tr[data-kind='REPORT']")).containsText("超时完成");

        save(page, "opinion.png");
    }

    @Test
    void portalCitizenMessages() {
        Page page = browser.newPage(port);
        page.navigate("/portal/messages");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("留言选登"))).isVisible();
        assertThat(page.locator("article.published-message").first()).containsText("12路公交何时恢复原线路");

        save(page, "messages.png");
    }

    private static void save(Page page, String name) {
        page.evaluate("document.fonts.ready");
        Path file = Browser.screenshot(page, name);
        assertThat(file).isRegularFile();
    }
}
