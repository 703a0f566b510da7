package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The annual report's steps on the workbench: each notice names the report's year and what happened to it. */
@GongkaiAppTest
class ReportNoticesTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired UserDetailsService accounts;

    /** Posts a step and opens the page it redirects to, as the browser does, with the flash notice. */
    String step(String who, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf()).with(user(accounts.loadUserByUsername(who))))
                .andExpect(status().is3xxRedirection()).andReturn();
        return mvc.perform(get(result.getResponse().getRedirectedUrl()).flashAttrs(result.getFlashMap())
                .with(user(accounts.loadUserByUsername(who)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void generatingSubmittingApprovingAndPublishingEachSayWhatHappenedToWhichReport() throws Exception {
        TestAgency agency = TestAgency.create(context, "年报提示测试局");
        Long officeDept = agency.department("办公室");
        String office = agency.user("office", officeDept, Role.OFFICE);
        String leader = agency.user("leader", officeDept, Role.LEADER);

        MvcResult generated = mvc.perform(post("/workbench/reports/generate").param("year", "2025").with(csrf())
                .with(user(accounts.loadUserByUsername(office)))).andExpect(status().is3xxRedirection()).andReturn();
        String report = generated.getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(report).flashAttrs(generated.getFlashMap())
                .with(user(accounts.loadUserByUsername(office)))).andReturn().getResponse().getContentAsString())
                .contains("2025年度报告已按记录生成（第1版），请核对后提交审批。");

        assertThat(step(office, post(report + "/texts").param("overview", "本年度依法做好政府信息公开工作。")
                .param("problems", "无。").param("other", "无。"))).contains("2025年度报告的文字部分已保存。");
        assertThat(step(office, post(report + "/figures").param("cell", "t2.FEES").param("value", "0")))
                .contains("2025年度报告的填报数据已保存。");
        assertThat(step(office, post(report + "/submit"))).contains("2025年度报告已提交分管领导审批。");
        assertThat(step(leader, post(report + "/decision").param("approve", "true")))
                .contains("2025年度报告已审批通过，待局办公室公开。");
        assertThat(step(office, post(report + "/publish"))).contains("2025年度报告已在门户网站公开。")
                .contains("href=\"/portal/annual-report/2025\"");
    }
}
