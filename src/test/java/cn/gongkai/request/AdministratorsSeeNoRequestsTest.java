package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 三权分立: the system, security and audit administrators see no request and so no applicant's personal data, even
 * when their account sits in the department the request is assigned to (the demo administrators sit in 局办公室).
 */
@GongkaiAppTest
class AdministratorsSeeNoRequestsTest {

    @Autowired RequestDesk desk;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    @ParameterizedTest(name = "{0} sees no request of its own department")
    @ValueSource(strings = {"admin", "secadmin", "auditor"})
    void anAdministratorSeesNoRequestOfItsOwnDepartmentNeitherListedNorOpenedNorThroughTheApi(String administrator)
            throws Exception {
        Receipt receipt = desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, "钱管理测", IdType.RESIDENT_ID, "11010519491231002X", "13900139077", null,
                null, null, null, null, null), new Sought("办公室经费使用情况", null, "请提供办公室经费使用情况", null,
                        Delivery.ONLINE), "applicant");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                receipt.trackingNumber());
        StaffPrincipal me = as(administrator);
        desk.assign(as("office"), id, me.departmentId());
        assertThat(desk.get(as("office"), id).getDepartmentId()).isEqualTo(me.departmentId());

        String list = mvc.perform(get("/workbench/requests").with(user(me))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(receipt.trackingNumber()).doesNotContain("钱管理测");
        mvc.perform(get("/workbench/requests/" + id).with(user(me))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/" + receipt.trackingNumber() + "/record").with(user(me)))
                .andExpect(status().isNotFound());
        assertThat(desk.visibleTo(me)).isEmpty();
    }
}
