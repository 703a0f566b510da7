package cn.gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Chinese throughout: every page a citizen or any staff role can reach by following links (GET only) shows no English
 * word but a short list of terms Chinese users read as they are (PDF, DOCX, API, ID, …). A login name shown where a
 * person's name belongs is caught too, since login names are English.
 */
@GongkaiAppTest
class EnglishWordsCrawlBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    /** Terms shown as they are: file formats, standards, units, the product's own short names. */
    static final Set<String> ALLOWED = Set.of("PDF", "DOCX", "XLSX", "CSV", "API", "ID", "JSON", "HTML", "URL", "Atom",
            "RSS", "XML", "SM3", "SM4", "TOTP", "QR", "HTTP", "HTTPS", "OpenAPI", "Swagger", "UI", "ECharts", "MB",
            "KB", "GB", "Excel", "Word", "WPS", "IP", "HMAC", "GB/T", "App", "Email", "E-mail", "ICP", "PNG", "JPG",
            "JPEG", "OFD", "ZIP", "CA", "SMS", "Authenticator", "DOC", "XLS", "TXT", "GIF");

    /**
     * Words of two letters or more. Letters joined to digits are identifiers (tracking numbers such as YS2026…, index
     * numbers), not words; so are single letters.
     */
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z][A-Za-z]+(?![A-Za-z0-9])");
    /** What is not prose: e-mail addresses, web addresses, file names with an extension, code blocks. */
    private static final Pattern NOT_PROSE = Pattern.compile(
            "[\\w.+-]+@[\\w.-]+|https?://\\S+|otpauth://\\S+|[\\w\\u4e00-\\u9fff()（）《》-]+\\.(?:docx|pdf|xlsx|csv|png|jpg|zip|ofd|txt|json)");
    private static final int MAX_PAGES_PER_ROLE = 80;
    private static final int PER_SHAPE = 4;

    @Test
    void noPageReachableByACitizenOrAnyStaffRoleShowsAnEnglishWord() {
        Set<String> found = new TreeSet<>();
        crawl(null, "/portal", found);
        for (String user : List.of("staff", "depthead", "secrecy", "office", "leader", "group", "admin", "secadmin",
                "auditor", "platform", "city-office")) {
            crawl(user, "/workbench", found);
        }
        assertThat(found).as("English words on pages (page: words)").isEmpty();
    }

    private void crawl(String user, String start, Set<String> found) {
        Page page = browser.newPage(port);
        if (user != null) {
            Browser.signIn(page, user, Browser.DEMO_PASSWORD);
        }
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new LinkedHashSet<>(queue);
        java.util.Map<String, Integer> shapes = new java.util.HashMap<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES_PER_ROLE) {
            String path = queue.poll();
            com.microsoft.playwright.Response response;
            try {
                response = page.navigate(path);
                page.waitForLoadState(LoadState.DOMCONTENTLOADED);
            } catch (com.microsoft.playwright.PlaywrightException download) {
                continue; // a file, not a page
            }
            visited++;
            String type = response == null ? "" : String.valueOf(response.headers().get("content-type"));
            if (!type.startsWith("text/html")) {
                continue;
            }
            String text = (String) page.evaluate("() => { const c = document.body.cloneNode(true);"
                    + " c.querySelectorAll('code, pre, script, style, [data-machine]').forEach(e => e.remove());"
                    + " return c.innerText; }");
            Set<String> words = englishWords(text);
            if (!words.isEmpty()) {
                found.add((user == null ? "citizen" : user) + " " + path + ": " + words);
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('a[href]'))"
                    + ".map(a => a.getAttribute('href'))");
            for (String href : links) {
                String next = sameSite(href, path);
                // A few pages of each shape (/workbench/requests/#, calendar?month=): the same template, other data.
                if (next != null && seen.add(next) && shapes.merge(shape(next), 1, Integer::sum) <= PER_SHAPE) {
                    queue.add(next);
                }
            }
        }
        page.close();
    }

    /** A link worth following: same site, a page of the portal or the workbench, not a download or a sign-out. */
    private static String sameSite(String href, String from) {
        if (href == null || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("javascript:")) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create("http://x" + from).resolve(href.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"x".equals(uri.getHost())) {
            return null;
        }
        String path = uri.getRawPath();
        if (path == null || !(path.startsWith("/portal") || path.startsWith("/workbench")) || path.contains("/logout")
                || path.matches(".*\\.(pdf|docx|xlsx|csv|zip|atom|xml|json|png|svg)$") || path.contains("/files/")
                || path.contains("/export") || path.contains("/attachments/") || path.contains("/download")) {
            return null;
        }
        // One page per pattern of query: the first of each list's pages, not every page of every filter.
        String query = uri.getRawQuery();
        if (query != null && (query.contains("page=") || query.contains("sort="))) {
            return null;
        }
        return query == null ? path : path + "?" + query;
    }

    /** A page's shape: numbers in the path as #, the query by its parameter names only. */
    static String shape(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)).replaceAll("\\d+", "#");
        if (q < 0) {
            return path;
        }
        return path + "?" + String.join("&", new TreeSet<>(List.of(pathAndQuery.substring(q + 1)
                .replaceAll("=[^&]*", "").split("&"))));
    }

    static Set<String> englishWords(String text) {
        String prose = NOT_PROSE.matcher(text).replaceAll(" ");
        Set<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(prose);
        while (m.find()) {
            if (!ALLOWED.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }
}
