package cn.gongkai.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import cn.gongkai.support.GongkaiAppTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of someone with database rights but without the audit key: they disable the append-only trigger and
 * work with SQL, recomputing the public SM3 chain as they go.
 */
@GongkaiAppTest
class AuditTamperingTest {

    @Autowired AuditTrail trail;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditAnchors anchors;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    private void asAttacker(Runnable sql) {
        jdbc.execute("alter table audit_entry disable trigger all");
        try {
            sql.run();
        } finally {
            jdbc.execute("alter table audit_entry enable trigger all");
        }
    }

    /** The SM3 chain hash as anyone can compute it from the row (same layout as {@link AuditEntry#computeHash}). */
    private static String sm3(String prev, Map<String, Object> row) {
        String occurred = ((Timestamp) row.get("occurred_at")).toInstant().toString();
        String content = String.join("\u001f", prev, occurred, String.valueOf(row.get("agency_id")),
                (String) row.get("actor"), String.valueOf(row.get("address")), (String) row.get("action"),
                String.valueOf(row.get("object_type")), String.valueOf(row.get("object_id")),
                String.valueOf(row.get("detail")), String.valueOf(row.get("before_value")),
                String.valueOf(row.get("after_value")));
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    @Test
    void anEntryEditedWithTheWholeSm3ChainRecomputedFailsItsHmacAndIsNamed() {
        for (int i = 0; i < 4; i++) {
            trail.record(AuditRecord.of(1L, "TEST_REWRITE", "TEST", i, "entry " + i).withChange("b" + i, "a" + i));
        }
        assertThat(verifier.verify().intact()).isTrue();
        Long victim = jdbc.queryForObject(
                "select id from audit_entry where action = 'TEST_REWRITE' and object_id = '1' order by id desc limit 1",
                Long.class);
        jdbc.execute("drop table if exists audit_rewrite_backup");
        jdbc.execute("create table audit_rewrite_backup as select * from audit_entry where id >= " + victim);
        try {
            asAttacker(() -> {
                jdbc.update("update audit_entry set after_value = 'forged' where id = ?", victim);
                String prev = jdbc.queryForObject("select hash from audit_entry where id < ? order by id desc limit 1",
                        String.class, victim);
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "select * from audit_entry where id >= ? order by id", victim);
                for (Map<String, Object> row : rows) {
                    String hash = sm3(prev, row);
                    jdbc.update("update audit_entry set prev_hash = ?, hash = ? where id = ?", prev, hash,
                            row.get("id"));
                    prev = hash;
                }
            });
            ChainVerification after = verifier.verify();
            assertThat(after.intact()).isFalse();
            assertThat(after.firstBrokenEntryId()).isEqualTo(victim);
        } finally {
            asAttacker(() -> jdbc.update("update audit_entry e set after_value = b.after_value, prev_hash = b.prev_hash, "
                    + "hash = b.hash from audit_rewrite_backup b where e.id = b.id"));
            jdbc.execute("drop table audit_rewrite_backup");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }
    @Test
    void deletingTheNewestEntriesIsReportedAsATailMissingAfterTheLastEntryLeftAgainstTheNewestCheckpoint()
            throws Exception {
        for (int i = 0; i < 3; i++) {
            trail.record(AuditRecord.of(1L, "TEST_TAIL", "TEST", i, "entry " + i));
        }
        long head = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        assertThat(anchors.anchor()).get().extracting(AuditAnchors.Anchor::entryId).isEqualTo(head);
        ChainVerification before = verifier.verify();
        assertThat(before.intact()).isTrue();
        assertThat(before.anchoredUpTo()).isEqualTo(head);

        long kept = head - 2;
        jdbc.execute("drop table if exists audit_tail_backup");
        jdbc.execute("create table audit_tail_backup as select * from audit_entry where id > " + kept);
        try {
            // The remaining chain is intact and signed: only the checkpoint outside the database shows the loss.
            asAttacker(() -> jdbc.update("delete from audit_entry where id > ?", kept));
            ChainVerification after = verifier.verify();
            assertThat(after.intact()).isFalse();
            assertThat(after.firstBrokenEntryId()).isNull();
            assertThat(after.missingAfter()).isEqualTo(kept);
            assertThat(after.anchoredUpTo()).isEqualTo(head);
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/audit/verify")
                    // Signed in without a login, which would itself append an entry while the tail is gone.
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .user(accounts.loadUserByUsername("auditor"))))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.missingAfter").value(kept))
                    .andExpect(jsonPath("$.anchoredUpTo").value(head))
                    .andExpect(jsonPath("$.firstBrokenEntry").doesNotExist());
        } finally {
            // The auditor's verification is itself audited: drop that entry, written after the gap, with the rest.
            asAttacker(() -> jdbc.update("delete from audit_entry where id > ?", head));
            jdbc.execute("insert into audit_entry select * from audit_tail_backup");
            jdbc.execute("drop table audit_tail_backup");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aCheckpointLineForgedWithoutTheKeyIsIgnored() throws Exception {
        trail.record(AuditRecord.of(1L, "TEST_FORGED_ANCHOR", "TEST", 1, "entry"));
        long head = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        anchors.anchor();
        java.nio.file.Path file = anchors.file();
        java.nio.file.Files.writeString(file, "v1\t" + (head + 1000) + "\t" + "0".repeat(64)
                + "\t2026-01-01T00:00:00Z\t-\t" + "0".repeat(64) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(anchors.newest()).get().extracting(AuditAnchors.Anchor::entryId).isEqualTo(head);
        assertThat(verifier.verify().intact()).isTrue();
    }
}
