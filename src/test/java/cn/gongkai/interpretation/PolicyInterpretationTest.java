package cn.gongkai.interpretation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 政策解读"三同步": a policy is not accepted without its interpretation plan (三同步 三), the plan travels with it, and
 * its interpretation is due 10 working days after publication (三同步 五), linked to its policy both ways.
 */
@GongkaiAppTest
class PolicyInterpretationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;
    @Autowired Interpretations interpretations;
    long department;

    static RequestPostProcessor as(String user) {
        return httpBasic(user, "Gongkai@2026");
    }

    @BeforeEach
    void staffDepartment() {
        department = jdbc.queryForObject("select department_id from user_account where username = 'staff'",
                Long.class);
    }

    static String item(String title, String genre, LocalDate createdOn, String extra) {
        return """
                {"title":"%s","summary":"测试","body":"为规范管理，制定本文件。","createdOn":"%s","topic":"工业、交通",
                 "genre":"%s","attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE"%s}"""
                .formatted(title, createdOn, genre, extra);
    }

    String plan() {
        return """
                {"outline":"一、出台背景；二、主要内容","forms":["TEXT","GRAPHIC"],"channels":["PORTAL","WECHAT"],
                 "departmentId":%d,"responsiblePerson":"张科员","timing":"与文件同步发布"}""".formatted(department);
    }

    long create(String json) throws Exception {
        String response = mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    void decide(String user, long id, String body) throws Exception {
        mvc.perform(post("/api/v1/items/" + id + "/decision").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
    }

    /** Submit, three approvals, publish: the item's index number. */
    String throughTheChain(long id) throws Exception {
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(as("staff"))).andExpect(status().isOk());
        decide("depthead", id, "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}");
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}");
        decide("leader", id, "{\"decision\":\"APPROVED\"}");
        String published = mvc.perform(post("/api/v1/items/" + id + "/publish").with(as("office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(published, "$.indexNumber");
    }

    @Test
    void aNormativeDocumentWithoutItsInterpretationPlanIsRefusedAtSubmissionAndGoesThroughWithOne() throws Exception {
        long id = create(item("关于规范道路运输经营的若干规定", "行政规范性文件", LocalDate.now().minusDays(2), ""));
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(as("staff"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value(Interpretations.PLAN_REQUIRED))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("三同步")))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("一律不得提交")));
        assertThat(itemStatus(id)).isEqualTo("DRAFT");

        // A plan missing its parts is refused naming each of them; nothing is stored.
        mvc.perform(put("/api/v1/items/" + id + "/interpretation-plan").with(as("staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outline\":\"\",\"forms\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='outline')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='forms')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='channels')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='departmentId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='responsiblePerson')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='timing')]").exists());
        assertThat(jdbc.queryForObject("select count(*) from interpretation_plan where item_id = ?", Long.class, id))
                .isZero();

        mvc.perform(put("/api/v1/items/" + id + "/interpretation-plan").with(as("staff"))
                .contentType(MediaType.APPLICATION_JSON).content(plan())).andExpect(status().isOk())
                .andExpect(jsonPath("$.needsInterpretationPlan").value(true))
                .andExpect(jsonPath("$.interpretationPlan.forms[0]").value("TEXT"));
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(as("staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        // The reviewers see the plan with the policy; while it is in review nobody changes it.
        mvc.perform(get("/api/v1/items/" + id).with(as("depthead"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.interpretationPlan.responsiblePerson").value("张科员"));
        mvc.perform(put("/api/v1/items/" + id + "/interpretation-plan").with(as("staff"))
                .contentType(MediaType.APPLICATION_JSON).content(plan())).andExpect(status().isConflict());
    }

    @Test
    void anItemMarkedImportantPolicyNeedsAPlanWhateverItsGenreAndANoticeDoesNot() throws Exception {
        long important = create(item("关于优化营商环境的若干措施", "意见", LocalDate.now().minusDays(2),
                ",\"importantPolicy\":true"));
        mvc.perform(post("/api/v1/items/" + important + "/submit").with(as("staff"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value(Interpretations.PLAN_REQUIRED));
        long notice = create(item("关于召开安全生产会议的通知", "通知", LocalDate.now().minusDays(2), ""));
        mvc.perform(post("/api/v1/items/" + notice + "/submit").with(as("staff"))).andExpect(status().isOk());
    }

    @Test
    void thePublishedPolicysInterpretationIsDueTenWorkingDaysLaterCountedAcrossTheNationalDayHoliday()
            throws Exception {
        // Published Monday 28 September 2026: 29, 30 September, then 1–7 October off, 8, 9, Saturday 10 (调休上班),
        // 12–16 October: the tenth working day is Friday 16 October (not 12 October as on a plain calendar).
        LocalDate monday = LocalDate.of(2026, 9, 28);
        long id = create(item("道路运输车辆技术管理实施细则", "行政规范性文件", LocalDate.of(2026, 9, 20), ""));
        mvc.perform(put("/api/v1/items/" + id + "/interpretation-plan").with(as("staff"))
                .contentType(MediaType.APPLICATION_JSON).content(plan())).andExpect(status().isOk());
        String index = PlatformClock.replayOn(monday, () -> {
            try {
                return throughTheChain(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(index).isNotBlank();
        Map<String, Object> work = jdbc.queryForMap("select title, due_on, owner_department_id, owner_role, state "
                + "from work_item where subject_type = 'POLICY' and subject_id = ? and kind = 'INTERPRET'",
                Long.toString(id));
        assertThat(work.get("title")).isEqualTo("发布政策解读：道路运输车辆技术管理实施细则");
        assertThat(work.get("due_on").toString()).isEqualTo("2026-10-16");
        assertThat(work.get("owner_department_id")).isEqualTo(department);
        assertThat(work.get("state")).isEqualTo("OPEN");
        mvc.perform(get("/api/v1/items/" + id).with(as("staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.interpretationClock.dueOn").value("2026-10-16"))
                .andExpect(jsonPath("$.interpretationClock.interpretedOn").doesNotExist());
    }

    @Test
    void anInterpretationIsLinkedToItsPolicyBothWaysClosesItsWorkAndIsFoundOnThePortal() throws Exception {
        long policy = create(item("城市道路停车管理办法", "规章", LocalDate.now().minusDays(3), ""));
        mvc.perform(put("/api/v1/items/" + policy + "/interpretation-plan").with(as("staff"))
                .contentType(MediaType.APPLICATION_JSON).content(plan())).andExpect(status().isOk());
        String policyIndex = throughTheChain(policy);

        long interpretation = create(item("《城市道路停车管理办法》图解", "通知", LocalDate.now().minusDays(1),
                ",\"interprets\":%d,\"interpretationForm\":\"GRAPHIC\"".formatted(policy)));
        mvc.perform(get("/api/v1/items/" + interpretation).with(as("staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.genre").value("政策解读"))
                .andExpect(jsonPath("$.needsInterpretationPlan").value(false));
        String interpretationIndex = throughTheChain(interpretation);

        // The policy lists its interpretation; the interpretation names its policy.
        mvc.perform(get("/api/v1/catalog/items/" + policyIndex)).andExpect(status().isOk())
                .andExpect(jsonPath("$.interpretations.length()").value(1))
                .andExpect(jsonPath("$.interpretations[0].indexNumber").value(interpretationIndex))
                .andExpect(jsonPath("$.interpretations[0].form").value("GRAPHIC"))
                .andExpect(jsonPath("$.interpretations[0].url").value("/portal/catalog/" + interpretationIndex));
        mvc.perform(get("/api/v1/catalog/items/" + interpretationIndex)).andExpect(status().isOk())
                .andExpect(jsonPath("$.policy.indexNumber").value(policyIndex))
                .andExpect(jsonPath("$.policy.title").value("城市道路停车管理办法"));
        mvc.perform(get("/api/v1/interpretations").param("policy", policyIndex)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].indexNumber").value(interpretationIndex))
                .andExpect(jsonPath("$.items[0].title").value("《城市道路停车管理办法》图解"))
                .andExpect(jsonPath("$.items[0].form").value("GRAPHIC"))
                .andExpect(jsonPath("$.items[0].publishedAt").exists())
                .andExpect(jsonPath("$.items[0].url").value("/portal/catalog/" + interpretationIndex))
                .andExpect(jsonPath("$.items[0].policy.indexNumber").value(policyIndex))
                .andExpect(jsonPath("$.items[0].policy.url").value("/portal/catalog/" + policyIndex));
        mvc.perform(get("/api/v1/interpretations").param("policy", "不存在的索引号")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));

        // Published the same day: the policy's work is done, in time.
        assertThat(jdbc.queryForObject("select state from work_item where subject_type = 'POLICY' and subject_id = ? "
                + "and kind = 'INTERPRET'", String.class, Long.toString(policy))).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select interpreted_on_time from policy_interpretation where policy_item_id = ?",
                Boolean.class, policy)).isTrue();

        // On the portal: 相关解读 on the policy's page, 解读的政策 on the interpretation's, and the 政策解读 section.
        mvc.perform(get("/portal/catalog/" + policyIndex)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("相关解读")))
                .andExpect(content().string(Matchers.containsString("/portal/catalog/" + interpretationIndex)));
        mvc.perform(get("/portal/catalog/" + interpretationIndex)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("解读的政策")))
                .andExpect(content().string(Matchers.containsString("/portal/catalog/" + policyIndex)));
        mvc.perform(get("/portal/interpretation").param("form", "GRAPHIC")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("《城市道路停车管理办法》图解")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("本栏目暂无已公开的内容"))));
        mvc.perform(get("/portal/catalog").param("genre", "政策解读").param("q", "停车")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/portal/catalog/" + interpretationIndex)));
    }

    @Test
    void aVideoInterpretationCarriesItsRecordingsAddressAndOnlyAWebAddressIsAccepted() throws Exception {
        long policy = create(item("道路货物运输源头治超管理规定", "行政规范性文件", LocalDate.now().minusDays(3), ""));
        mvc.perform(put("/api/v1/items/" + policy + "/interpretation-plan").with(as("staff"))
                .contentType(MediaType.APPLICATION_JSON).content(plan())).andExpect(status().isOk());
        String policyIndex = throughTheChain(policy);
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(item(
                "源头治超视频解读", "通知", LocalDate.now(), ",\"interprets\":%d,\"interpretationForm\":\"AUDIO_VIDEO\",\"mediaUrl\":\"javascript:alert(1)\""
                        .formatted(policy)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mediaUrl"));
        long video = create(item("源头治超视频解读", "通知", LocalDate.now(), (",\"interprets\":%d,\"interpretationForm\":"
                + "\"AUDIO_VIDEO\",\"mediaUrl\":\"https://video.example.cn/zhichao.mp4\"").formatted(policy)));
        String index = throughTheChain(video);
        mvc.perform(get("/api/v1/interpretations").param("policy", policyIndex)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].mediaUrl").value("https://video.example.cn/zhichao.mp4"));
        mvc.perform(get("/portal/catalog/" + index)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"https://video.example.cn/zhichao.mp4\"")));
    }

    @Test
    void anInterpretationMustExplainAPublishedPolicyOfTheAgencyAndNameItsForm() throws Exception {
        long draftPolicy = create(item("尚未发布的规定", "行政规范性文件", LocalDate.now().minusDays(2), ""));
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(item(
                "解读", "通知", LocalDate.now(), ",\"interprets\":%d,\"interpretationForm\":\"TEXT\"".formatted(
                        draftPolicy)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("interprets"));
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(item(
                "解读", "通知", LocalDate.now(), ",\"interprets\":%d".formatted(draftPolicy))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='interpretationForm')]").exists());
    }

    @Test
    void theOfficeChoosesWhichGenresNeedAPlanAndAnEmptyListBringsBackTheDefaults() throws Exception {
        mvc.perform(get("/api/v1/interpretation/genres").with(as("office"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.genres[0]").value("规章"));
        mvc.perform(put("/api/v1/interpretation/genres").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"genres\":[\"规章\",\"行政规范性文件\",\"规划\",\"意见\"]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.genres.length()").value(4));
        try {
            long opinion = create(item("关于推进交通运输数字化转型的意见", "意见", LocalDate.now().minusDays(1), ""));
            mvc.perform(post("/api/v1/items/" + opinion + "/submit").with(as("staff")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.rule").value(Interpretations.PLAN_REQUIRED));
            mvc.perform(put("/api/v1/interpretation/genres").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"genres\":[]}")).andExpect(status().isForbidden());
        } finally {
            mvc.perform(put("/api/v1/interpretation/genres").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"genres\":[]}")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.genres.length()").value(3));
        }
    }

    @Test
    void theAnnualReportOffersTheYearsCountOfPoliciesInterpretedInTime() throws Exception {
        // The office drafts this year's report: among the facts offered for its text, the year's policies and how
        // many had their interpretation within 10 working days (三同步 五).
        var office = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user((cn.gongkai.org.StaffPrincipal) accounts.loadUserByUsername("office"));
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        mvc.perform(post("/workbench/reports/generate").param("year", Integer.toString(year)).with(office)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .csrf())).andExpect(status().is3xxRedirection());
        long report = jdbc.queryForObject("select id from annual_report where year = ? and agency_id = "
                + "(select agency_id from user_account where username = 'office')", Long.class, year);
        Interpretations.YearFigures figures = interpretations.yearFigures(jdbc.queryForObject(
                "select agency_id from user_account where username = 'office'", Long.class), year);
        assertThat(figures.policies()).isGreaterThanOrEqualTo(6);
        mvc.perform(get("/workbench/reports/" + report).with(office)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("本年发布须解读的政策文件" + figures.policies()
                        + "件，其中" + figures.onTime() + "件在印发后10个工作日内")));
    }

    private String itemStatus(long id) {
        return jdbc.queryForObject("select status from info_item where id = ?", String.class, id);
    }
}
