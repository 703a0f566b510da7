package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Submitting twice through the API (issue 9, part 4): a retry with the same {@code Idempotency-Key} answers the first
 * answer and receives one request; the applicant's tracking takes the query code in a header or a POST body, never in
 * a URL. Same settings as {@link RequestFilesTest}, so both share one application and database.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class RequestApiRetryAndTrackingTest {

    static final String LETTER = """
            {"channel":"LETTER","receivedOn":"2025-09-30","applicantKind":"PERSON","name":"张三",
             "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
             "information":{"description":"%s"},"delivery":"ONLINE"}""";

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

    int requestsDescribed(String description) {
        return jdbc.queryForObject("select count(*) from info_request where info_description = ?", Integer.class,
                description);
    }

    static String unique(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
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


    // ---- the intake API's Idempotency-Key -----------------------------------------------------------------------------

    org.springframework.test.web.servlet.ResultActions receive(String key, String json) throws Exception {
        var call = post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
        return mvc.perform(key == null ? call : call.header("Idempotency-Key", key));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirst201AgainAndReceivesOneRequest() throws Exception {
        String description = unique("请提供2025年交通运输统计公报（幂等）");
        String key = UUID.randomUUID().toString();
        String first = receive(key, LETTER.formatted(description)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        String again = receive(key, LETTER.formatted(description)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat((String) JsonPath.read(first, "$.queryCode")).hasSize(8);
        assertThat(requestsDescribed(description)).isOne();

        // The kept answer holds the query code: encrypted, never in clear.
        String code = JsonPath.read(first, "$.queryCode");
        String stored = jdbc.queryForObject("select answer_cipher from idempotency_key where idem_key = ?",
                String.class, key);
        assertThat(stored).startsWith("v1:").doesNotContain(code).doesNotContain((String) JsonPath.read(first,
                "$.trackingNumber"));

        // Without a key every call is a new request, as before.
        receive(null, LETTER.formatted(description)).andExpect(status().isCreated());
        assertThat(requestsDescribed(description)).isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefusedWith422AndReceivesNothing() throws Exception {
        String description = unique("请提供2025年治超检测站名单（幂等冲突）");
        String key = UUID.randomUUID().toString();
        receive(key, LETTER.formatted(description)).andExpect(status().isCreated());
        String other = unique("请提供另一份信息");
        receive(key, LETTER.formatted(other)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Idempotency-Key")))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("内容不同")));
        assertThat(requestsDescribed(other)).isZero();
        assertThat(requestsDescribed(description)).isOne();
    }

    @Test
    void anIdempotencyKeyLongerThan128CharactersOrWithSpacesIsRefusedWith400NamingTheHeader() throws Exception {
        String description = unique("请提供2025年公路建设项目清单（键过长）");
        receive("k".repeat(129), LETTER.formatted(description)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("128")));
        receive("two words", LETTER.formatted(description)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(requestsDescribed(description)).isZero();
        receive("k".repeat(128), LETTER.formatted(description)).andExpect(status().isCreated());
    }

    @Test
    void concurrentCallsWithTheSameIdempotencyKeyReceiveOneRequestAndAllAnswerTheSame() throws Exception {
        String description = unique("请提供2025年港口危险货物作业许可（并发幂等）");
        String key = UUID.randomUUID().toString();
        String basic = "Basic " + Base64.getEncoder().encodeToString("office:Gongkai@2026"
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest call = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests"))
                .header("Content-Type", "application/json").header("Authorization", basic)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(LETTER.formatted(description))).build();
        List<HttpResponse<String>> answers = concurrently(8, () -> http.send(call,
                HttpResponse.BodyHandlers.ofString()));
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(201));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(requestsDescribed(description)).isOne();
    }

    Receipt received(String name, String description) {
        return desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, name, IdType.RESIDENT_ID, "11010519491231002X", "13600136000", null, null,
                null, null, null, null), new Sought(null, null, description, null, Delivery.ONLINE), "applicant");
    }

    @Test
    void theApiTracksWithTheCodeInAHeaderOrAPostBodyAndStillAcceptsTheDeprecatedQueryParameter() throws Exception {
        Receipt r = received("吴九", unique("请提供2025年驾培机构考核结果（接口查询）"));
        String tn = r.trackingNumber();
        String byHeader = mvc.perform(get("/api/v1/requests/" + tn).header("X-Query-Code", r.queryCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECEIVED")).andReturn()
                .getResponse().getContentAsString();
        String byPost = mvc.perform(post("/api/v1/requests/" + tn + "/tracking")
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + r.queryCode() + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byPost).isEqualTo(byHeader);
        mvc.perform(get("/api/v1/requests/" + tn).param("code", r.queryCode())).andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingNumber").value(tn));
        mvc.perform(post("/api/v1/requests/" + tn + "/tracking").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"WRONG999\"}")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("申请编号或查询码不正确。"));
        mvc.perform(post("/api/v1/requests/" + tn + "/tracking").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/" + tn)).andExpect(status().isNotFound());
    }
}
