package cn.gongkai.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@GongkaiAppTest
class AuditChainTest {

    @Autowired AuditTrail trail;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theApplicationCannotChangeOrDeleteAnAuditEntry() {
        trail.record(AuditRecord.of(1L, "TEST_APPEND_ONLY", "TEST", "x", "original"));
        Long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> jdbc.update("update audit_entry set detail = 'changed' where id = ?", id))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", id))
                .hasMessageContaining("append-only");
    }

    @Test
    void verificationNamesExactlyTheEntryChangedBehindTheApplicationsBack() {
        for (int i = 0; i < 5; i++) {
            trail.record(AuditRecord.of(1L, "TEST_CHAIN", "TEST", i, "entry " + i).withChange("before " + i,
                    "after " + i));
        }
        ChainVerification before = verifier.verify();
        assertThat(before.intact()).isTrue();
        assertThat(before.entries()).isGreaterThanOrEqualTo(5);

        Long victim = jdbc.queryForObject(
                "select id from audit_entry where action = 'TEST_CHAIN' and object_id = '2' order by id desc limit 1",
                Long.class);
        // Someone with database rights bypasses the append-only trigger and edits one row.
        jdbc.execute("alter table audit_entry disable trigger audit_entry_no_change");
        try {
            jdbc.update("update audit_entry set after_value = 'forged' where id = ?", victim);
        } finally {
            jdbc.execute("alter table audit_entry enable trigger audit_entry_no_change");
        }
        ChainVerification after = verifier.verify();
        assertThat(after.intact()).isFalse();
        assertThat(after.firstBrokenEntryId()).isEqualTo(victim);

        // Put it back so that other tests see an intact chain.
        jdbc.execute("alter table audit_entry disable trigger audit_entry_no_change");
        try {
            jdbc.update("update audit_entry set after_value = 'after 2' where id = ?", victim);
        } finally {
            jdbc.execute("alter table audit_entry enable trigger audit_entry_no_change");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void theVerifyApiAnswersTheAuditAdministratorWithTheCountAndRefusesOthersInJson() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("auditor", "Gongkai@2026"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true)).andExpect(jsonPath("$.entries").isNumber());
        // 三权分立: the system and the security administrators have no part in the audit log.
        for (String other : java.util.List.of("staff", "admin", "secadmin", "group")) {
            mvc.perform(get("/api/v1/audit/verify").with(httpBasic(other, "Gongkai@2026")))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403))
                    .andExpect(jsonPath("$.message").isString());
        }
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("auditor", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;

    @Test
    void theLogPageIsForTheAuditAdministratorAndTheLeadingGroupOnlyNotForTheSystemOrSecurityAdministrator()
            throws Exception {
        var as = (java.util.function.Function<String, org.springframework.test.web.servlet.request.RequestPostProcessor>)
                name -> org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(accounts.loadUserByUsername(name));
        mvc.perform(get("/workbench/audit").with(as.apply("group"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("审计日志")));
        mvc.perform(get("/workbench/audit").with(as.apply("auditor"))).andExpect(status().isOk());
        for (String other : java.util.List.of("admin", "secadmin", "office", "staff", "leader", "secrecy",
                "depthead")) {
            mvc.perform(get("/workbench/audit").with(as.apply(other))).andExpect(status().isForbidden());
        }
    }
}
