package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A request's life through the API and the desk, on the real database and calendar. */
@GongkaiAppTest
class RequestFlowTest {

    static final String LETTER = """
            {"channel":"LETTER","receivedOn":"2025-09-30","applicantKind":"PERSON","name":"张三",
             "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
             "email":"zhang@example.cn","address":"示例市中山路1号","postcode":"650000",
             "information":{"title":"2025年公交线路调整方案","documentNumber":"示交发〔2025〕8号",
               "description":"请提供2025年公交线路调整方案全文"},"purpose":"了解出行变化","delivery":"EMAIL"}""";

    @Autowired MockMvc mvc;
    @Autowired RequestDesk desk;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    String receive(String json) throws Exception {
        return mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aLetterReceivedOnTheEveOfNationalDayIsDueOnTheTwentyEighthOfOctoberAndItsPersonalDataIsEncrypted()
            throws Exception {
        String body = receive(LETTER);
        assertThat((String) JsonPath.read(body, "$.receivedOn")).isEqualTo("2025-09-30");
        assertThat((String) JsonPath.read(body, "$.dueOn")).isEqualTo("2025-10-28");
        String tracking = JsonPath.read(body, "$.trackingNumber");
        var row = jdbc.queryForMap("select id_number_cipher, id_number_hash, phone_cipher from info_request "
                + "where tracking_number = ?", tracking);
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("11010519491231002X")
                .doesNotContain("13800138000"));
        assertThat((String) row.get("id_number_cipher")).startsWith("v1:");
    }

    @Test
    void intakeRefusesABadIdNumberNamingTheFieldAndIsNeverAnonymous() throws Exception {
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER.replace("11010519491231002X",
                        "110105194912310021"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("证件号码")));
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).content(LETTER))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/requests").with(httpBasic("staff", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER)).andExpect(status().isForbidden());
        String org = LETTER.replace("\"applicantKind\":\"PERSON\"", "\"applicantKind\":\"ORGANISATION\","
                + "\"organisationKind\":\"LAW_SERVICE\",\"creditCode\":\"91350100M000100Y44\"");
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(org)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
    }

    @Test
    void aPartialDisclosureIsDraftedByTheDepartmentReviewedByTheOfficeApprovedByTheLeaderAndTracked()
            throws Exception {
        String body = receive(LETTER);
        String tracking = JsonPath.read(body, "$.trackingNumber");
        String code = JsonPath.read(body, "$.queryCode");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
        Long planning = as("staff").departmentId();

        assertThatThrownBy(() -> desk.get(as("staff"), id)).isInstanceOf(RequestDesk.RequestNotFound.class);
        desk.assign(as("office"), id, planning);
        assertThatThrownBy(() -> desk.draftReply(as("staff"), id, Outcome.PARTIAL, ReplyForm.REFUSE, "部分公开", null))
                .hasMessage("request.error.formMismatch");
        desk.draftReply(as("staff"), id, Outcome.PARTIAL, ReplyForm.DISCLOSE, "经审查，方案中涉及个人信息的部分不予公开，其余部分予以公开。",
                null);
        desk.officeReview(as("office"), id, true);
        assertThat(desk.get(as("office"), id).getStatus()).isEqualTo(RequestStatus.AWAITING_LEADER);
        desk.leaderDecision(as("leader"), id, true);
        assertThat(desk.get(as("office"), id).getStatus()).isEqualTo(RequestStatus.REPLIED);

        mvc.perform(get("/api/v1/requests/" + tracking).param("code", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLIED")).andExpect(jsonPath("$.applicant").value("张*"))
                .andExpect(jsonPath("$.outcome").value("PARTIAL"))
                .andExpect(jsonPath("$.timeline[?(@.step=='REPLIED')]").exists())
                .andExpect(jsonPath("$.idNumber").doesNotExist());
        String tracked = mvc.perform(get("/api/v1/requests/" + tracking).param("code", code)).andReturn()
                .getResponse().getContentAsString();
        assertThat(tracked).doesNotContain("11010519491231002X").doesNotContain("13800138000").doesNotContain("张三");
        mvc.perform(get("/api/v1/requests/" + tracking).param("code", "WRONG123")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/YS00000000000000").param("code", code)).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheHandlingDepartmentAndTheOfficeSeeTheFullIdNumberAndEveryViewIsAudited() throws Exception {
        String tracking = JsonPath.read(receive(LETTER), "$.trackingNumber");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
        desk.assign(as("office"), id, as("staff").departmentId());
        assertThat(desk.maskedIdNumber(desk.get(as("staff"), id))).isEqualTo("110105********002X");
        assertThat(desk.personalData(as("staff"), id).idNumber()).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> desk.personalData(as("leader"), id)).hasMessage("request.error.notAllowed");
        assertThatThrownBy(() -> desk.get(as("yunshu"), id)).isInstanceOf(RequestDesk.RequestNotFound.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PERSONAL_DATA_VIEWED' "
                + "and object_id = ?", Integer.class, tracking)).isEqualTo(1);
    }

    @Test
    void anAmendmentIsAskedOnceWithinSevenWorkingDaysAndRestartsTheClock() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String tracking = JsonPath.read(receive(LETTER.replace("2025-09-30", today)), "$.trackingNumber");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
        desk.requestAmendment(as("office"), id, "请写明所需方案的年份和线路编号");
        assertThatThrownBy(() -> desk.requestAmendment(as("office"), id, "再补一次"))
                .isInstanceOf(RequestRuleViolation.class);
        desk.recordAmendment(as("office"), id, "2025年第3号线路调整方案", null);
        InfoRequest amended = desk.get(as("office"), id);
        assertThat(amended.getStatus()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(amended.getClockStart()).isEqualTo(amended.getAmendedOn());

        String old = JsonPath.read(receive(LETTER), "$.trackingNumber");
        Long oldId = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, old);
        assertThatThrownBy(() -> desk.requestAmendment(as("office"), oldId, "太晚了"))
                .hasMessage("request.error.amendmentWindow");
    }

    @Test
    void twoHundredConcurrentSubmissionsAllPersistWithDistinctTrackingNumbers() throws Exception {
        Long agency = as("office").agencyId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                calls.add(() -> desk.receive(agency, RequestChannel.ONLINE, null,
                        new Applicant(ApplicantKind.PERSON, null, "申请人" + n, IdType.RESIDENT_ID, "11010519491231002X",
                                "13800138000", null, null, null, null, null, null),
                        new Sought(null, null, "并发申请 " + n, null, Delivery.ONLINE), "applicant").trackingNumber());
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            assertThat(numbers).hasSize(200);
            assertThat(jdbc.queryForObject("select count(*) from info_request where info_description like '并发申请 %'",
                    Integer.class)).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
    }
}
