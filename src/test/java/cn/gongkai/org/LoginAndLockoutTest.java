package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.gongkai.support.GongkaiAppTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Signing in: wrong passwords throttle the address and the account from that address, never lock the holder out
 * from elsewhere; every refusal reads the same.
 */
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

    /** A login from a given address (documentation range, nothing is sent anywhere: MockMvc). */
    private ResultActions login(String address, String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }));
    }

    private int audited(String action, String objectId) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and object_id = ?",
                Integer.class, action, objectId);
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
    void fiveWrongPasswordsFromOneAddressDoNotLockTheHolderOutFromAnother() throws Exception {
        account("locktest");
        for (int i = 0; i < 5; i++) {
            login("192.0.2.10", "locktest", "wrong" + i).andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        // The stranger's address is refused for this account even with the right password, with the same answer…
        login("192.0.2.10", "locktest", "Right2026pw").andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        // …while the holder at their own desk signs in.
        login("198.51.100.20", "locktest", "Right2026pw").andExpect(authenticated());
        assertThat(audited("LOGIN_FAILED", "locktest")).isEqualTo(6);
        assertThat(audited("LOGIN_THROTTLED", "locktest")).isEqualTo(1);
    }

    @Test
    void tooManyFailuresFromOneAddressRefuseThatAddressForEveryAccount() throws Exception {
        for (int i = 0; i < 20; i++) {
            login("192.0.2.33", "nobody" + i, "Wrong2026pw").andExpect(unauthenticated());
        }
        login("192.0.2.33", "office", "Gongkai@2026").andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        login("198.51.100.33", "office", "Gongkai@2026").andExpect(authenticated());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_THROTTLED' "
                + "and address = '192.0.2.33' and detail like 'ADDRESS%'", Integer.class)).isEqualTo(1);
    }

    @Test
    void unknownNamesWrongPasswordsAndDisabledAccountsAreAnsweredAlike() throws Exception {
        account("alike");
        Agency agency = agencies.findByCode("SJTJ").orElseThrow();
        String wrong = login("192.0.2.40", "alike", "Wrong2026pw").andReturn().getResponse().getRedirectedUrl();
        String unknown = login("192.0.2.41", "no-such-user", "Wrong2026pw").andReturn().getResponse()
                .getRedirectedUrl();
        account("alike-disabled");
        admin.setEnabled(agency.getId(), users.findByUsername("alike-disabled").orElseThrow().getId(), false, -1L);
        String disabled = login("192.0.2.42", "alike-disabled", "Right2026pw").andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(wrong).isEqualTo("/login?error");
        assertThat(unknown).isEqualTo(wrong);
        assertThat(disabled).isEqualTo(wrong);
    }

    @Test
    void aUsernameOverSixtyFourCharactersIsRefusedLikeAnyBadLoginAndAudited() throws Exception {
        String name = "u".repeat(65) + "x".repeat(200);
        login("192.0.2.50", name, "Wrong2026pw").andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_FAILED' "
                + "and actor = ?", Integer.class, name.substring(0, 64))).isEqualTo(1);
    }

    @Test
    void aPasswordResetByTheAdministratorLetsTheHolderSignInAgain() throws Exception {
        account("resettest");
        for (int i = 0; i < 5; i++) {
            login("192.0.2.60", "resettest", "bad" + i);
        }
        Agency agency = agencies.findByCode("SJTJ").orElseThrow();
        Long id = users.findByUsername("resettest").orElseThrow().getId();
        String fresh = admin.resetPassword(agency.getId(), id);
        login("198.51.100.60", "resettest", fresh).andExpect(authenticated());
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
