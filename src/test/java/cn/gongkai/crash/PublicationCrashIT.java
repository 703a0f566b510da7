package cn.gongkai.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the application dies in the middle of a publication, at each moment that matters (the publication made
 * but not committed; committed in PostgreSQL but not yet in the search index; written to the index but its queue row
 * not yet deleted), and is started again. Each time the item is either published and findable everywhere (its portal
 * page, the search, the Atom feed, the sitemap) or published nowhere, and a retried publish says what happened.
 */
class PublicationCrashIT {

    private static final Pattern CATALOG_URL = Pattern.compile("/portal/catalog/[^<\"]+</loc>");

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void anItemKilledMidPublicationIsAfterRestartEitherPublishedEverywhereOrNowhereAndARetrySaysWhich(
            @TempDir Path dir) throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        String committed = "崩溃时已提交的通告" + run;
        String indexed = "崩溃时已索引的通告" + run;
        String uncommitted = "崩溃时未提交的通告" + run;
        long a;
        long b;
        long c;
        try {
            // 1. Three approved items; the JVM halts once the first publication has committed, before the index.
            ChildApplication app = ChildApplication.start(dir, "1", "--gongkai.test.halt-at=after-commit");
            a = approved(app, committed);
            b = approved(app, indexed);
            c = approved(app, uncommitted);
            publishAndDie(app, a);

            // 2. The publication committed: the queue row it left is applied at start (by the start-up run or the
            // queue's job, whichever comes first); the item is public everywhere.
            app = ChildApplication.start(dir, "2", "--gongkai.test.halt-at=after-index");
            String indexNumberA = publishedEverywhere(app, a, committed);
            publishAndDie(app, b);

            // 3. Indexed, its queue row not yet deleted: applied again at start, harmlessly; public everywhere.
            app = ChildApplication.start(dir, "3", "--gongkai.test.halt-at=before-commit");
            String indexNumberB = publishedEverywhere(app, b, indexed);
            publishAndDie(app, c);

            // 4. Not committed: the item is published nowhere, still waiting for the office, and a retry publishes it.
            app = ChildApplication.start(dir, "4");
            try {
                publishedNowhere(app, c, uncommitted, 2);
                HttpResponse<String> retry = app.post("office", "/api/v1/items/" + c + "/publish", null);
                assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
                assertThat((String) JsonPath.read(retry.body(), "$.status")).isEqualTo("PUBLISHED");
                publishedEverywhere(app, c, uncommitted);
                assertThat(sitemapEntries(app)).isEqualTo(3);

                // A retry of a publication that went through says so, and publishes nothing again.
                HttpResponse<String> again = app.post("office", "/api/v1/items/" + a + "/publish", null);
                assertThat(again.statusCode()).isEqualTo(409);
                assertThat((String) JsonPath.read(again.body(), "$.rule")).isEqualTo("document.error.alreadyPublished");
                assertThat((String) JsonPath.read(again.body(), "$.message")).contains("已经发布");
                assertThat(item(app, a, "$.indexNumber")).isEqualTo(indexNumberA);
                assertThat(item(app, b, "$.indexNumber")).isEqualTo(indexNumberB);
                assertThat(sitemapEntries(app)).isEqualTo(3);
            } finally {
                app.stop();
            }
        } finally {
            ChildApplication.stopOrphanedDatabase(dir);
        }
    }

    /** An item drafted, submitted and approved through the JSON API: ready for the office to publish. */
    private static long approved(ChildApplication app, String title) throws Exception {
        HttpResponse<String> created = app.post("staff", "/api/v1/items", """
                {"title":"%s","summary":"崩溃测试的概述","body":"%s的正文","createdOn":"%s","topic":"工业、交通",
                 "genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE",
                 "thirdPartyInvolved":false}""".formatted(title, title, LocalDate.now().minusDays(1)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
        expectOk(app.post("staff", "/api/v1/items/" + id + "/submit", null));
        expectOk(app.post("depthead", "/api/v1/items/" + id + "/decision",
                "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}"));
        expectOk(app.post("secrecy", "/api/v1/items/" + id + "/decision",
                "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}"));
        expectOk(app.post("leader", "/api/v1/items/" + id + "/decision", "{\"decision\":\"APPROVED\"}"));
        assertThat(item(app, id, "$.status")).isEqualTo("APPROVED");
        return id;
    }

    private static void expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The office publishes; the JVM halts at the configured moment, so no answer comes. */
    private static void publishAndDie(ChildApplication app, long id) throws Exception {
        try {
            HttpResponse<String> answer = app.post("office", "/api/v1/items/" + id + "/publish", null);
            throw new AssertionError("the application answered instead of halting: " + answer.statusCode() + " "
                    + answer.body());
        } catch (java.io.IOException expected) {
            // the connection died with the JVM
        }
        assertThat(app.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
    }

    private static String item(ChildApplication app, long id, String path) throws Exception {
        HttpResponse<String> r = app.getAs("office", "/api/v1/items/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonPath.read(r.body(), path);
    }

    /** Published, and found by every public path: its page, the search, the feed and the sitemap. */
    private static String publishedEverywhere(ChildApplication app, long id, String title) throws Exception {
        assertThat(item(app, id, "$.status")).isEqualTo("PUBLISHED");
        String indexNumber = item(app, id, "$.indexNumber");
        assertThat(indexNumber).isNotBlank();
        HttpResponse<String> page = app.get("/portal/catalog/" + indexNumber);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title);
        assertThat(searchTotal(app, title)).as("found by the search").isOne();
        assertThat(app.get("/portal/feed.atom").body()).as("in the feed").contains("<title>" + title + "</title>");
        assertThat(app.get("/sitemap.xml").body()).as("in the sitemap").contains("/portal/catalog/" + indexNumber
                + "</loc>");
        return indexNumber;
    }

    /** Not published: still approved, without index number, and no public path knows it. */
    private static void publishedNowhere(ChildApplication app, long id, String title, int publicEntries)
            throws Exception {
        assertThat(item(app, id, "$.status")).isEqualTo("APPROVED");
        assertThat(item(app, id, "$.indexNumber")).isNull();
        assertThat(searchTotal(app, title)).as("not found by the search").isZero();
        assertThat(app.get("/portal/feed.atom").body()).as("not in the feed").doesNotContain(title);
        assertThat(sitemapEntries(app)).as("the sitemap lists only the two published").isEqualTo(publicEntries);
        HttpResponse<String> catalog = app.get("/api/v1/catalog/search?size=50");
        assertThat(((Number) JsonPath.read(catalog.body(), "$.total")).intValue()).isEqualTo(publicEntries);
    }

    private static long searchTotal(ChildApplication app, String words) throws Exception {
        HttpResponse<String> r = app.get("/api/v1/catalog/search?q=" + URLEncoder.encode(words,
                StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ((Number) JsonPath.read(r.body(), "$.total")).longValue();
    }

    private static int sitemapEntries(ChildApplication app) throws Exception {
        Matcher m = CATALOG_URL.matcher(app.get("/sitemap.xml").body());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
