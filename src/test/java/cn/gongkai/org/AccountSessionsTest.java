package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Disabling an account, resetting its password or changing its roles ends its live sessions at once. */
@GongkaiAppTest
class AccountSessionsTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Administration admin;
    @Autowired UserAccounts users;
    @Autowired AccountDetailsService accounts;

    private TestAgency agency;
    private Long department;

    private Long staffMember(String name) {
        if (agency == null) {
            agency = TestAgency.create(context, "会话测试局");
            department = agency.department("综合科");
        }
        return users.findByUsername(agency.user(name, department, Role.STAFF, Role.OFFICE)).orElseThrow().getId();
    }

    private MockHttpSession signIn(Long id) throws Exception {
        String username = users.findById(id).orElseThrow().getUsername();
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", username)
                .param("password", TestAgency.PASSWORD).with(csrf())).andExpect(redirectedUrl("/workbench"))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/org/departments").session(session)).andExpect(status().isOk());
        return session;
    }

    @Test
    void disablingAnAccountEndsItsSessionAtOnce() throws Exception {
        Long id = staffMember("disabled");
        MockHttpSession browser = signIn(id);
        MockHttpSession script = signIn(id);
        mvc.perform(post("/workbench/admin/users/" + id + "/enabled").param("enabled", "false").with(csrf())
                .with(user(adminOf(agency)))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/workbench/inbox").session(browser)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/org/departments").session(script)).andExpect(status().isUnauthorized());
    }

    @Test
    void resettingThePasswordEndsTheSessionAtOnce() throws Exception {
        Long id = staffMember("reset");
        MockHttpSession session = signIn(id);
        admin.resetPassword(agency.id(), id);
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void changingTheRolesEndsTheSessionAtOnceButEditingTheNameDoesNot() throws Exception {
        Long id = staffMember("roles");
        MockHttpSession session = signIn(id);
        UserForm form = UserForm.of(users.findById(id).orElseThrow());
        form.setDisplayName("改名不影响会话");
        admin.updateUser(agency.id(), id, form);
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(status().isOk());
        admin.assignRoles(agency.id(), id, Set.of(Role.STAFF), null);
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anotherAccountsSessionIsNotTouched() throws Exception {
        Long kept = staffMember("kept");
        Long ended = staffMember("ended");
        MockHttpSession keptSession = signIn(kept);
        signIn(ended);
        admin.setEnabled(agency.id(), ended, false, -1L);
        mvc.perform(get("/workbench/inbox").session(keptSession)).andExpect(status().isOk());
    }

    private StaffPrincipal adminOf(TestAgency agency) {
        String name = agency.user("admin" + System.nanoTime() % 100000, department, Role.ADMIN);
        return (StaffPrincipal) accounts.loadUserByUsername(name);
    }
}
