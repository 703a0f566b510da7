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
