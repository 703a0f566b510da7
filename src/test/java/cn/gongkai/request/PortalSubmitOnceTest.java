package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Submitting twice on the portal (issue 9, part 4): the form follows post/redirect/get with a one-time token, so a
 * double click or a reload of the receipt creates one request; tracking takes the code by POST and keeps the request
 * in the browser's session, so that no URL carries the code. Same settings as {@link RequestFilesTest} (one-second
 * form age, high per-address limit), so both share one application and database.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class PortalSubmitOnceTest {

    static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern TRACKING = Pattern.compile("id=\"tracking-number\">([^<]+)<");
    static final Pattern QUERY_CODE = Pattern.compile("id=\"query-code\">([^<]+)<");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired RequestDesk desk;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return m.group(1).replace("&#45;", "-").replace("&amp;", "&");
    }

    int requestsDescribed(String description) {
        return jdbc.queryForObject("select count(*) from info_request where info_description = ?", Integer.class,
                description);
    }

    static String unique(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the portal form ---------------------------------------------------------------------------------------------

    /** Opens the form in the session and waits out the form's minimum age; answers the form token. */
    String openForm(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/portal/apply").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        Thread.sleep(1_100);
        return find(FORM_TOKEN, page);
    }

    org.springframework.test.web.servlet.ResultActions submit(MockHttpSession session, String token,
            String description) throws Exception {
        return mvc.perform(post("/portal/apply").session(session).with(csrf()).param("formToken", token)
                .param("website", "").param("applicantKind", "PERSON").param("name", "赵六")
                .param("idType", "RESIDENT_ID").param("idNumber", "11010519491231002X").param("phone", "13800138000")
                .param("description", description).param("delivery", "ONLINE"));
    }

    @Test
    void aSuccessfulSubmissionRedirectsWith303ToTheReceiptAndReloadingTheReceiptReceivesNothing() throws Exception {
        String description = unique("请提供2025年城市公交线网优化方案（刷新回执）");
        MockHttpSession citizen = new MockHttpSession();
        submit(citizen, openForm(citizen), description).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/portal/apply/receipt"));
        String first = mvc.perform(get("/portal/apply/receipt").session(citizen)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        String number = find(TRACKING, first);
        String code = find(QUERY_CODE, first);
        for (int reload = 0; reload < 3; reload++) {
            String again = mvc.perform(get("/portal/apply/receipt").session(citizen)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(find(TRACKING, again)).isEqualTo(number);
        }
        assertThat(requestsDescribed(description)).isOne();
        assertThat(desk.track(number, code)).isPresent();

        // The receipt belongs to the browser that submitted: another one is sent to an empty form, no code shown.
        mvc.perform(get("/portal/apply/receipt").session(new MockHttpSession())).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/portal/apply"));
    }

    @Test
    void aDoubleClickSendsTheSameFormTokenTwiceAndCreatesOneRequestTheSecondShowingTheFirstReceipt() throws Exception {
        String description = unique("请提供2025年出租车运价调整听证材料（双击）");
        MockHttpSession citizen = new MockHttpSession();
        String token = openForm(citizen);
        submit(citizen, token, description).andExpect(status().isSeeOther());
        String number = find(TRACKING, mvc.perform(get("/portal/apply/receipt").session(citizen)).andReturn()
                .getResponse().getContentAsString());
        submit(citizen, token, description).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/portal/apply/receipt"));
        assertThat(find(TRACKING, mvc.perform(get("/portal/apply/receipt").session(citizen)).andReturn()
                .getResponse().getContentAsString())).isEqualTo(number);
        assertThat(requestsDescribed(description)).isOne();

        // The spent token sent from another browser (a copied page) receives nothing and shows no receipt.
        String elsewhere = submit(new MockHttpSession(), token, description).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(elsewhere).contains("这份申请表已经提交过，不会重复受理").doesNotContain(number)
                .doesNotContain("id=\"query-code\"");
        assertThat(requestsDescribed(description)).isOne();
    }

    @Test
    void twoSimultaneousSubmissionsOfTheSameFormCreateOneRequestAndBothShowItsReceipt() throws Exception {
        String description = unique("请提供2025年道路养护计划（同时提交）");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/portal/apply")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", find(CSRF, page.body()));
        fields.put("formToken", find(FORM_TOKEN, page.body()));
        fields.put("website", "");
        fields.put("applicantKind", "PERSON");
        fields.put("name", "孙七");
        fields.put("idType", "RESIDENT_ID");
        fields.put("idNumber", "11010519491231002X");
        fields.put("phone", "13800138000");
        fields.put("description", description);
        fields.put("delivery", "ONLINE");
        String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Thread.sleep(1_100);
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/apply"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        List<HttpResponse<String>> answers = concurrently(5, () -> http.send(post,
                HttpResponse.BodyHandlers.ofString()));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(303);
            assertThat(a.headers().firstValue("location")).hasValue("/portal/apply/receipt");
        });
        assertThat(requestsDescribed(description)).isOne();
    }

    <T> List<T> concurrently(int n, java.util.concurrent.Callable<T> call) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                running.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                results.add(f.get());
            }
            return results;
        }
    }


    // ---- tracking without the code in a URL --------------------------------------------------------------------------

    Receipt received(String name, String description) {
        return desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, name, IdType.RESIDENT_ID, "11010519491231002X", "13600136000", null, null,
                null, null, null, null), new Sought(null, null, description, null, Delivery.ONLINE), "applicant");
    }

    @Test
    void thePortalTracksByPostAndAGetWithTheCodeInTheUrlRevealsNothing() throws Exception {
        Receipt r = received("周八", unique("请提供公共停车场收费标准（查询）"));
        MockHttpSession stranger = new MockHttpSession();
        String byUrl = mvc.perform(get("/portal/track").session(stranger).param("number", r.trackingNumber())
                .param("code", r.queryCode())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(byUrl).doesNotContain("id=\"status\"").doesNotContain("周*");

        MockHttpSession citizen = new MockHttpSession();
        PortalSessions.post(mvc, citizen, r.trackingNumber(), r.queryCode()).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/portal/track"));
        String page = PortalSessions.page(mvc, citizen);
        assertThat(page).contains("id=\"status\"", "周*", "method=\"post\"").doesNotContain(r.queryCode());

        // Without the CSRF token the form is refused.
        mvc.perform(post("/portal/track").session(new MockHttpSession()).param("number", r.trackingNumber())
                .param("code", r.queryCode())).andExpect(status().isForbidden());
        // A wrong code shows nothing and forgets what this browser tracked before.
        PortalSessions.post(mvc, citizen, r.trackingNumber(), "WRONG999").andExpect(status().isOk());
        assertThat(PortalSessions.page(mvc, citizen)).doesNotContain("id=\"status\"");
    }

    @Test
    void theReplyLetterAndReleasedFilesDownloadWithoutTheCodeInAnyUrl() throws Exception {
        Receipt r = received("郑十", unique("请提供2025年出租车服务质量考核细则（下载）"));
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
        desk.assign(as("office"), id, as("staff").departmentId());
        byte[] pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/api/v1/requests/" + r.trackingNumber() + "/actions")
                .file(new MockMultipartFile("action", "", MediaType.APPLICATION_JSON_VALUE,
                        "{\"action\":\"reply\",\"outcome\":\"DISCLOSED\",\"replyForm\":\"DISCLOSE\",\"text\":\"予以公开。\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("files", "考核细则.pdf", "application/pdf", pdf))
                .with(httpBasic("staff", "Gongkai@2026"))).andExpect(status().isOk());
        desk.officeReview(as("office"), id, true);
        Long fileId = jdbc.queryForObject("select id from request_file where request_id = ?", Long.class, id);

        // The portal: links without number or code; the downloads read the request tracked in the session.
        MockHttpSession citizen = PortalSessions.track(mvc, r.trackingNumber(), r.queryCode());
        String page = PortalSessions.page(mvc, citizen);
        assertThat(page).contains("href=\"/portal/track/letter.pdf\"", "href=\"/portal/track/files/" + fileId + "\"")
                .doesNotContain(r.queryCode());
        mvc.perform(get("/portal/track/letter.pdf").session(citizen)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        assertThat(mvc.perform(get("/portal/track/files/" + fileId).session(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(pdf);
        // The old links with the code in the URL no longer open anything.
        mvc.perform(get("/portal/track/letter.pdf").param("number", r.trackingNumber()).param("code", r.queryCode()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/track/files/" + fileId).param("number", r.trackingNumber())
                .param("code", r.queryCode())).andExpect(status().isNotFound());

        // The API: file URLs without the code; the code goes in the header or a POST body.
        String tracked = mvc.perform(post("/api/v1/requests/" + r.trackingNumber() + "/tracking")
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + r.queryCode() + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(tracked, "$.files[0].url");
        assertThat(url).isEqualTo("/api/v1/requests/" + r.trackingNumber() + "/files/" + fileId);
        assertThat(tracked).doesNotContain(r.queryCode());
        assertThat(mvc.perform(get(url).header("X-Query-Code", r.queryCode())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + r.queryCode() + "\"}")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray()).isEqualTo(pdf);
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"WRONG999\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(status().isNotFound());
    }
}
