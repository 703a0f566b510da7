package cn.gongkai.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * As outside demo mode: ADMIN, LEADER and SECRECY_REVIEWER must sign in with a second factor, others may. (The demo
 * profile of the other tests turns the requirement off with the same switch.)
 */
@GongkaiAppTest
@TestPropertySource(properties = "gongkai.security.totp-required-roles=ADMIN,LEADER,SECRECY_REVIEWER")
class SecondFactorTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username)
                .param("password", TestAgency.PASSWORD).with(csrf())).andExpect(redirectedUrl("/workbench"))
                .andReturn().getRequest().getSession(false);
    }

    private String code(byte[] secret, int stepsAhead) {
        long step = Totp.step(Instant.now(clock).getEpochSecond()) + stepsAhead;
        return Totp.format(Totp.code(secret, step, 6), 6);
    }

    private int audited(String action, String username) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and object_id = ?",
                Integer.class, action, username);
    }

    /** Enrols through the page as the holder would: scans the secret, types the code; returns the secret. */
    private byte[] enrol(MockHttpSession session, List<String> recoveryCodes) throws Exception {
        var page = mvc.perform(get("/workbench/security/second-factor").session(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("data:image/svg+xml;base64,")))
                .andReturn();
        String shown = (String) page.getModelAndView().getModel().get("secret");
        byte[] secret = Base32.decode(shown);
        mvc.perform(post("/workbench/security/second-factor").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isBadRequest());
        var done = mvc.perform(post("/workbench/security/second-factor").session(session).with(csrf())
                .param("code", code(secret, 0))).andExpect(status().isOk()).andReturn();
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) done.getModelAndView().getModel().get("recoveryCodes");
        recoveryCodes.addAll(codes);
        return secret;
    }

    @Test
    void anAdministratorMustEnrolThenEverySignInAsksForTheCode() throws Exception {
        TestAgency agency = TestAgency.create(context, "双因素测试局");
        String name = agency.user("admin", agency.department("办公室"), Role.ADMIN);

        MockHttpSession first = signIn(name);
        mvc.perform(get("/workbench/inbox").session(first))
                .andExpect(redirectedUrl("/workbench/security/second-factor"));
        mvc.perform(get("/api/v1/org/departments").with(httpBasic(name, TestAgency.PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message", Matchers.containsString("双因素")));
        List<String> recovery = new java.util.ArrayList<>();
        byte[] secret = enrol(first, recovery);
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        mvc.perform(get("/workbench/inbox").session(first)).andExpect(status().isOk());
        String stored = jdbc.queryForObject("select secret from second_factor f join user_account u on u.id = f.user_id"
                + " where u.username = ?", String.class, name);
        assertThat(stored).startsWith("v1:").doesNotContain(Base32.encode(secret));
        assertThat(jdbc.queryForList("select code_hash from recovery_code c join user_account u on u.id = c.user_id "
                + "where u.username = ?", String.class, name)).hasSize(10).noneMatch(recovery::contains);
        assertThat(audited("SECOND_FACTOR_ENROLLED", name)).isEqualTo(1);

        // The next sign-in: the password alone reaches only the code page.
        MockHttpSession second = signIn(name);
        mvc.perform(get("/workbench/inbox").session(second)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/api/v1/org/departments").session(second)).andExpect(status().isForbidden());
        mvc.perform(post("/login/totp").session(second).with(csrf()).param("code", "123456"))
                .andExpect(status().isBadRequest());
        assertThat(audited("SECOND_FACTOR_FAILED", name)).isEqualTo(1);
        mvc.perform(post("/login/totp").session(second).with(csrf()).param("code", code(secret, 1)))
                .andExpect(redirectedUrl("/workbench"));
        mvc.perform(get("/workbench/inbox").session(second)).andExpect(status().isOk());

        // A lost phone: a recovery code works once.
        MockHttpSession third = signIn(name);
        mvc.perform(post("/login/totp").session(third).with(csrf()).param("code", recovery.getFirst().toUpperCase()))
                .andExpect(redirectedUrl("/workbench?recovery"));
        assertThat(audited("SECOND_FACTOR_RECOVERY_CODE_USED", name)).isEqualTo(1);
        MockHttpSession fourth = signIn(name);
        mvc.perform(post("/login/totp").session(fourth).with(csrf()).param("code", recovery.getFirst()))
                .andExpect(status().isBadRequest());

        // HTTP Basic cannot carry the code: a clear 403, not the API.
        mvc.perform(get("/api/v1/org/departments").with(httpBasic(name, TestAgency.PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message", Matchers.containsString("HTTP Basic")));
    }

    @Test
    void fiveWrongCodesSendTheUserBackToThePassword() throws Exception {
        TestAgency agency = TestAgency.create(context, "错码测试局");
        String name = agency.user("leader", agency.department("办公室"), Role.LEADER);
        enrol(signIn(name), new java.util.ArrayList<>());
        MockHttpSession session = signIn(name);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "00000" + i))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "000009"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void otherRolesMayWorkWithoutASecondFactor() throws Exception {
        TestAgency agency = TestAgency.create(context, "可选测试局");
        String name = agency.user("staff", agency.department("综合科"), Role.STAFF);
        MockHttpSession session = signIn(name);
        mvc.perform(get("/workbench/inbox").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/org/departments").with(httpBasic(name, TestAgency.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/workbench/security/second-factor").session(session)).andExpect(status().isOk());
    }

    @Test
    void anAdministratorsResetRemovesTheSecondFactorEndsTheSessionsAndIsAudited() throws Exception {
        TestAgency agency = TestAgency.create(context, "重置测试局");
        Long office = agency.department("办公室");
        String holder = agency.user("secrecy", office, Role.SECRECY_REVIEWER);
        String adminName = agency.user("admin", office, Role.ADMIN);
        MockHttpSession holderSession = signIn(holder);
        enrol(holderSession, new java.util.ArrayList<>());
        MockHttpSession adminSession = signIn(adminName);
        byte[] adminSecret = enrol(adminSession, new java.util.ArrayList<>());
        assertThat(adminSecret).isNotEmpty();
        Long holderId = jdbc.queryForObject("select id from user_account where username = ?", Long.class, holder);

        mvc.perform(post("/workbench/admin/users/" + holderId + "/second-factor/reset").session(adminSession)
                .with(csrf())).andExpect(redirectedUrl("/workbench/admin/users/" + holderId));
        mvc.perform(get("/workbench/inbox").session(holderSession)).andExpect(redirectedUrl("/login?expired"));
        assertThat(audited("SECOND_FACTOR_RESET", holder)).isEqualTo(1);
        MockHttpSession again = signIn(holder);
        mvc.perform(get("/workbench/inbox").session(again))
                .andExpect(redirectedUrl("/workbench/security/second-factor"));
    }
}
