package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.gongkai.support.GongkaiAppTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@GongkaiAppTest
class LoginAndLockoutTest {

    @Autowired MockMvc mvc;
    @Autowired Administration admin;
    @Autowired Agencies agencies;
    @Autowired Departments departments;
    @Autowired UserAccounts users;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    private void account(String username) {
        if (users.existsByUsername(username)) {
            return;
        }
        Agency agency = agencies.findByCode("SJTJ").orElseThrow();
        UserForm form = new UserForm();
        form.setUsername(username);
        form.setDisplayName("测试员");
        form.setDepartmentId(departments.findByAgencyIdOrderBySortOrderAscIdAsc(agency.getId()).getFirst().getId());
        form.setPassword("Right2026pw");
        // 三权分立: the system administrator creates the account, the security administrator gives the role.
        admin.assignRoles(agency.getId(), admin.createUser(agency.getId(), form).getId(), Set.of(Role.STAFF), null);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesNeverAsTyped() {
        String hash = jdbc.queryForObject("select password_hash from user_account where username = 'staff'",
                String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("Gongkai@2026");
        assertThat(encoder.matches("Gongkai@2026", hash)).isTrue();
    }

    @Test
    void theRightPasswordSignsInAndLandsOnTheWorkbench() throws Exception {
        mvc.perform(formLogin().user("staff").password("Gongkai@2026")).andExpect(authenticated())
                .andExpect(redirectedUrl("/workbench"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        account("locktest");
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin().user("locktest").password("wrong" + i)).andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user("locktest").password("Right2026pw")).andExpect(authenticated());
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("locktest").password("wrong" + i)).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user("locktest").password("Right2026pw")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'ACCOUNT_LOCKED' and object_id = 'locktest'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'LOGIN_FAILED' and object_id = 'locktest'",
                Integer.class)).isEqualTo(10);
    }

    @Test
    void aPasswordResetByTheAdministratorUnlocksTheAccount() throws Exception {
        account("resettest");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("resettest").password("bad" + i));
        }
        Agency agency = agencies.findByCode("SJTJ").orElseThrow();
        Long id = users.findByUsername("resettest").orElseThrow().getId();
        String fresh = admin.resetPassword(agency.getId(), id);
        mvc.perform(formLogin().user("resettest").password(fresh)).andExpect(authenticated());
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        account("disabletest");
        Agency agency = agencies.findByCode("SJTJ").orElseThrow();
        Long id = users.findByUsername("disabletest").orElseThrow().getId();
        admin.setEnabled(agency.getId(), id, false, -1L);
        mvc.perform(formLogin().user("disabletest").password("Right2026pw")).andExpect(unauthenticated());
    }
}
