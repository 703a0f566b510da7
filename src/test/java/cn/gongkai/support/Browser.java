package cn.gongkai.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A headless system Chromium driven by Playwright, for browser tests of the running application. Register it in a
 * test class with {@code @RegisterExtension static final Browser browser = new Browser();}: the browser starts once
 * per class, and every page comes in its own context (own cookies, so its own session) that is closed after the test.
 *
 * <p>No browser is ever downloaded: the Chromium installed on the machine is used ({@code /usr/bin/chromium}, or the
 * path in the system property or environment variable {@code CHROMIUM_PATH}).
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    /** The password of every demo user. */
    public static final String DEMO_PASSWORD = "Gongkai@2026";

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        Path executable = Paths.get(chromiumPath());
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("No Chromium at " + executable + ". Install it (apt-get install -y "
                    + "chromium fonts-noto-cjk) or point CHROMIUM_PATH at one.");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A new page in a fresh context (no cookies), 1280×800, Chinese locale, relative URLs against the app. */
    public Page newPage(int port) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(WIDTH, HEIGHT)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    /** Fills in and submits the login form, as a person would. Does not check the outcome. */
    public static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        page.waitForLoadState();
    }

    /** A new page signed in as a demo user, on 我的待办. */
    public Page signedIn(int port, String username) {
        Page page = newPage(port);
        signIn(page, username, DEMO_PASSWORD);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page)
                .hasURL(java.util.regex.Pattern.compile("/workbench$"));
        return page;
    }

    /**
     * 我的待办 (through the workbench navigation) → the entry named {@code entry}, its page's heading then checked. Work
     * moves to the next person right after the previous person's transaction, so a person who does not see it yet
     * reloads for up to 10 seconds.
     */
    public static void openFromMyWork(Page page, String entry) {
        var exact = new Page.GetByRoleOptions().setName(entry).setExact(true);
        page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION,
                new Page.GetByRoleOptions().setName("工作台导航").setExact(true))
                .getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("我的待办").setExact(true))
                .click();
        var link = page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, exact);
        long deadline = System.currentTimeMillis() + 10_000;
        while (link.count() == 0 && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(200);
            page.reload();
        }
        link.click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(
                com.microsoft.playwright.options.AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(entry.substring(entry.indexOf('：') + 1));
    }

    /**
     * Saves a full-page screenshot, replacing an earlier one: under {@code target/screenshots}, or in the folder named
     * by {@code -Dgongkai.screenshots} (the README's command for refreshing {@code docs/screenshots}), so that a plain
     * {@code ./mvnw verify} changes no tracked file.
     */
    public static Path screenshot(Page page, String fileName) {
        String folder = System.getProperty("gongkai.screenshots", "");
        Path dir = folder.isBlank() ? Paths.get(System.getProperty("basedir", "."), "target", "screenshots")
                : Paths.get(folder);
        Path file = dir.resolve(fileName);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    private static String chromiumPath() {
        String path = System.getProperty("CHROMIUM_PATH");
        if (path == null || path.isBlank()) {
            path = System.getenv("CHROMIUM_PATH");
        }
        return path == null || path.isBlank() ? DEFAULT_CHROMIUM : path;
    }
}
