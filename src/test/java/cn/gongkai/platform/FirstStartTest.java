package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.GongkaiApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Outside demo mode: one administrator on first start, never a demo password, and never without a personal-data key
 * of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    /** A key of this test's own (not the demo key), as an operator would set in GONGKAI_PERSONAL_DATA_KEY. */
    private static final String TEST_KEY = "hV2nQ8sL0cX5rT1mK9wE3g==";

    private static ConfigurableApplicationContext start(Path dataDir, String profile, String... extra) {
        return startWithKey(dataDir, profile, TEST_KEY, extra);
    }

    /** An audit key of this test's own, as an operator would set in GONGKAI_AUDIT_KEY. */
    private static final String TEST_AUDIT_KEY = "k7Q2sV9xN4mB1cR8tY3wE6uI0oP5aS2dF7gH4jL9zXc=";

    private static ConfigurableApplicationContext startWithKey(Path dataDir, String profile, String key,
            String... extra) {
        return startWithKeys(dataDir, profile, key, TEST_AUDIT_KEY, extra);
    }

    private static ConfigurableApplicationContext startWithKeys(Path dataDir, String profile, String key,
            String auditKey, String... extra) {
        String[] args = new String[extra.length + 9];
        args[0] = "--gongkai.embedded-db.data-dir=" + dataDir;
        args[1] = "--server.port=0";
        args[2] = "--logging.file.name=target/test-logs/first-start.log";
        args[3] = "--db-scheduler.shutdown-max-wait=2s";
        args[4] = "--spring.profiles.active=" + profile;
        args[5] = "--gongkai.crypto.personal-data-key=" + key;
        args[6] = "--gongkai.crypto.audit-key=" + auditKey;
        args[7] = "--gongkai.audit.anchor-file=" + dataDir.resolveSibling("audit-anchors.log");
        args[8] = "--gongkai.embedded-db.durable=false"; // throw-away databases, as in the test profile
        System.arraycopy(extra, 0, args, 9, extra.length);
        return new SpringApplicationBuilder(GongkaiApplication.class).run(args);
    }

    @Test
    void anEmptyDatabaseGetsTheThreeSeparateAdministratorsWithPasswordsFromTheEnvironmentAndNoDemoUsers(
            @TempDir Path dir) {
        try (var app = start(dir.resolve("pg"), "default", "--gongkai.bootstrap.admin-password=Strong2026pw",
                "--gongkai.bootstrap.security-admin-password=Strong2026sec",
                "--gongkai.bootstrap.auditor-password=Strong2026aud")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select u.username || ':' || r.role from user_account u join user_role r "
                    + "on r.user_id = u.id", String.class))
                    .containsExactlyInAnyOrder("admin:ADMIN", "secadmin:SECURITY_ADMIN", "auditor:AUDITOR");
            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
            assertThat(encoder.matches("Strong2026pw", hash(jdbc, "admin"))).isTrue();
            assertThat(encoder.matches("Strong2026sec", hash(jdbc, "secadmin"))).isTrue();
            assertThat(encoder.matches("Strong2026aud", hash(jdbc, "auditor"))).isTrue();
        }
    }

    private static String hash(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select password_hash from user_account where username = ?", String.class,
                username);
    }

    /**
     * An install from before 三权分立 (an administrator who also works as the office, no security or audit
     * administrator): V27 takes the administrator role from the mixed account and grants nothing; the next start adds
     * a new account for each missing administrator, with a one-time password.
     */
    @Test
    void anInstallFromBeforeSeparationOfDutiesKeepsItsContentWorkAndGainsNewAdministratorAccounts(@TempDir Path dir,
            CapturedOutput output) throws Exception {
        Path pg = dir.resolve("pg");
        try (var app = start(pg, "default", "--gongkai.bootstrap.admin-password=Strong2026pw")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // Back to the old state: one mixed account, no security or audit administrator.
            jdbc.update("delete from user_account where username in ('secadmin', 'auditor')");
            jdbc.update("insert into user_role (user_id, role) select id, 'OFFICE' from user_account "
                    + "where username = 'admin'");
            String v27 = new String(getClass().getResourceAsStream(
                    "/db/migration/V27__separation_of_duties.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            jdbc.execute(v27);
            assertThat(jdbc.queryForList("select r.role from user_role r join user_account u on u.id = r.user_id "
                    + "where u.username = 'admin'", String.class)).containsExactly("OFFICE");
        }
        try (var app = start(pg, "default")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select u.username || ':' || r.role from user_account u join user_role r "
                    + "on r.user_id = u.id", String.class))
                    .containsExactlyInAnyOrder("admin:OFFICE", "admin-agency:ADMIN", "secadmin:SECURITY_ADMIN",
                            "auditor:AUDITOR");
            String printed = output.getOut().replaceAll("(?s).*'secadmin' created\\. One-time password: (\\S+).*",
                    "$1");
            assertThat(app.getBean(PasswordEncoder.class).matches(printed, hash(jdbc, "secadmin"))).isTrue();
            assertThat(jdbc.queryForList("select object_id from audit_entry where action = 'USER_CREATED'",
                    String.class)).contains("admin-agency", "secadmin", "auditor");
        }
    }

    @Test
    void withoutAConfiguredPasswordAOneTimePasswordIsPrintedOnce(@TempDir Path dir, CapturedOutput output) {
        try (var app = start(dir.resolve("pg"), "default")) {
            String printed = output.getOut().replaceAll("(?s).*'admin' created\\. One-time password: (\\S+).*",
                    "$1");
            String hash = app.getBean(JdbcTemplate.class)
                    .queryForObject("select password_hash from user_account where username = 'admin'", String.class);
            assertThat(app.getBean(PasswordEncoder.class).matches(printed, hash)).isTrue();
        }
    }

    @Test
    void theAppRefusesToStartOutsideDemoModeWhileADemoPasswordExists(@TempDir Path dir) {
        Path pg = dir.resolve("pg");
        start(pg, "demo").close();
        assertThatThrownBy(() -> start(pg, "default").close()).hasStackTraceContaining("demo password");
    }

    @Test
    void withoutAPersonalDataKeyTheAppRefusesToStartOutsideDemoModeWithOneParagraphNotAStackTrace(@TempDir Path dir,
            CapturedOutput output) {
        assertThatThrownBy(() -> startWithKey(dir.resolve("pg"), "default", "").close())
                .hasStackTraceContaining("No key for personal data")
                .hasStackTraceContaining("Set GONGKAI_PERSONAL_DATA_KEY")
                .hasStackTraceContaining("openssl rand -base64 16");
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("No key for personal data").contains("Action:").contains("Set GONGKAI_PERSONAL_DATA_KEY")
                .doesNotContain("Application run failed").doesNotContain("at cn.gongkai.platform.");
    }

    @Test
    void withTheDemoPersonalDataKeyTheAppRefusesToStartOutsideDemoMode(@TempDir Path dir) {
        assertThatThrownBy(() -> startWithKey(dir.resolve("pg"), "default", PersonalDataConfiguration.DEMO_KEY).close())
                .hasStackTraceContaining("is the demo key");
    }

    @Test
    void withoutAnAuditKeyTheAppRefusesToStartOutsideDemoModeSayingWhatToSet(@TempDir Path dir) {
        assertThatThrownBy(() -> startWithKeys(dir.resolve("pg"), "default", TEST_KEY, "").close())
                .hasStackTraceContaining("No key for the audit log: set GONGKAI_AUDIT_KEY")
                .hasStackTraceContaining("openssl rand -base64 32");
    }
}
