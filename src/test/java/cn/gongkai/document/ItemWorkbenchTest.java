package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The workbench item list's filters and the notices of the review and publishing steps, in an agency of its own:
 * each notice names what happened, and publishing needs 确认发布 ticked and then names the index number with a link to
 * the public page.
 */
@GongkaiAppTest
class ItemWorkbenchTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired InfoItemWorkflow workflow;
    @Autowired ItemAttachments attachments;
    @Autowired UserDetailsService accounts;

    String staff;
    String roadsStaff;
    String roadsHead;
    String depthead;
    String secrecy;
    String leader;
    String office;
    Long planning;
    Long roads;
    InfoItem oldDraft;
    InfoItem freshDraft;

    @BeforeEach
    void anAgencyWithTwoDrafts() {
        TestAgency agency = TestAgency.create(context, "信息列表测试局");
        Long officeDept = agency.department("办公室");
        planning = agency.department("规划科" + agency.code());
        roads = agency.department("公路科" + agency.code());
        Long secrecyDept = agency.department("保密办" + agency.code());
        staff = agency.user("staff", planning, Role.STAFF);
        depthead = agency.user("head", planning, Role.DEPT_HEAD);
        roadsStaff = agency.user("roads", roads, Role.STAFF);
        roadsHead = agency.user("roads-head", roads, Role.DEPT_HEAD);
        secrecy = agency.user("secrecy", secrecyDept, Role.SECRECY_REVIEWER);
        leader = agency.user("leader", officeDept, Role.LEADER);
        office = agency.user("office", officeDept, Role.OFFICE);
        oldDraft = workflow.create(as(staff), draft("2025年公交线路调整方案", LocalDate.of(2025, 3, 3)));
        freshDraft = workflow.create(as(roadsStaff), draft("国道养护计划", LocalDate.now(Deadlines.ZONE).minusDays(1)));
    }

    static Draft draft(String title, LocalDate createdOn) {
        return new Draft(title, null, "关于" + title + "的说明", title + "正文。", createdOn, "工业、交通", "通知", null,
                DisclosureAttribute.PROACTIVE, null, "社会公众", EnumSet.of(Channel.WEBSITE), SecrecyLevel.NONE, null,
                false, false, null, Set.of());
    }

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    String page(String who, MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(user(as(who)))).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
    }

    String list(String who, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/workbench/items");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return page(who, request, 200);
    }

    /** Posts a step and opens the page it redirects to, as the browser does, with the flash notice. */
    String step(String who, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf()).with(user(as(who)))).andExpect(status().is3xxRedirection())
                .andReturn();
        return mvc.perform(get(result.getResponse().getRedirectedUrl()).flashAttrs(result.getFlashMap())
                .with(user(as(who)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Through the pages: submitted, approved by the department head, the secrecy reviewer and the leader. */
    void throughReview(InfoItem item, String drafter, String head) throws Exception {
        assertThat(step(drafter, post("/workbench/items/" + item.getId() + "/submit")))
                .contains("已提交审核，现由科室负责人审核。");
        assertThat(step(head, post("/workbench/items/" + item.getId() + "/decision").param("decision", "APPROVED")))
                .contains("已同意，转保密审查审核。");
        step(secrecy, post("/workbench/items/" + item.getId() + "/decision").param("decision", "APPROVED")
                .param("opinion", "经审查可主动公开").param("reviewOpinion", "PROACTIVE"));
        assertThat(step(leader, post("/workbench/items/" + item.getId() + "/decision").param("decision", "APPROVED")))
                .contains("已同意，审核全部通过，待局办公室发布。");
    }

    @Test
    void withoutFiltersOpenItemsComeFirstByDueDate() throws Exception {
        String all = list(office);
        assertThat(all.indexOf("2025年公交线路调整方案")).isPositive().isLessThan(all.indexOf("国道养护计划"));
    }

    @Test
    void theOverdueFilterShowsItemsPastTheirTwentyWorkingDays() throws Exception {
        assertThat(list(office, "overdue", "true")).contains("2025年公交线路调整方案").doesNotContain("国道养护计划");
        assertThat(list(office, "dueWithin", "60")).contains("国道养护计划").doesNotContain("2025年公交线路调整方案");
    }

    @Test
    void statusDepartmentDatesAndTextEachNarrowTheList() throws Exception {
        assertThat(list(office, "status", "IN_REVIEW")).doesNotContain("国道养护计划", "2025年公交线路调整方案");
        assertThat(list(office, "status", "DRAFT")).contains("国道养护计划", "2025年公交线路调整方案");
        assertThat(list(office, "departmentId", roads.toString())).contains("国道养护计划")
                .doesNotContain("2025年公交线路调整方案");
        assertThat(list(office, "createdFrom", "2025-03-01", "createdTo", "2025-03-31"))
                .contains("2025年公交线路调整方案").doesNotContain("国道养护计划");
        assertThat(list(office, "q", "国道")).contains("国道养护计划").doesNotContain("2025年公交线路调整方案");
    }

    @Test
    void filtersNeverShowADepartmentAnotherDepartmentsItems() throws Exception {
        assertThat(list(staff, "departmentId", roads.toString())).doesNotContain("国道养护计划");
        assertThat(list(staff, "q", "国道")).doesNotContain("国道养护计划");
    }

    @Test
    void aBadFilterValueIsNamedInChineseOnA400PageThatKeepsWhatWasTyped() throws Exception {
        assertThat(page(office, get("/workbench/items").param("createdTo", "昨天"), 400))
                .contains("“生成日期至”不是有效日期").contains("value=\"昨天\"");
        assertThat(page(office, get("/workbench/items").param("dueWithin", "-3"), 400))
                .contains("“几天内到期”须为0至365之间的整数（天）。").contains("value=\"-3\"");
        assertThat(page(office, get("/workbench/items").param("status", "GONE"), 400)).contains("“状态”的取值无效");
        assertThat(page(office, get("/workbench/items").param("q", "字".repeat(101)), 400))
                .contains("“标题、索引号或文号”最多100个字。");
    }

    @Test
    void publishingNeedsConfirmationAndThenNamesTheIndexNumberWithALinkToThePublicPage() throws Exception {
        throughReview(freshDraft, roadsStaff, roadsHead);
        String view = page(office, get("/workbench/items/" + freshDraft.getId()), 200);
        assertThat(view).contains("确认发布").contains("name=\"confirm\"");

        String refused = page(office, post("/workbench/items/" + freshDraft.getId() + "/publish").with(csrf()), 200);
        assertThat(refused).contains("请先勾选“确认发布”（或“确认备案”），再发布。");
        assertThat(workflow.get(as(office), freshDraft.getId()).getStatus()).isEqualTo(ItemStatus.APPROVED);

        String published = step(office, post("/workbench/items/" + freshDraft.getId() + "/publish")
                .param("confirm", "true"));
        String indexNumber = workflow.get(as(office), freshDraft.getId()).getIndexNumber();
        assertThat(published).contains("已发布，索引号 " + indexNumber + "。")
                .contains("href=\"/portal/catalog/" + indexNumber + "\"");
    }

    @Test
    void aReturnNamesTheDrafterItGoesBackTo() throws Exception {
        step(staff, post("/workbench/items/" + oldDraft.getId() + "/submit"));
        assertThat(step(depthead, post("/workbench/items/" + oldDraft.getId() + "/decision")
                .param("decision", "RETURNED").param("opinion", "请补充公开范围"))).contains("已退回拟稿人staff修改。");
    }
}
