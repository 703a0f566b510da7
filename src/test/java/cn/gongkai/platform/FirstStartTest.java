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
    void anEmptyDatabaseGetsOneAdministratorWithThePasswordFromTheEnvironmentAndNoDemoUsers(@TempDir Path dir) {
        try (var app = start(dir.resolve("pg"), "default", "--gongkai.bootstrap.admin-password=Strong2026pw")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select username from user_account", String.class)).containsExactly("admin");
            String hash = jdbc.queryForObject("select password_hash from user_account", String.class);
            assertThat(app.getBean(PasswordEncoder.class).matches("Strong2026pw", hash)).isTrue();
            assertThat(jdbc.queryForList("select role from user_role", String.class)).containsExactly("ADMIN");
        }
    }

    @Test
    void withoutAConfiguredPasswordAOneTimePasswordIsPrintedOnce(@TempDir Path dir, CapturedOutput output) {
        try (var app = start(dir.resolve("pg"), "default")) {
            String printed = output.getOut().replaceAll("(?s).*One-time password: (\\S+).*", "$1");
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
    void withoutAPersonalDataKeyTheAppRefusesToStartOutsideDemoModeSayingWhatToSet(@TempDir Path dir) {
        assertThatThrownBy(() -> startWithKey(dir.resolve("pg"), "default", "").close())
                .hasStackTraceContaining("No key for personal data: set GONGKAI_PERSONAL_DATA_KEY")
                .hasStackTraceContaining("openssl rand -base64 16");
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
