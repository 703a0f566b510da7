package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard in a real browser: ECharts from the application's own webjar draws every chart under the CSP. */
@GongkaiAppTest
class DashboardBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void theLeaderOpensTheDashboardFromTheNavigationAndEveryChartIsDrawnWithItsTableBelow() {
        Page page = browser.newPage(port);
        List<String> problems = new ArrayList<>();
        // A failed page resource is caught below with its address; the browser's own favicon request is no problem.
        page.onConsoleMessage(m -> {
            if (("error".equals(m.type()) || "warning".equals(m.type()))
                    && !m.text().startsWith("Failed to load resource")) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);
        page.onResponse(r -> {
            if (r.status() >= 400) {
                problems.add(r.status() + " " + r.url());
            }
        });
        Browser.signIn(page, "leader", Browser.DEMO_PASSWORD);

        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("统计分析"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("统计分析");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(page.locator("#period")).hasText("统计期间：" + year + "-01 至 " + year + "-12");
        Locator charts = page.locator("[data-chart]");
        assertThat(charts.first()).isVisible();
        for (int i = 0; i < charts.count(); i++) {
            assertThat(charts.nth(i).locator("canvas")).hasCount(1);
        }
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName("柱状图和折线图：每月新增和累计发布条数，数据见下方数据表"))).isVisible();

        Locator growth = page.locator("details").filter(new Locator.FilterOptions().setHas(page.locator("#t-growth")));
        growth.locator("summary").click();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                .setName("公开目录：每月新增和累计发布的主动公开信息"))).isVisible();
        assertThat(problems).isEmpty();

        page.locator("#year").fill(String.valueOf(year - 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("按年度查看")).click();
        assertThat(page.locator("#period")).hasText("统计期间：" + (year - 1) + "-01 至 " + (year - 1) + "-12");

        page.locator("#year").fill(String.valueOf(year));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("按年度查看")).click();
        page.evaluate("document.fonts.ready");
        assertThat(Browser.screenshot(page, "dashboard.png")).isRegularFile();
        assertThat(problems).isEmpty();
    }
}
