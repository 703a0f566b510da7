package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public portal as a member of the public sees it: no login. */
@GongkaiAppTest
class PortalBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void thePortalHomeOpensWithoutLoginAndShowsTheAgencyAndTheDisclosureNavigation() {
        Page page = browser.newPage(port);

        // The city's home lists its agencies (机构导航); the citizen opens the transport bureau's portal.
        page.navigate("/");
        assertThat(page).hasTitle("政府信息公开平台");
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("示例市人民政府办公室");
        page.locator("ul.agencies").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^示例市交通运输局"))).click();

        assertThat(page).hasURL(Pattern.compile(":" + port + "/agencies/SJTJ/$"));
        assertThat(page).hasTitle("示例市交通运输局 政府信息公开");
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("示例市交通运输局");
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("门户导航"));
        assertThat(nav.getByRole(AriaRole.LINK)).hasText(new String[] {"首页", "政府信息公开指南", "政府信息公开目录",
                "依申请公开", "政策解读", "年度报告", "网民留言"});
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("首页")))
                .hasAttribute("aria-current", "page");
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("示例市交通运输局 主办");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("工作人员入口"))).isVisible();
        assertThat(page.getByLabel("密码")).hasCount(0);
    }
}
