package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The request page's steps as the office, the department and the leader use them: 转办 needs a department chosen,
 * every step's notice says what happened, the review and the approval carry an opinion (a return must have one) kept on
 * the internal timeline only, and both show the reply letter as it will be sent.
 */
@GongkaiAppTest
class RequestWorkbenchStepsTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired RequestDesk desk;
    @Autowired UserDetailsService accounts;

    String office;
    String leader;
    String staff;
    String roadsName;
    Long roads;
    String tracking;
    String code;
    Long id;

    @BeforeEach
    void aRequestJustReceived() throws Exception {
        TestAgency agency = TestAgency.create(context, "办理测试局");
        Long officeDept = agency.department("办公室");
        roadsName = "公路建设科" + agency.code();
        roads = agency.department(roadsName);
        office = agency.user("office", officeDept, Role.OFFICE);
        leader = agency.user("leader", officeDept, Role.LEADER);
        staff = agency.user("staff", roads, Role.STAFF);
        String json = """
                {"channel":"LETTER","receivedOn":"%s","applicantKind":"PERSON","name":"钱七","idType":"RESIDENT_ID",
                 "idNumber":"11010519491231002X","phone":"13800138000","email":"q@example.cn","address":"示例市中山路1号",
                 "information":{"title":"国道改扩建工程批复","description":"请提供国道改扩建工程批复全文"},"delivery":"EMAIL"}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        String body = mvc.perform(post("/api/v1/requests").with(httpBasic(office, TestAgency.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        tracking = JsonPath.read(body, "$.trackingNumber");
        code = JsonPath.read(body, "$.queryCode");
        id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
    }

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    String page(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(as(who)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Posts a step and opens the page it redirects to, as the browser does, with the flash notice. */
    String step(String who, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post("/workbench/requests/" + id + path).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MvcResult result = mvc.perform(request.with(user(as(who)))).andExpect(status().is3xxRedirection())
                .andReturn();
        return mvc.perform(get(result.getResponse().getRedirectedUrl()).flashAttrs(result.getFlashMap())
                .with(user(as(who)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String refused(String who, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post("/workbench/requests/" + id + path).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return page(who, request);
    }

    @Test
    void theDepartmentSelectHasNoDefaultAndAnEmptyChoiceIsRefusedNamingTheField() throws Exception {
        String view = page(office, get("/workbench/requests/" + id));
        assertThat(view).contains("<option value=\"\">请选择科室</option>").contains("带红色 * 的为必填项。");
        String select = view.substring(view.indexOf("<select id=\"departmentId\""), view.indexOf("</select>",
                view.indexOf("<select id=\"departmentId\"")));
        assertThat(select).contains("required").doesNotContain("selected");

        assertThat(refused(office, "/assign", "departmentId", "")).contains("请选择“转办科室”。");
        assertThat(refused(office, "/assign")).contains("请选择“转办科室”。");
        assertThat(refused(office, "/assign", "departmentId", "abc")).contains("“承办科室”不是本机关的科室。");
        assertThat(desk.get(as(office), id).getStatus()).isEqualTo(RequestStatus.RECEIVED);
    }

    @Test
    void assigningNamesTheDepartment() throws Exception {
        assertThat(step(office, "/assign", "departmentId", roads.toString())).contains("已指派至" + roadsName + "。");
    }

    @Test
    void theOfficeReadsTheLetterBeforeDecidingAndAReturnNeedsAnOpinionKeptOffTheApplicantsTimeline()
            throws Exception {
        step(office, "/assign", "departmentId", roads.toString());
        assertThat(step(staff, "/reply", "outcome", "DISCLOSED", "replyForm", "DISCLOSE", "text",
                "经审查，您申请的批复予以公开，见附件。")).contains("答复已拟定（予以公开），待局办公室审核。");

        String review = page(office, get("/workbench/requests/" + id));
        assertThat(review).contains("答复告知书预览").contains("政府信息公开申请答复告知书").contains("钱七：")
                .contains("经审查，您申请的批复予以公开，见附件。").contains("name=\"opinion\"");

        assertThat(refused(office, "/review", "approve", "false", "opinion", " "))
                .contains("退回时须填写“审核意见”，写明退回的理由。");
        assertThat(desk.get(as(office), id).getStatus()).isEqualTo(RequestStatus.REPLY_DRAFTED);
        assertThat(refused(office, "/review", "approve", "false", "opinion", "长".repeat(501)))
                .contains("“审核意见”最多500个字。");

        String returned = step(office, "/review", "approve", "false", "opinion", "未写明公开方式，请补充。");
        assertThat(returned).contains("已退回" + roadsName + "，请按意见修改答复。").contains("意见：未写明公开方式，请补充。");
        assertThat(desk.get(as(office), id).getStatus()).isEqualTo(RequestStatus.ASSIGNED);

        step(staff, "/reply", "outcome", "DISCLOSED", "replyForm", "DISCLOSE", "text", "予以公开，以电子邮件发送。");
        String replied = step(office, "/review", "approve", "true", "opinion", "同意答复。");
        assertThat(replied).contains("已作出答复，请局办公室送达申请人。").contains("意见：同意答复。");

        String tracked = mvc.perform(get("/api/v1/requests/" + tracking).param("code", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tracked).doesNotContain("未写明公开方式").doesNotContain("同意答复");
        assertThat(step(office, "/delivery", "text", "电子邮件")).contains("答复已送达，申请 " + tracking + " 办理完毕。");
    }

    @Test
    void theLeaderReadsTheLetterAndApprovesWithAnOpinionOrReturnsWithOne() throws Exception {
        step(office, "/assign", "departmentId", roads.toString());
        step(staff, "/reply", "outcome", "PARTIAL", "replyForm", "DISCLOSE", "text", "批复中涉及个人信息的部分不予公开，其余予以公开。");
        assertThat(step(office, "/review", "approve", "true")).contains("审核通过，答复已报分管领导审批。");

        String approval = page(leader, get("/workbench/requests/" + id));
        assertThat(approval).contains("答复告知书预览").contains("批复中涉及个人信息的部分不予公开，其余予以公开。")
                .contains("批准答复");
        assertThat(refused(leader, "/leader", "approve", "false")).contains("退回时须填写“审核意见”");
        assertThat(step(leader, "/leader", "approve", "false", "opinion", "请写明不予公开部分的依据。"))
                .contains("已退回" + roadsName).contains("意见：请写明不予公开部分的依据。");
    }

    @Test
    void ratesWithNothingRepliedYetShowADashNotZeroPercent() throws Exception {
        String stats = page(office, get("/workbench/requests/statistics"));
        assertThat(stats).contains("<td id=\"stat-received\">1</td>");
        assertThat(stats).contains("按期答复率</th><td>—</td>").doesNotContain("0.0%");
    }

    @Test
    void theApiStillAcceptsAReturnWithoutAnOpinionAndKeepsOneWhenGiven() throws Exception {
        desk.assign(as(office), id, roads);
        desk.draftReply(as(staff), id, Outcome.DISCLOSED, ReplyForm.DISCLOSE, "予以公开。", null);
        mvc.perform(post("/api/v1/requests/" + tracking + "/reply/review").with(httpBasic(office, TestAgency.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false}")).andExpect(status().isOk());
        desk.draftReply(as(staff), id, Outcome.DISCLOSED, ReplyForm.DISCLOSE, "予以公开。", null);
        mvc.perform(post("/api/v1/requests/" + tracking + "/reply/review").with(httpBasic(office, TestAgency.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false,\"opinion\":\"依据不全\"}"))
                .andExpect(status().isOk());
        assertThat(desk.timeline(id)).extracting(RequestEvent::getText).contains("意见：依据不全");
    }
}
