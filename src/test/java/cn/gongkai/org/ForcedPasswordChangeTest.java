package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A password set by an administrator must be changed before anything else; the holder changes it themselves. */
@GongkaiAppTest
class ForcedPasswordChangeTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Administration admin;
    @Autowired UserAccounts users;
    @Autowired AccountDetailsService accounts;
    @Autowired JdbcTemplate jdbc;

    private String newAccount(TestAgency agency, String name, String password) {
        UserForm form = new UserForm();
        form.setUsername(agency.code().toLowerCase() + "-" + name);
        form.setDisplayName(name);
        form.setDepartmentId(agency.department("科" + name));
        form.setPassword(password);
        UserAccount account = admin.createUser(agency.id(), form);
        admin.assignRoles(agency.id(), account.getId(), Set.of(Role.STAFF), null);
        return account.getUsername();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(redirectedUrl("/workbench")).andReturn().getRequest().getSession(false);
    }

    @Test
    void aNewAccountReachesOnlyTheChangePasswordPageUntilItIsChanged() throws Exception {
        TestAgency agency = TestAgency.create(context, "改密测试局");
        String name = newAccount(agency, "first", "Initial2026x");
        MockHttpSession session = signIn(name, "Initial2026x");
        mvc.perform(get("/workbench").session(session)).andExpect(redirectedUrl("/workbench/password"));
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(redirectedUrl("/workbench/password"));
        mvc.perform(get("/workbench/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("须先设置自己的新密码")));
        // Scripts with the initial password get a clear refusal, not the API.
        mvc.perform(get("/api/v1/org/departments").with(httpBasic(name, "Initial2026x")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message",
                        Matchers.containsString("修改管理员设置的初始密码")));

        mvc.perform(post("/workbench/password").session(session).with(csrf()).param("currentPassword", "Initial2026x")
                .param("newPassword", "ruhesuiqpz77").param("confirmPassword", "ruhesuiqpz77"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("须包含大写字母、小写字母、数字、符号四类中的至少三类")));
        mvc.perform(post("/workbench/password").session(session).with(csrf()).param("currentPassword", "Initial2026x")
                .param("newPassword", "Aa123456789").param("confirmPassword", "Aa123456789"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("是常见密码")));
        mvc.perform(post("/workbench/password").session(session).with(csrf()).param("currentPassword", "Initial2026x")
                .param("newPassword", "Qi7#river-ok").param("confirmPassword", "Qi7#river-ko"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("两次输入的“新密码”不一致")));
        mvc.perform(post("/workbench/password").session(session).with(csrf()).param("currentPassword", "Initial2026x")
                .param("newPassword", "Qi7#river-ok").param("confirmPassword", "Qi7#river-ok"))
                .andExpect(redirectedUrl("/workbench"));

        mvc.perform(get("/workbench/inbox").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/org/departments").with(httpBasic(name, "Qi7#river-ok"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PASSWORD_CHANGED' "
                + "and object_id = ?", Integer.class, name)).isEqualTo(1);
    }

    @Test
    void aResetByTheAdministratorForcesAChangeAgain() throws Exception {
        TestAgency agency = TestAgency.create(context, "重置测试局");
        String name = agency.user("again", agency.department("综合科"), Role.STAFF);
        Long id = users.findByUsername(name).orElseThrow().getId();
        String fresh = admin.resetPassword(agency.id(), id);
        MockHttpSession session = signIn(name, fresh);
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(redirectedUrl("/workbench/password"));
    }

    @Test
    void theSelfServiceChangeAsksForTheCurrentPasswordAndIsOpenToEveryone() throws Exception {
        StaffPrincipal staff = (StaffPrincipal) accounts.loadUserByUsername("gonglu");
        mvc.perform(get("/workbench/password").with(user(staff))).andExpect(status().isOk());
        mvc.perform(post("/workbench/password").with(user(staff)).with(csrf()).param("currentPassword", "wrong")
                .param("newPassword", "Qi7#river-ok").param("confirmPassword", "Qi7#river-ok"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("“当前密码”不正确")));
    }

    @Test
    void demoAccountsInDemoModeSignInWithTheDemoPasswordWithoutAForcedChange() throws Exception {
        MockHttpSession session = signIn("depthead", "Gongkai@2026");
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(status().isOk());
    }

    @Test
    void anAdministratorCannotSetAWeakOrCommonInitialPassword() throws Exception {
        StaffPrincipal me = (StaffPrincipal) accounts.loadUserByUsername("admin");
        Long dept = admin.departments(me.agencyId()).getFirst().getId();
        mvc.perform(post("/workbench/admin/users").with(user(me)).with(csrf()).param("username", "weakling")
                .param("displayName", "弱密码").param("departmentId", dept.toString()).param("roles", "STAFF")
                .param("password", "Password@123"))
                .andExpect(content().string(Matchers.containsString("是常见密码")));
        assertThat(users.existsByUsername("weakling")).isFalse();
    }
}
