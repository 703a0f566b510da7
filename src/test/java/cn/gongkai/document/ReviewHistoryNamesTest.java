package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** An item's review history names each reviewer by name and department, never by login name. */
@GongkaiAppTest
class ReviewHistoryNamesTest {

    @Autowired ApplicationContext context;
    @Autowired InfoItemWorkflow workflow;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    @Test
    void theReviewHistoryShowsTheReviewerByNameAndDepartment() throws Exception {
        TestAgency agency = TestAgency.create(context, "审核记录姓名");
        Long office = agency.department("局办公室");
        Long planning = agency.department("综合规划科");
        String drafter = agency.user("zhang", "张三", planning, Role.STAFF);
        String head = agency.user("lisi", "李四", planning, Role.DEPT_HEAD);
        agency.user("secrecy", "保密员", office, Role.SECRECY_REVIEWER);
        agency.user("leader", "分管领导甲", office, Role.LEADER);
        agency.user("office", "办公室甲", office, Role.OFFICE);

        InfoItem item = workflow.create(as(drafter), PublishingWorkflowTest.draft("审核记录姓名测试", "正文"));
        workflow.submit(as(drafter), item.getId(), List.of());
        workflow.decide(as(head), item.getId(), Decision.APPROVED, "同意", null, null);

        String page = mvc.perform(get("/workbench/items/" + item.getId()).with(user(as(head))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td class=\"reviewer\">李四（综合规划科）</td>");
        assertThat(page).doesNotContain(head);
    }
}
