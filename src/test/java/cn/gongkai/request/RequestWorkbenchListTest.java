package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The workbench request list's filters, in an agency of its own: each filter narrows what the member may see anyway,
 * open work comes first by due date, and a bad value is named in Chinese on a 400 page that keeps what was typed.
 */
@GongkaiAppTest
class RequestWorkbenchListTest {

    static final String PERSON = """
            "applicantKind":"PERSON","name":"赵六","idType":"RESIDENT_ID","idNumber":"11010519491231002X",""";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired RequestDesk desk;
    @Autowired UserDetailsService accounts;

    String office;
    String planningStaff;
    Long planning;
    Long roads;
    String overdueBus;
    String freshRoads;
    String closedOld;

    @BeforeEach
    void anAgencyWithThreeRequests() throws Exception {
        TestAgency agency = TestAgency.create(context, "筛选测试局");
        Long officeDept = agency.department("办公室");
        planning = agency.department("规划科" + agency.code());
        roads = agency.department("公路建设科" + agency.code());
        office = agency.user("office", officeDept, Role.OFFICE);
        planningStaff = agency.user("staff", planning, Role.STAFF);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        overdueBus = receive(LocalDate.of(2025, 3, 3), PERSON, "2025年公交线路调整方案");
        freshRoads = receive(today, organisation(), "国道养护计划");
        closedOld = receive(LocalDate.of(2025, 1, 6), PERSON, "2024年出租车运力规划");
        desk.assign(as(office), id(overdueBus), planning);
        desk.assign(as(office), id(freshRoads), roads);
        desk.assign(as(office), id(closedOld), planning);
        desk.draftReply(as(planningStaff), id(closedOld), Outcome.DISCLOSED, ReplyForm.DISCLOSE, "予以公开，见附件。",
                null);
        desk.officeReview(as(office), id(closedOld), true);
    }

    static String organisation() {
        return """
                "applicantKind":"ORGANISATION","organisationKind":"LAW_SERVICE","name":"某律师事务所","creditCode":"%s",
                "legalRepresentative":"李四","contactPerson":"王五",""".formatted(
                cn.gongkai.org.CreditCode.withCheckCharacter("91350100MA" + String.format("%07d",
                        System.nanoTime() % 10_000_000L)));
    }

