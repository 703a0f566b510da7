package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Axe;
import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal for everyone (GB/T 37668-2019, WCAG 2.1 AA): axe-core finds nothing serious or critical on any portal
 * page; landmarks, one h1, labels; keyboard use with a skip link and a visible focus; text at 200 % without sideways
 * scrolling; the request form shows the chosen applicant's fields and takes the focus to the first error. Same settings
 * as {@link PortalResubmitBrowserIT}, so both share one application. Screenshots, when any, go under target/.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class PortalAccessibilityBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    /** The violations found on each page, by the page's address and state. */
    final Map<String, List<String>> found = new LinkedHashMap<>();

    void check(Page page, String what) {
        List<String> problems = new ArrayList<>(Axe.seriousViolations(page));
        // The lesser ones are listed in the test's output, to be looked at, and do not fail it.
        Axe.violations(page, List.of("minor", "moderate"))
                .forEach(v -> System.out.println("axe, not failing, on " + what + ": " + v));
        // One h1, inside the main landmark.
        if (page.locator("h1").count() != 1 || page.locator("main h1").count() != 1) {
            problems.add("h1: " + page.locator("h1").count() + " on the page, " + page.locator("main h1").count()
                    + " in main");
        }
        report(page, what, problems);
    }

    void checkPortalPage(Page page, String what) {
        check(page, what);
        List<String> problems = new ArrayList<>();
        // The landmarks: a banner, the portal navigation, main and a content info, once each.
        for (AriaRole role : List.of(AriaRole.BANNER, AriaRole.NAVIGATION, AriaRole.MAIN, AriaRole.CONTENTINFO)) {
            int count = page.getByRole(role).count();
            if (count != 1 && !(role == AriaRole.NAVIGATION && count > 1 && page.getByRole(role,
                    new Page.GetByRoleOptions().setName("门户导航")).count() == 1)) {
                problems.add("landmark " + role + ": " + count);
            }
        }
        report(page, what, problems);
    }

    void report(Page page, String what, List<String> problems) {
        if (!problems.isEmpty()) {
            found.computeIfAbsent(what + " " + page.url(), k -> new ArrayList<>()).addAll(problems);
            Path shot = Paths.get(System.getProperty("basedir", "."), "target", "axe",
                    what.replaceAll("[^A-Za-z0-9-]", "_") + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        }
    }

    @Test
    void noPortalPageHasASeriousOrCriticalAccessibilityViolation() {
        Page page = browser.newPage(port);
        for (String path : List.of("/", "/search?q=登记", "/agencies/SCJG/", "/portal/guide", "/portal/interpretation",
                "/portal/catalog",
                "/portal/catalog?q=出租汽车", "/portal/annual-report",
                "/portal/annual-report/" + (Year.now().getValue() - 1), "/portal/track")) {
            page.navigate(path);
            checkPortalPage(page, path);
        }

        page.navigate("/portal/catalog?order=DATE");
        page.locator("ol.hits h2 a").first().click();
        page.waitForLoadState();
        checkPortalPage(page, "item");

        page.navigate("/portal/catalog?order=DATE&page=999");
        checkPortalPage(page, "past-the-end");

        page.navigate("/portal/apply");
        checkPortalPage(page, "apply");
        page.getByLabel("法人或其他组织").check();
        checkPortalPage(page, "apply-organisation");
        page.waitForTimeout(1_100);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        page.waitForLoadState();
        checkPortalPage(page, "apply-errors");

        fillAndSubmit(page);
        assertThat(page.locator("#tracking-number")).isVisible();
        checkPortalPage(page, "receipt");
        String number = page.locator("#tracking-number").textContent().strip();
        String code = page.locator("#query-code").textContent().strip();
        page.navigate("/portal/track");
        page.getByLabel("申请编号").fill(number);
        page.getByLabel("查询码").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询").setExact(true)).click();
        assertThat(page.locator("#status")).isVisible();
        checkPortalPage(page, "tracked");

        page.navigate("/portal/catalog?year=abc");
        check(page, "bad-input");
        page.navigate("/portal/no-such-section");
        check(page, "not-found");

        assertThat(found).as(() -> "axe-core found serious or critical violations:\n" + describe(found)).isEmpty();
    }

    @Test
    void theCheckFindsAnInputWithoutALabel() {
        Page page = browser.newPage(port);
        page.navigate("/portal/track");
        page.evaluate("() => document.querySelector('main form').insertAdjacentHTML('beforeend',"
                + " '<input type=\"text\" name=\"unlabelled\">')");
        assertThat(Axe.seriousViolations(page)).anySatisfy(v -> assertThat(v).startsWith("critical label "));
    }

    @Test
    void theRequestFormShowsOnlyTheChosenApplicantKindsFields() {
        Page page = browser.newPage(port);
        page.navigate("/portal/apply");
        assertThat(page.getByLabel("证件号码", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(page.getByLabel("统一社会信用代码")).isHidden();
        assertThat(page.getByLabel("组织类型")).isHidden();

        page.getByLabel("法人或其他组织").check();
        assertThat(page.getByLabel("统一社会信用代码")).isVisible();
        assertThat(page.getByLabel("组织类型")).isVisible();
        assertThat(page.getByLabel("证件号码", new Page.GetByLabelOptions().setExact(true))).isHidden();

        page.getByLabel("自然人").check();
        assertThat(page.getByLabel("证件号码", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(page.getByLabel("统一社会信用代码")).isHidden();
    }

    @Test
    void aFormSentWithErrorsTakesTheFocusToTheFirstAndTheSummaryLinksToEachField() {
        Page page = browser.newPage(port);
        page.navigate("/portal/apply");
        page.getByLabel("联系电话").fill("13800138000");
        page.waitForTimeout(1_100);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        page.waitForLoadState();

        Locator name = page.getByLabel("姓名 / 名称");
        assertThat(name).isFocused();
        assertThat(name).hasAttribute("aria-invalid", "true");
        assertThat(name).hasAccessibleDescription("请填写“姓名 / 名称”。");
        assertThat(page.getByLabel("联系电话")).hasValue("13800138000");

        Locator summary = page.locator("#error-summary");
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("请填写“所需信息的内容描述”。")).click();
        assertThat(page.getByLabel("所需信息的内容描述")).isFocused();
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndTheFocusIsAlwaysVisible() {
        Page page = browser.newPage(port);
        page.navigate("/agencies/SJTJ/");
        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("跳到主要内容"));
        assertThat(skip).isFocused();
        assertThat(skip).isInViewport();
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        // After the skip link, the next stop is inside the main content, not the navigation.
        assertThat(page.locator("main :focus")).hasCount(1);
        assertThat(page.locator(":focus")).hasAttribute("id", "home-q");
        for (int i = 0; i < 6; i++) {
            String outline = (String) page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                    + " return s.outlineStyle + ' ' + s.outlineWidth; }");
            assertThat(outline).as("the focus outline of the element at tab stop %d", i).doesNotStartWith("none")
                    .doesNotEndWith(" 0px");
            page.keyboard().press("Tab");
        }
    }

    @Test
    void textAtTwoHundredPercentFitsWithoutSidewaysScrolling() {
        Page page = browser.newPage(port);
        // A 1280-pixel window zoomed to 200 % lays pages out in 640 CSS pixels.
        page.setViewportSize(Browser.WIDTH / 2, Browser.HEIGHT / 2);
        List<String> overflowing = new ArrayList<>();
        for (String path : List.of("/", "/search?q=登记", "/agencies/SCJG/", "/portal/catalog", "/portal/apply",
                "/portal/track", "/portal/annual-report",
                "/portal/annual-report/" + (Year.now().getValue() - 1))) {
            page.navigate(path);
            Number wider = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (wider.intValue() > 0) {
                overflowing.add(path + " is " + wider + " px wider than the window");
            }
        }
        assertThat(overflowing).isEmpty();
    }

    private static void fillAndSubmit(Page page) {
        page.navigate("/portal/apply");
        long loaded = System.nanoTime();
        page.getByLabel("姓名 / 名称").fill("林晓梅");
        page.getByLabel("证件号码", new Page.GetByLabelOptions().setExact(true)).fill("11010519491231002X");
        page.getByLabel("联系电话").fill("13912340003");
        page.getByLabel("电子邮箱").fill("citizen@example.cn");
        page.getByLabel("所需信息的内容描述").fill("请提供本市2026年无障碍公交车辆配置计划（无障碍检查）"
                + UUID.randomUUID().toString().substring(0, 8));
        long elapsed = (System.nanoTime() - loaded) / 1_000_000;
        if (elapsed < 1_200) {
            page.waitForTimeout(1_200 - elapsed);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        page.waitForLoadState();
    }

    private static String describe(Map<String, List<String>> found) {
        StringBuilder s = new StringBuilder();
        found.forEach((page, violations) -> {
            s.append(page).append('\n');
            violations.forEach(v -> s.append("  ").append(v).append('\n'));
        });
        return s.toString();
    }
}
