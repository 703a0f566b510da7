package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A request's record names the people who acted by name and department, and the applicant as 申请人. */
@GongkaiAppTest
class RequestTimelineNamesTest {

    @Autowired ApplicationContext context;
    @Autowired RequestDesk desk;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    @Test
    void theTimelineShowsWhoActedByNameAndDepartmentNeverByLoginName() throws Exception {
        TestAgency agency = TestAgency.create(context, "时间线姓名");
        Long officeDept = agency.department("局办公室");
        Long planning = agency.department("综合规划科");
        String office = agency.user("wangwu", "王五", officeDept, Role.OFFICE);
        String staff = agency.user("zhang", "张三", planning, Role.STAFF);

        Receipt receipt = desk.receive(agency.id(), RequestChannel.ONLINE, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                new Applicant(ApplicantKind.PERSON, null, "赵六", IdType.RESIDENT_ID, "11010519491231002X",
                        "13800138000", null, "示例市中山路1号", "650000", null, null, null),
                new Sought(null, null, "请提供本单位2025年部门预算", null, Delivery.EMAIL), "applicant");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                receipt.trackingNumber());
        desk.assign((StaffPrincipal) accounts.loadUserByUsername(office), id, planning);

        String page = mvc.perform(get("/workbench/requests/" + id).with(user(accounts.loadUserByUsername(staff))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String timeline = page.substring(page.indexOf("class=\"timeline"));
        assertThat(timeline).contains("已受理申请", "申请人", "已转承办科室办理", "王五（局办公室）");
        assertThat(page).doesNotContain(office).doesNotContain(">applicant<");
    }
}
