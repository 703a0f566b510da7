package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.TestAgency;
import cn.gongkai.request.RequestStatistics;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The statistics dashboard over an agency of its own, filled through the real request and publishing workflows
 * (JSON API): the tables under the charts show the right numbers, the period changes them, only the office, the
 * leaders and the leading group see them, and never another agency's.
 */
@GongkaiAppTest
class DashboardTest {

    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired UserDetailsService accounts;
    @Autowired RequestStatistics statistics;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    final LocalDate longAgo = today.minusDays(60);

    TestAgency agency;
    Long planning;
    Long roads;
    String deptA;
    String deptB;
    String office;
    String leader;
    String group;
    String secrecy;
    String headA;
    String staffA;
    String staffB;

    @BeforeEach
    void anAgencyOfItsOwn() {
        agency = TestAgency.create(context, "统计测试局");
        deptA = "规划科" + agency.code();
        deptB = "公路科" + agency.code();
        Long officeDept = agency.department("办公室");
        planning = agency.department(deptA);
        roads = agency.department(deptB);
        office = agency.user("office", officeDept, Role.OFFICE);
        leader = agency.user("leader", officeDept, Role.LEADER);
        group = agency.user("group", officeDept, Role.LEADING_GROUP);
        secrecy = agency.user("secrecy", officeDept, Role.SECRECY_REVIEWER);
        headA = agency.user("head-a", planning, Role.DEPT_HEAD);
        staffA = agency.user("staff-a", planning, Role.STAFF);
        staffB = agency.user("staff-b", roads, Role.STAFF);
    }

    @Test
    void repliesPerMonthByOutcomeAndTheOnTimeRateComeFromTheWorkflowAndMatchTheStatisticsPage() throws Exception {
        String onTime = receive(today);
        act(office, onTime, "{\"action\":\"assign\",\"departmentId\":" + planning + "}");
        act(staffA, onTime, "{\"action\":\"reply\",\"outcome\":\"DISCLOSED\",\"replyForm\":\"DISCLOSE\",\"text\":\"予以公开，见附件。\"}");
        act(office, onTime, "{\"action\":\"office-review\",\"approve\":true}");
        String late = receive(longAgo);
        act(office, late, "{\"action\":\"assign\",\"departmentId\":" + planning + "}");
        act(staffA, late, "{\"action\":\"reply\",\"outcome\":\"REFUSED_PROCESS\",\"replyForm\":\"REFUSE\",\"text\":\"属于过程性信息。\"}");
        act(office, late, "{\"action\":\"office-review\",\"approve\":true}");
        act(leader, late, "{\"action\":\"leader-decision\",\"approve\":true}");

        String page = page(office, get("/workbench/dashboard"));
        String month = YearMonth.from(today).toString();
        assertThat(page).contains(ECHARTS).contains("id=\"period\"");
        assertThat(rowHeaders(page, "t-outcomes")).hasSize(12).contains(month);
        // 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理, 合计
        assertThat(row(page, "t-outcomes", month)).containsExactly("1", "0", "1", "0", "0", "0", "2");
        assertThat(rowHeaders(page, "t-outcomes")).filteredOn(m -> !m.equals(month))
                .allSatisfy(m -> assertThat(row(page, "t-outcomes", m)).containsOnly("0"));

        // Both requests were received in the period: one reply on time, one late.
        String both = page(office, get("/workbench/dashboard").param("from", YearMonth.from(longAgo).toString())
                .param("to", month));
        assertThat(row(both, "t-ontime", deptA)).containsExactly("2", "1", "50.0%");
        var figures = statistics.byDepartment(agency.id(), YearMonth.from(longAgo).atDay(1),
                YearMonth.from(today).atEndOfMonth()).get(planning);
        assertThat(figures.replied()).isEqualTo(2);
        assertThat(figures.onTime()).isEqualTo(1);

        // Only this month: the late request was received before it; no replies fell in the earlier months.
        String thisMonth = page(office, get("/workbench/dashboard").param("from", month).param("to", month));
        assertThat(row(thisMonth, "t-ontime", deptA)).containsExactly("1", "1", "100.0%");
        String before = page(office, get("/workbench/dashboard").param("from", YearMonth.from(longAgo).toString())
                .param("to", YearMonth.from(today).minusMonths(1).toString()));
        assertThat(rowHeaders(before, "t-outcomes")).doesNotContain(month);
        assertThat(row(before, "t-outcomes", YearMonth.from(longAgo).toString())).containsOnly("0");
        assertThat(row(before, "t-ontime", deptA)).containsExactly("1", "0", "0.0%");
    }