    String receive(LocalDate on, String applicant, String title) throws Exception {
        String json = "{\"channel\":\"LETTER\",\"receivedOn\":\"" + on + "\"," + applicant + """
                "phone":"13800138000","email":"a@example.cn","address":"示例市中山路1号",
                "information":{"title":"%s","description":"请提供%s全文"},"delivery":"EMAIL"}""".formatted(title, title);
        String body = mvc.perform(post("/api/v1/requests").with(httpBasic(office, TestAgency.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        return JsonPath.read(body, "$.trackingNumber");
    }

    Long id(String tracking) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
    }

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    String page(String user, MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(user(as(user)))).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
    }

    String list(String user, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/workbench/requests");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return page(user, request, 200);
    }

    @Test
    void withoutFiltersOpenWorkComesFirstByDueDateAndClosedRequestsLast() throws Exception {
        String all = list(office);
        assertThat(all).contains(overdueBus, freshRoads, closedOld);
        assertThat(all.indexOf(overdueBus)).isLessThan(all.indexOf(freshRoads));
        assertThat(all.indexOf(freshRoads)).isLessThan(all.indexOf(closedOld));
        assertThat(all).contains("共 3 件，未办结的在前，按答复期限排列");
    }

    @Test
    void theOverdueFilterShowsOnlyOpenRequestsPastTheirDueDate() throws Exception {
        assertThat(list(office, "overdue", "true")).contains(overdueBus).doesNotContain(freshRoads, closedOld);
        assertThat(list(office, "overdue", "false")).contains(freshRoads, closedOld).doesNotContain(overdueBus);
    }

    @Test
    void dueWithinDaysShowsOpenRequestsDueFromTodayOnToThatDay() throws Exception {
        assertThat(list(office, "dueWithin", "40")).contains(freshRoads).doesNotContain(overdueBus, closedOld);
        assertThat(list(office, "dueWithin", "3")).doesNotContain(freshRoads, overdueBus, closedOld);
    }

    @Test
    void theStatusFilterShowsOnlyRequestsInThatStatus() throws Exception {
        assertThat(list(office, "status", "REPLIED")).contains(closedOld).doesNotContain(overdueBus, freshRoads);
        assertThat(list(office, "status", "ASSIGNED")).contains(overdueBus, freshRoads).doesNotContain(closedOld);
    }

    @Test
    void theDepartmentFilterShowsOnlyThatDepartmentsRequests() throws Exception {
        assertThat(list(office, "departmentId", roads.toString())).contains(freshRoads)
                .doesNotContain(overdueBus, closedOld);
    }

    @Test
    void theReceivedDatesBoundTheReceivedDateBothWays() throws Exception {
        assertThat(list(office, "receivedFrom", "2025-03-01", "receivedTo", "2025-03-31")).contains(overdueBus)
                .doesNotContain(freshRoads, closedOld);
        assertThat(list(office, "receivedTo", "2025-02-28")).contains(closedOld).doesNotContain(overdueBus, freshRoads);
    }

    @Test
    void theApplicantKindFilterSeparatesCitizensFromOrganisations() throws Exception {
        assertThat(list(office, "applicantKind", "ORGANISATION")).contains(freshRoads)
                .doesNotContain(overdueBus, closedOld);
        assertThat(list(office, "applicantKind", "PERSON")).contains(overdueBus, closedOld).doesNotContain(freshRoads);
    }

    @Test
    void freeTextFindsTheTitleOrTheTrackingNumber() throws Exception {
        assertThat(list(office, "q", "国道养护")).contains(freshRoads).doesNotContain(overdueBus, closedOld);
        assertThat(list(office, "q", overdueBus.toLowerCase())).contains(overdueBus)
                .doesNotContain(freshRoads, closedOld);
    }

    @Test
    void filtersNeverWidenADepartmentsViewToAnotherDepartmentsRequests() throws Exception {
        assertThat(list(planningStaff)).contains(overdueBus, closedOld).doesNotContain(freshRoads);
        assertThat(list(planningStaff, "departmentId", roads.toString())).doesNotContain(freshRoads, overdueBus);
        assertThat(list(planningStaff, "q", freshRoads)).doesNotContain("/workbench/requests/" + id(freshRoads) + "\"")
                .contains("value=\"" + freshRoads + "\"");
    }

    @Test
    void theMenuShowsTheSignedInPersonsOverdueWorkBesideMyWork() throws Exception {
        String handler = list(planningStaff);
        String nav = handler.substring(handler.indexOf("<nav class=\"sidenav\""), handler.indexOf("</nav>"));
        assertThat(nav).contains("我的待办").contains("逾期 1").contains("我的待办中有 1 项已逾期");
        assertThat(list(office)).doesNotContain("项已逾期");
    }

    @Test
    void aBadFilterValueIsNamedInChineseOnA400PageThatKeepsWhatWasTyped() throws Exception {
        String days = page(office, get("/workbench/requests").param("dueWithin", "abc").param("q", "公交"), 400);
        assertThat(days).contains("“几天内到期”须为0至365之间的整数（天）。").contains("value=\"abc\"")
                .contains("value=\"公交\"");
        assertThat(page(office, get("/workbench/requests").param("receivedFrom", "2025-13-01"), 400))
                .contains("“受理日期自”不是有效日期").contains("value=\"2025-13-01\"");
        assertThat(page(office, get("/workbench/requests").param("receivedFrom", "2025-05-01")
                .param("receivedTo", "2025-04-01"), 400)).contains("“受理日期自”不能晚于“受理日期至”。");
        assertThat(page(office, get("/workbench/requests").param("status", "NONSENSE"), 400))
                .contains("“办理状态”的取值无效");
        assertThat(page(office, get("/workbench/requests").param("applicantKind", "ALIEN"), 400))
                .contains("“申请人类型”的取值无效");
        assertThat(page(office, get("/workbench/requests").param("departmentId", "999999999"), 400))
                .contains("“承办科室”的取值无效");
        assertThat(page(office, get("/workbench/requests").param("overdue", "maybe"), 400))
                .contains("“已逾期”的取值无效");
        assertThat(page(office, get("/workbench/requests").param("q", "长".repeat(101)), 400))
                .contains("“标题、受理编号或索引号”最多100个字。");
        assertThat(page(office, get("/workbench/requests").param("dueWithin", "99999999999999999999"), 400))
                .contains("几天内到期");
    }
}
