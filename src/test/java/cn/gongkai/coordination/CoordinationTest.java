package cn.gongkai.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 政府信息发布协调制度 一–四 between the demo city's agencies: the transport bureau's office asks the land and the market
 * bureaus; an agreement (with its unified wording) lets the item go, a disagreement goes to the city's authority,
 * whose decision binds both; nothing is published while a coordination is open or disputed.
 */
@GongkaiAppTest
class CoordinationTest {

    static final String PASSWORD = "Gongkai@2026";

    @Autowired MockMvc mvc;
    @Autowired WorkCalendarStore calendar;
    @Autowired OrgDirectory org;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }

    /** A workbench page, as the signed-in person sees it (the workbench signs in by form, not by Basic). */
    private RequestPostProcessor signedIn(String user) {
        return SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername(user));
    }

    private ResultActions postJson(String path, String user, String json) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** An item drafted by staff and passed by the department head and the confidentiality review. */
    private long itemAtTheLeadersStep(String title, boolean otherAgencies) throws Exception {
        String json = """
                {"title":"%s","summary":"发布协调测试","body":"规划局核定的用地范围为示例路以东。","createdOn":"%s",
                 "topic":"工业、交通","genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],
                 "secrecyLevel":"NONE","thirdPartyInvolved":false,"otherAgenciesInvolved":%s,
                 "otherAgencies":"%s"}""".formatted(title, LocalDate.now().minusDays(1), otherAgencies,
                otherAgencies ? "示例市自然资源和规划局" : "");
        String created = postJson("/api/v1/items", "staff", json).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(as("staff"))).andExpect(status().isOk());
        postJson("/api/v1/items/" + id + "/decision", "depthead", "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}")
                .andExpect(status().isOk());
        postJson("/api/v1/items/" + id + "/decision", "secrecy",
                "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}").andExpect(status().isOk());
        return id;
    }

    private long send(long itemId, String to, String outside, boolean urgent) throws Exception {
        String body = """
                {"itemId":%d,"toAgency":%s,"outsideAgency":%s,"question":"请确认用地范围的表述","urgent":%s}"""
                .formatted(itemId, to == null ? "null" : "\"" + to + "\"",
                        outside == null ? "null" : "\"" + outside + "\"", urgent);
        String sent = postJson("/api/v1/coordinations", "office", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(sent, "$.id")).longValue();
    }

    @Test
    void anAgreementWithAUnifiedWordingReleasesTheItemAndTheDrafterSeesTheWording() throws Exception {
        long item = itemAtTheLeadersStep("协调测试：用地范围公告", true);
        // 协调 一: the leader cannot pass an item that involves another agency before it has confirmed in writing.
        postJson("/api/v1/items/" + item + "/decision", "leader", "{\"decision\":\"APPROVED\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("document.gate.otherAgency"));
        // The old line of free text no longer counts as a confirmation.
        postJson("/api/v1/items/" + item + "/records/other-agency-confirmation", "office", "{\"text\":\"电话确认\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.useCoordination"));

        String body = "{\"itemId\":" + item + ",\"toAgency\":\"ZRZY\",\"question\":\"请确认用地范围的表述\"}";
        String sent = postJson("/api/v1/coordinations", "office", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                // 协调 三: 10 working days on the real calendar.
                .andExpect(jsonPath("$.dueOn").value(calendar.current().plusWorkingDays(calendar.today(), 10)
                        .toString()))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(sent, "$.id")).longValue();

        // It is in the land bureau's office's 我的待办 and its received list; nobody else's.
        mvc.perform(get("/api/v1/coordinations?role=received").with(as("zrzy-office"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$[?(@.id==" + id + ")].itemTitle").value("协调测试：用地范围公告"))
                .andExpect(jsonPath("$[?(@.id==" + id + ")].fromAgency").value("示例市交通运输局"));
        mvc.perform(get("/workbench").with(signedIn("zrzy-office")))
                .andExpect(content().string(containsString("发布协调答复：协调测试：用地范围公告")));
        mvc.perform(get("/api/v1/coordinations?role=received").with(as("scjg-office")))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/coordinations/" + id).with(as("scjg-office"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/coordinations/" + id).with(as("staff"))).andExpect(status().isForbidden());
        // Only the receiving office answers.
        postJson("/api/v1/coordinations/" + id + "/answer", "office", "{\"answer\":\"AGREE\"}")
                .andExpect(status().isForbidden());

        // 协调 四: agreeing with a unified wording needs the wording.
        postJson("/api/v1/coordinations/" + id + "/answer", "zrzy-office", "{\"answer\":\"AGREE_WITH_WORDING\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("wording"));
        postJson("/api/v1/coordinations/" + id + "/answer", "zrzy-office", "{\"answer\":\"MAYBE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answer"));
        postJson("/api/v1/coordinations/" + id + "/answer", "zrzy-office",
                "{\"answer\":\"AGREE_WITH_WORDING\",\"wording\":\"用地范围以自然资源部门批复的红线图为准\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AGREED_WITH_WORDING"));
        postJson("/api/v1/coordinations/" + id + "/answer", "zrzy-office", "{\"answer\":\"DISAGREE\",\"reasons\":\"x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("coordination.error.notOpen"));
        mvc.perform(get("/workbench").with(signedIn("zrzy-office")))
                .andExpect(content().string(not(containsString("发布协调答复：协调测试：用地范围公告"))));

        // The drafter reads the wording on the item; the leader may now pass it and the office publish it.
        mvc.perform(get("/workbench/items/" + item).with(signedIn("staff")))
                .andExpect(content().string(containsString("用地范围以自然资源部门批复的红线图为准")));
        postJson("/api/v1/items/" + item + "/decision", "leader", "{\"decision\":\"APPROVED\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/items/" + item + "/publish").with(as("office"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        Long transport = org.agencies().stream().filter(a -> a.getCode().equals("SJTJ")).findFirst().orElseThrow()
                .getId();
        Long land = org.agencies().stream().filter(a -> a.getCode().equals("ZRZY")).findFirst().orElseThrow().getId();
        assertThat(jdbc.queryForList("select agency_id || ':' || action from audit_entry where object_type = "
                + "'COORDINATION' and object_id = ?", String.class, String.valueOf(id)))
                .contains(transport + ":COORDINATION_SENT", land + ":COORDINATION_RECEIVED",
                        transport + ":COORDINATION_ANSWERED", land + ":COORDINATION_ANSWERED");
    }

    @Test
    void aDisagreementGoesToTheCityAuthorityWhoseDecisionNotToPublishBindsTheAgency() throws Exception {
        long item = itemAtTheLeadersStep("协调测试：价格监测通报", false);
        postJson("/api/v1/items/" + item + "/decision", "leader", "{\"decision\":\"APPROVED\"}")
                .andExpect(status().isOk());
        // Asked after approval, urgently: due the same working day (即时答复).
        String sent = postJson("/api/v1/coordinations", "office", """
                {"itemId":%d,"toAgency":"SCJG","question":"请确认价格监测数据","urgent":true}""".formatted(item))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dueOn").value(calendar.current().nextWorkingDayOnOrAfter(calendar.today())
                        .toString()))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(sent, "$.id")).longValue();
        mvc.perform(post("/api/v1/items/" + item + "/publish").with(as("office"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.gate.coordinationPending"))
                .andExpect(jsonPath("$.message").value(containsString("发布协调制度")));

        postJson("/api/v1/coordinations/" + id + "/answer", "scjg-office", "{\"answer\":\"DISAGREE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reasons"));
        postJson("/api/v1/coordinations/" + id + "/answer", "scjg-office",
                "{\"answer\":\"DISAGREE\",\"reasons\":\"数据尚在复核，不宜公开\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPUTED"))
                .andExpect(jsonPath("$.authority").value("示例市人民政府办公室"));
        // Disputed: still not published.
        mvc.perform(post("/api/v1/items/" + item + "/publish").with(as("office"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.gate.coordinationPending"));

        // 协调 二: the authority's office decides; neither bureau can.
        mvc.perform(get("/api/v1/coordinations?role=escalated").with(as("city-office")))
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(get("/workbench").with(signedIn("city-office")))
                .andExpect(content().string(containsString("发布协调裁定：协调测试：价格监测通报")));
        postJson("/api/v1/coordinations/" + id + "/decision", "scjg-office",
                "{\"decision\":\"PUBLISH\",\"reasons\":\"x\"}").andExpect(status().isForbidden());
        postJson("/api/v1/coordinations/" + id + "/decision", "office",
                "{\"decision\":\"PUBLISH\",\"reasons\":\"x\"}").andExpect(status().isForbidden());
        postJson("/api/v1/coordinations/" + id + "/decision", "zrzy-office",
                "{\"decision\":\"PUBLISH\",\"reasons\":\"x\"}").andExpect(status().isNotFound());
        postJson("/api/v1/coordinations/" + id + "/decision", "city-office", "{\"decision\":\"DO_NOT_PUBLISH\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reasons"));
        postJson("/api/v1/coordinations/" + id + "/decision", "city-office",
                "{\"decision\":\"DO_NOT_PUBLISH\",\"reasons\":\"待复核结论出具后再行公开\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECIDED"))
                .andExpect(jsonPath("$.decision").value("DO_NOT_PUBLISH"));
        mvc.perform(post("/api/v1/items/" + item + "/publish").with(as("office"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.gate.coordinationWithheld"));
        // Both bureaus read the binding decision.
        mvc.perform(get("/api/v1/coordinations/" + id).with(as("scjg-office")))
                .andExpect(jsonPath("$.decisionReasons").value("待复核结论出具后再行公开"));
    }

    @Test
    void anOutsideAgencysLetterIsEnteredByTheOfficeWithItsScanAndTheAuthorityMaySetTheWording() throws Exception {
        long item = itemAtTheLeadersStep("协调测试：省级部门联合公告", false);
        postJson("/api/v1/items/" + item + "/decision", "leader", "{\"decision\":\"APPROVED\"}")
                .andExpect(status().isOk());
        long id = send(item, null, "云南省交通运输厅", false);
        mvc.perform(get("/workbench").with(signedIn("office")))
                .andExpect(content().string(containsString("登记外机关协调答复：协调测试：省级部门联合公告")));
        mvc.perform(MockMvcRequestBuilders.multipart("/workbench/coordinations/" + id + "/scan")
                .file(new MockMultipartFile("scan", "复函.pdf", "application/pdf",
                        "just text".getBytes()))
                .with(SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("office")))
                .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("PDF、JPEG或PNG")));
        mvc.perform(MockMvcRequestBuilders.multipart("/workbench/coordinations/" + id + "/scan")
                .file(new MockMultipartFile("scan", "复函.pdf", "application/pdf",
                        "%PDF-1.4 scanned letter".getBytes()))
                .with(SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("office")))
                .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/workbench/coordinations/" + id + "/scan").with(signedIn("office"))).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        // The sending office enters the outside agency's disagreement; the city's authority decides with a wording.
        postJson("/api/v1/coordinations/" + id + "/answer", "office",
                "{\"answer\":\"DISAGREE\",\"reasons\":\"省厅认为实施日期应以省文件为准\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPUTED"));
        postJson("/api/v1/coordinations/" + id + "/decision", "city-office",
                "{\"decision\":\"PUBLISH_WITH_WORDING\",\"reasons\":\"以省文件为准\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("wording"));
        postJson("/api/v1/coordinations/" + id + "/decision", "city-office",
                "{\"decision\":\"PUBLISH_WITH_WORDING\",\"wording\":\"自省文件规定之日起施行\",\"reasons\":\"以省文件为准\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"));
        mvc.perform(get("/workbench/items/" + item).with(signedIn("staff")))
                .andExpect(content().string(containsString("自省文件规定之日起施行")));
        mvc.perform(post("/api/v1/items/" + item + "/publish").with(as("office"))).andExpect(status().isOk());
        // Published: no new coordination about it.
        postJson("/api/v1/coordinations", "office", "{\"itemId\":" + item + ",\"outsideAgency\":\"某厅\","
                + "\"question\":\"再确认\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("coordination.error.itemPublished"));
    }

    @Autowired UserDetailsService accounts;

    @Test
    void aBadRequestAnswers400NamingTheFieldAndAnotherAgencysItemIsNotFound() throws Exception {
        long item = itemAtTheLeadersStep("协调测试：字段校验", false);
        postJson("/api/v1/coordinations", "office", "{\"itemId\":" + item + ",\"toAgency\":\"NOPE\",\"question\":\"q\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("toAgency"));
        postJson("/api/v1/coordinations", "office", "{\"itemId\":" + item + ",\"toAgency\":\"ZRZY\","
                + "\"outsideAgency\":\"某厅\",\"question\":\"q\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("toAgency"));
        postJson("/api/v1/coordinations", "office", "{\"itemId\":" + item + ",\"toAgency\":\"SJTJ\",\"question\":\"q\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("不能与本机关协调。"));
        postJson("/api/v1/coordinations", "office", "{\"itemId\":" + item + ",\"toAgency\":\"ZRZY\",\"question\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("question"));
        postJson("/api/v1/coordinations", "office", "{\"itemId\":\"abc\",\"toAgency\":\"ZRZY\",\"question\":\"q\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemId"));
        postJson("/api/v1/coordinations", "office", "{\"itemId\":" + item + ",\"toAgency\":\"ZRZY\",\"question\":\""
                + "长".repeat(2001) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("question"));
        // Another agency's office cannot ask about (or even learn of) the transport bureau's item.
        postJson("/api/v1/coordinations", "zrzy-office", "{\"itemId\":" + item + ",\"toAgency\":\"SCJG\","
                + "\"question\":\"q\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemId"));
        // Only an office sends.
        postJson("/api/v1/coordinations", "staff", "{\"itemId\":" + item + ",\"toAgency\":\"ZRZY\",\"question\":\"q\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/coordinations?role=everything").with(as("office")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
    }
}
