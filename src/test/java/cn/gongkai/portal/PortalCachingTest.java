package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Public pages (issue 12, caching): the portal's pages, the feed, the sitemap and the open-data API may be kept for a
 * minute and revalidated with ETag and Last-Modified; a 304 is never given for an answer that changed; nothing
 * personal (tracking, the request form, the workbench, errors, a signed-in member's pages) is ever kept. Through the
 * real server, as a browser or a proxy would ask.
 */
@GongkaiAppTest
class PortalCachingTest {

    static final String PASSWORD = "Gongkai@2026";
    static final String PUBLIC_FOR_A_MINUTE = "public, max-age=60";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();
    String indexNumber;

    @BeforeEach
    void anIndexNumberOfThePublicCatalog() throws Exception {
        indexNumber = JsonPath.read(fetch("/api/v1/catalog/search?size=1").body(), "$.items[0].indexNumber");
    }

    /** One address of every kind of public answer. */
    List<String> publicPages() {
        int lastYear = Year.now().getValue() - 1; // demo mode publishes last year's annual report
        return List.of("/", "/portal/guide", "/portal/interpretation", "/portal/catalog",
                "/portal/catalog?q=" + encode("通知"), "/portal/catalog?topic=" + encode("工业、交通"),
                "/portal/catalog/" + indexNumber, "/portal/annual-report", "/portal/annual-report/" + lastYear,
                "/portal/feed.atom", "/sitemap.xml", "/api/v1/catalog/search?q=" + encode("通知"),
                "/api/v1/catalog/items/" + indexNumber);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    HttpResponse<String> fetch(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static Instant lastModified(HttpResponse<?> response) {
        return ZonedDateTime.parse(header(response, "Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
    }

    /**
     * The answer at {@code path} once its Last-Modified lies a whole second in the past: another test may have changed
     * the catalog a moment ago, and a date still to come (two changes within one second) is not given out yet.
     */
    HttpResponse<String> settled(String path) throws Exception {
        AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            page.set(fetch(path));
            return lastModified(page.get()).isBefore(Instant.now().minusSeconds(1));
        });
        return page.get();
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(java.time.ZoneOffset.UTC));
    }

    @Test
    void everyPublicPageKindMayBeKeptForAMinuteAndCarriesAnETagAndALastModified() throws Exception {
        for (String path : publicPages()) {
            HttpResponse<String> page = fetch(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(header(page, "Cache-Control")).as(path).isEqualTo(PUBLIC_FOR_A_MINUTE);
            assertThat(header(page, "ETag")).as(path).matches("W/\"[A-Za-z0-9_-]+\"");
            assertThat(lastModified(page)).as(path).isBeforeOrEqualTo(Instant.now());
            assertThat(page.headers().allValues("Pragma")).as(path).isEmpty();
            assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void aConditionalRequestWithTheETagIsAnswered304WithoutABodyForGetAndHead() throws Exception {
        for (String path : publicPages()) {
            HttpResponse<String> page = fetch(path);
            String etag = header(page, "ETag");
            HttpResponse<String> again = fetch(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(header(again, "ETag")).as(path).isEqualTo(etag);
            assertThat(header(again, "Cache-Control")).as(path).isEqualTo(PUBLIC_FOR_A_MINUTE);

            HttpResponse<String> head = send("HEAD", path);
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(header(head, "ETag")).as("HEAD " + path).isEqualTo(etag);
            assertThat(send("HEAD", path, "If-None-Match", etag).statusCode()).as("HEAD " + path).isEqualTo(304);
        }
        HttpResponse<String> home = fetch("/");
        assertThat(fetch("/", "If-None-Match", "W/\"another\", " + header(home, "ETag")).statusCode())
                .as("one of several tags").isEqualTo(304);
        assertThat(fetch("/", "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(fetch("/", "If-None-Match", "W/\"another\"").statusCode()).isEqualTo(200);
    }

    @Test
    void ifModifiedSinceIsAnswered304OnlyWithoutIfNoneMatchAndOnlyFromTheLastModifiedOn() throws Exception {
        HttpResponse<String> page = settled("/portal/catalog");
        Instant modified = lastModified(page);
        assertThat(fetch("/portal/catalog", "If-Modified-Since", httpDate(modified)).statusCode()).isEqualTo(304);
        assertThat(fetch("/portal/catalog", "If-Modified-Since", httpDate(modified.plusSeconds(1))).statusCode())
                .isEqualTo(304);
        assertThat(fetch("/portal/catalog", "If-Modified-Since", httpDate(modified.minusSeconds(1))).statusCode())
                .as("kept since before the last change").isEqualTo(200);
        assertThat(fetch("/portal/catalog", "If-Modified-Since", httpDate(Instant.now().plus(1, ChronoUnit.DAYS)))
                .statusCode()).as("a date in the future is no date").isEqualTo(200);
        assertThat(fetch("/portal/catalog", "If-Modified-Since", "yesterday").statusCode()).isEqualTo(200);
        assertThat(fetch("/portal/catalog", "If-Modified-Since", httpDate(modified), "If-None-Match",
                "W/\"another\"").statusCode()).as("If-None-Match decides when both are sent").isEqualTo(200);
    }

    @Test
    void afterANewPublicationTheSameConditionalRequestsGet200WithTheNewItemAndNewValidators() throws Exception {
        List<String> paths = List.of("/", "/portal/catalog?order=DATE", "/portal/feed.atom", "/sitemap.xml",
                "/api/v1/catalog/search");
        List<HttpResponse<String>> before = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> page = settled(path);
            before.add(page);
            assertThat(fetch(path, "If-None-Match", header(page, "ETag")).statusCode()).as(path).isEqualTo(304);
            assertThat(fetch(path, "If-Modified-Since", header(page, "Last-Modified")).statusCode()).as(path)
                    .isEqualTo(304);
        }

        String title = "缓存测试公告" + System.nanoTime();
        String published = publish(title);
        String newIndexNumber = JsonPath.read(published, "$.indexNumber");
        Instant publishedAt = Instant.parse(JsonPath.read(fetch("/api/v1/catalog/items/" + newIndexNumber).body(),
                "$.publishedAt"));

        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            HttpResponse<String> old = before.get(i);
            HttpResponse<String> byTag = fetch(path, "If-None-Match", header(old, "ETag"));
            assertThat(byTag.statusCode()).as(path).isEqualTo(200);
            assertThat(byTag.body()).as(path).contains(path.equals("/sitemap.xml") ? newIndexNumber : title);
            assertThat(header(byTag, "ETag")).as(path).isNotEqualTo(header(old, "ETag"));
            assertThat(lastModified(byTag)).as(path).isAfterOrEqualTo(publishedAt.truncatedTo(ChronoUnit.SECONDS))
                    .isAfterOrEqualTo(lastModified(old));
            HttpResponse<String> byDate = fetch(path, "If-Modified-Since", header(old, "Last-Modified"));
            assertThat(byDate.statusCode()).as(path).isEqualTo(200);
            assertThat(byDate.body()).as(path).contains(path.equals("/sitemap.xml") ? newIndexNumber : title);
        }
    }

    @Test
    void aWithdrawnItemsPageIsGoneRatherThanNotModified() throws Exception {
        String title = "缓存撤回测试" + System.nanoTime();
        String number = JsonPath.read(publish(title), "$.indexNumber");
        HttpResponse<String> page = fetch("/portal/catalog/" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        String etag = header(page, "ETag");
        Long entryId = jdbc.queryForObject("select id from catalog_entry where index_number = ?", Long.class, number);
        mvc.perform(post("/api/v1/catalog/entries/" + entryId + "/withdraw").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"内容有误\"}")).andExpect(status().isOk());
        HttpResponse<String> after = fetch("/portal/catalog/" + number, "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(header(after, "Cache-Control")).contains("no-store");
    }

    @Test
    void personalPagesErrorsAndTheWorkbenchAreNeverStoredAndNeverAnswered304() throws Exception {
        for (String path : List.of("/portal/track", "/portal/apply", "/portal/apply/receipt", "/login",
                "/portal/no-such-section", "/portal/catalog/NO-SUCH-ENTRY", "/portal/annual-report/abc",
                "/portal/annual-report/1999", "/api/v1/catalog/items/NO-SUCH-ENTRY", "/api/v1/catalog/search?size=0",
                "/workbench", "/api/v1/requests")) {
            HttpResponse<String> page = fetch(path, "If-None-Match", "*");
            assertThat(page.statusCode()).as(path).isNotEqualTo(304);
            assertThat(header(page, "Cache-Control")).as(path).contains("no-store").doesNotContain("public");
            assertThat(page.headers().allValues("ETag")).as(path).isEmpty();
        }
        assertThat(fetch("/portal/apply").body()).as("the form carries a CSRF token").contains("_csrf");
    }

    @Test
    void aPublicPageAnsweredToASignedInMemberOrAScriptWithCredentialsIsNotPublic() throws Exception {
        MockHttpServletResponse anonymous = mvc.perform(get("/portal/catalog")).andReturn().getResponse();
        assertThat(anonymous.getHeader("Cache-Control")).isEqualTo(PUBLIC_FOR_A_MINUTE);

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("office").password(PASSWORD))
                .andReturn().getRequest().getSession(false);
        for (String path : List.of("/", "/portal/catalog", "/portal/catalog/" + indexNumber, "/portal/feed.atom",
                "/api/v1/catalog/search", "/workbench", "/workbench/items")) {
            MockHttpServletResponse page = mvc.perform(get(path).session(session)
                    .header("If-None-Match", "*")).andReturn().getResponse();
            assertThat(page.getStatus()).as(path).isEqualTo(200);
            assertThat(page.getHeader("Cache-Control")).as(path).contains("no-store").doesNotContain("public");
            assertThat(page.getHeader("ETag")).as(path).isNull();
        }
        MockHttpServletResponse script = mvc.perform(get("/api/v1/catalog/search").with(as("office")))
                .andReturn().getResponse();
        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(script.getHeader("Cache-Control")).contains("no-store").doesNotContain("public");
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }

    /** A proactive item from draft to publication over the publishing API, as the demo agency's staff would. */
    String publish(String title) throws Exception {
        String json = """
                {"title":"%s","summary":"缓存测试","body":"缓存测试正文。","createdOn":"%s","topic":"工业、交通",
                 "genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE"}"""
                .formatted(title, LocalDate.now().minusDays(1));
        String created = mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(as("staff"))).andExpect(status().isOk());
        decide("depthead", id, "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}");
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}");
        decide("leader", id, "{\"decision\":\"APPROVED\"}");
        return mvc.perform(post("/api/v1/items/" + id + "/publish").with(as("office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    void decide(String user, long id, String body) throws Exception {
        mvc.perform(post("/api/v1/items/" + id + "/decision").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
    }
}