    @Test
    void openAndOverdueWorkIsCountedByDepartmentAtTheEndOfThePeriod() throws Exception {
        String overdue = receive(longAgo);
        act(office, overdue, "{\"action\":\"assign\",\"departmentId\":" + roads + "}");
        String fresh = receive(today);
        act(office, fresh, "{\"action\":\"assign\",\"departmentId\":" + roads + "}");
        receive(today);

        String page = page(leader, get("/workbench/dashboard"));
        assertThat(row(page, "t-workload", deptB)).containsExactly("2", "1");
        // The office's intake is work of the whole agency (the calendar upkeep item may join it, never overdue).
        List<String> agencyWide = row(page, "t-workload", "本机关（按角色办理，未分科室）");
        assertThat(Integer.parseInt(agencyWide.get(0))).isGreaterThanOrEqualTo(1);
        assertThat(agencyWide.get(1)).isEqualTo("0");

        // At the end of an earlier month none of this work had been opened yet.
        String earlier = page(leader, get("/workbench/dashboard")
                .param("from", YearMonth.from(longAgo).toString()).param("to", YearMonth.from(longAgo).toString()));
        assertThat(earlier).doesNotContain(deptB);
    }

    @Test
    void proactiveItemsPublishedWithinTwentyWorkingDaysOfFormationAndTheCatalogGrowth() throws Exception {
        long inTime = publish(today.minusDays(3), "统计测试：按时发布的通知");
        publish(longAgo, "统计测试：逾期发布的通知");
        // A new version (变更) keeps the item's first publication: it is counted once.
        mvc.perform(put("/api/v1/items/" + inTime).with(httpBasic(staffA, TestAgency.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(itemJson(today.minusDays(3), "统计测试：按时发布的通知（修订）")))
                .andExpect(status().isOk());
        review(inTime);
        mvc.perform(get("/api/v1/items/" + inTime).with(httpBasic(staffA, TestAgency.PASSWORD)))
                .andExpect(jsonPath("$.version").value(2));

        String month = YearMonth.from(today).toString();
        String page = page(group, get("/workbench/dashboard"));
        assertThat(row(page, "t-timeliness", deptA)).containsExactly("2", "1", "50.0%");
        assertThat(row(page, "t-growth", month)).containsExactly("2", "2");

        String previous = YearMonth.from(today).minusMonths(1).toString();
        String twoMonths = page(group, get("/workbench/dashboard").param("from", previous).param("to", month));
        assertThat(rowHeaders(twoMonths, "t-growth")).containsExactly(previous, month);
        assertThat(row(twoMonths, "t-growth", previous)).containsExactly("0", "0");
        assertThat(row(twoMonths, "t-growth", month)).containsExactly("2", "2");
        String onlyPrevious = page(group, get("/workbench/dashboard").param("from", previous).param("to", previous));
        assertThat(onlyPrevious).doesNotContain("id=\"t-timeliness\"");
        String nextYear = page(group, get("/workbench/dashboard").param("year", String.valueOf(today.getYear() + 1)));
        assertThat(row(nextYear, "t-growth", (today.getYear() + 1) + "-01")).containsExactly("0", "—");
        String lastYear = page(group, get("/workbench/dashboard").param("year", String.valueOf(today.getYear() - 1)));
        assertThat(row(lastYear, "t-growth", (today.getYear() - 1) + "-12")).containsExactly("0", "0");
    }

    @Test
    void anotherAgencysFiguresNeverAppear() throws Exception {
        String request = receive(today);
        act(office, request, "{\"action\":\"assign\",\"departmentId\":" + planning + "}");
        publish(today.minusDays(1), "统计测试：只属于本机关的通知");

        String demo = page("office", get("/workbench/dashboard"));
        assertThat(demo).doesNotContain(deptA).doesNotContain(deptB);
        String own = page(office, get("/workbench/dashboard"));
        assertThat(own).contains(deptA).doesNotContain("综合规划科").doesNotContain("运输管理科");
        assertThat(row(own, "t-growth", YearMonth.from(today).toString())).containsExactly("1", "1");
    }

    @Test
    void onlyTheOfficeTheLeadersAndTheLeadingGroupOpenTheDashboardAndSeeItInTheNavigation() throws Exception {
        for (String allowed : List.of(office, leader, group)) {
            mvc.perform(get("/workbench/dashboard").with(user(as(allowed)))).andExpect(status().isOk());
            assertThat(page(allowed, get("/workbench"))).contains("href=\"/workbench/dashboard\"");
        }
        String admin = agency.user("admin", planning, Role.ADMIN);
        for (String refused : List.of(staffA, headA, secrecy, admin)) {
            mvc.perform(get("/workbench/dashboard").with(user(as(refused)))).andExpect(status().isForbidden());
            assertThat(page(refused, get("/workbench"))).doesNotContain("/workbench/dashboard");
        }
        mvc.perform(get("/workbench/dashboard")).andExpect(status().is3xxRedirection());
    }

    @Test
    void echartsIsServedFromTheApplicationWithoutSigningIn() throws Exception {
        String script = mvc.perform(get(ECHARTS)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(script).contains("echarts");
        mvc.perform(get("/js/dashboard.js")).andExpect(status().isOk());
        // No script from elsewhere (a random CSRF token may well contain the letters "cdn").
        assertThat(page(office, get("/workbench/dashboard"))).contains("src=\"" + ECHARTS + "\"")
                .doesNotContainPattern("src=\"(https?:)?//");
    }

    @Test
    void aBadPeriodIsNamedAndTheInputKept() throws Exception {
        assertThat(page(office, get("/workbench/dashboard").param("year", "二〇二六")))
                .contains("“年度”应为 1990 至 2100 之间的年份").contains("value=\"二〇二六\"")
                .doesNotContain("id=\"t-outcomes\"");
        assertThat(page(office, get("/workbench/dashboard").param("from", "2026-13").param("to", "2026-12")))
                .contains("“起始月份”应为年月").contains("value=\"2026-13\"");
        assertThat(page(office, get("/workbench/dashboard").param("from", "2026-06").param("to", "")))
                .contains("“截止月份”应为年月");
        assertThat(page(office, get("/workbench/dashboard").param("from", "2026-06").param("to", "2026-05")))
                .contains("“截止月份”不能早于“起始月份”");
        assertThat(page(office, get("/workbench/dashboard").param("from", "2000-01").param("to", "2026-05")))
                .contains("统计期间最长 120 个月");
    }

    // --- workflows ---------------------------------------------------------------------------------------------

    String receive(LocalDate receivedOn) throws Exception {
        String json = """
                {"channel":"LETTER","receivedOn":"%s","applicantKind":"PERSON","name":"钱七",
                 "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
                 "address":"示例市中山路1号","information":{"description":"请提供%s的公交线路调整方案"},
                 "delivery":"EMAIL","email":"qian@example.cn"}""".formatted(receivedOn, receivedOn);
        String body = mvc.perform(post("/api/v1/requests").with(httpBasic(office, TestAgency.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.trackingNumber");
    }

    void act(String username, String trackingNumber, String action) throws Exception {
        mvc.perform(post("/api/v1/requests/" + trackingNumber + "/actions")
                .with(httpBasic(username, TestAgency.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(action)).andExpect(status().isOk());
    }

    static String itemJson(LocalDate createdOn, String title) {
        return """
                {"title":"%s","summary":"统计测试","body":"本通知用于统计测试。","createdOn":"%s",
                 "topic":"工业、交通","genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],
                 "secrecyLevel":"NONE","thirdPartyInvolved":false}""".formatted(title, createdOn);
    }

    /** Drafted in the planning department, reviewed along the default chain and published by the office. */
    long publish(LocalDate createdOn, String title) throws Exception {
        String created = mvc.perform(post("/api/v1/items").with(httpBasic(staffA, TestAgency.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(itemJson(createdOn, title)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        review(id);
        return id;
    }

    void review(long id) throws Exception {
        item(staffA, id, "submit", null);
        item(headA, id, "decision", "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}");
        item(secrecy, id, "decision", "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}");
        item(leader, id, "decision", "{\"decision\":\"APPROVED\"}");
        item(office, id, "publish", null);
    }

    void item(String username, long id, String step, String json) throws Exception {
        var request = post("/api/v1/items/" + id + "/" + step).with(httpBasic(username, TestAgency.PASSWORD));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        mvc.perform(request).andExpect(status().isOk());
    }

    // --- reading the page --------------------------------------------------------------------------------------

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    String page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(as(username)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    static String table(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("table " + id).isNotNegative();
        return page.substring(start, page.indexOf("</table>", start));
    }

    /** The row headers of a table's body, top to bottom. */
    static List<String> rowHeaders(String page, String id) {
        String body = table(page, id);
        body = body.substring(body.indexOf("<tbody>"));
        List<String> headers = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"row\">([^<]*)</th>").matcher(body);
        while (m.find()) {
            headers.add(m.group(1));
        }
        return headers;
    }

    /** The data cells of the body row whose header is {@code header}, as shown. */
    static List<String> row(String page, String id, String header) {
        String body = table(page, id);
        int start = body.indexOf("<th scope=\"row\">" + header + "</th>");
        assertThat(start).as("row " + header + " in " + id).isNotNegative();
        String row = body.substring(start, body.indexOf("</tr>", start));
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
        while (m.find()) {
            cells.add(m.group(1));
        }
        return cells;
    }
}
