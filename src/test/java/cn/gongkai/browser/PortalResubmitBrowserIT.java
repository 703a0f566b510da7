package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A citizen who reloads the receipt or double-clicks the submit button still makes one request, and tracks it
 * without the query code ever appearing in a URL. Same settings as {@link RequestBrowserIT}, so both share one
 * application.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class PortalResubmitBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reloadingTheReceiptMakesNoSecondRequestAndTrackingNeverPutsTheCodeInAUrl() {
        String description = "请提供本市2026年网约车运力投放计划（刷新回执）" + UUID.randomUUID().toString().substring(0, 8);
        Page citizen = browser.newPage(port);
        List<String> urls = new CopyOnWriteArrayList<>();
        citizen.onRequest(r -> urls.add(r.url()));

        fillAndSubmit(citizen, "何晓东", description, false);
        assertThat(heading(citizen)).hasText(message("request.receipt.title"));
        assertThat(citizen).hasURL(Pattern.compile("/portal/apply/receipt$"));
        String number = citizen.locator("#tracking-number").textContent().strip();
        String code = citizen.locator("#query-code").textContent().strip();

        citizen.reload();
        assertThat(heading(citizen)).hasText(message("request.receipt.title"));
        assertThat(citizen.locator("#tracking-number")).hasText(number);
        citizen.reload();
        assertThat(requestsDescribed(description)).isOne();

        citizen.getByRole(AriaRole.LINK, exact(message("request.track.link"))).click();
        assertThat(heading(citizen)).hasText(message("request.track.title"));
        assertThat(field(citizen, "request.field.trackingNumber")).hasValue(number);
        field(citizen, "request.field.queryCode").fill(code);
        citizen.getByRole(AriaRole.BUTTON, exact(message("request.track.submit"))).click();
        assertThat(citizen.locator("#status")).hasText(message("request.status.RECEIVED"));
        assertThat(citizen).hasURL(Pattern.compile("/portal/track$"));
        // Reloading the tracking page shows the request again, from the session: no form is resent.
        citizen.reload();
        assertThat(citizen.locator("#status")).hasText(message("request.status.RECEIVED"));

        assertThat(urls).isNotEmpty().noneMatch(u -> u.contains(code));
        assertThat(requestsDescribed(description)).isOne();

        // Someone given a link with the code in it sees nothing.
        Page other = browser.newPage(port);
        other.navigate("/portal/track?number=" + number + "&code=" + code);
        assertThat(heading(other)).hasText(message("request.track.title"));
        assertThat(other.locator("#status")).hasCount(0);
        other.navigate("/portal/apply/receipt");
        assertThat(heading(other)).hasText(message("request.portal.title"));
        assertThat(other.locator("main")).not().containsText(code);
    }

    @Test
    void aDoubleClickOnTheSubmitButtonMakesOneRequest() {
        String description = "请提供本市2026年公交站台改造清单（双击提交）" + UUID.randomUUID().toString().substring(0, 8);
        Page citizen = browser.newPage(port);
        fillAndSubmit(citizen, "钟丽华", description, true);
        assertThat(heading(citizen)).hasText(message("request.receipt.title"));
        assertThat(citizen.locator("#tracking-number")).hasText(Pattern.compile("^YS\\d{14}$"));
        assertThat(requestsDescribed(description)).isOne();
    }

    private void fillAndSubmit(Page page, String name, String description, boolean doubleClick) {
        page.navigate("/portal/apply");
        long loaded = System.nanoTime();
        field(page, "request.field.name").fill(name);
        field(page, "request.field.idNumber").fill("11010519491231002X");
        field(page, "request.field.phone").fill("13912340002");
        field(page, "request.field.email").fill("citizen@example.cn");
        field(page, "request.field.description").fill(description);
        long elapsed = (System.nanoTime() - loaded) / 1_000_000;
        if (elapsed < 1_200) {
            page.waitForTimeout(1_200 - elapsed);
        }
        Locator submit = page.getByRole(AriaRole.BUTTON, exact(message("request.portal.submit")));
        if (doubleClick) {
            submit.dblclick();
        } else {
            submit.click();
        }
    }

    private int requestsDescribed(String description) {
        return jdbc.queryForObject("select count(*) from info_request where info_description = ?", Integer.class,
                description);
    }

    private Locator field(Page page, String key) {
        return page.getByLabel(message(key), new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private String message(String key) {
        String text = messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(text).isNotBlank();
        return text;
    }
}
