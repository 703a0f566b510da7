package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is durable (fsync, synchronous_commit, full_page_writes on) and asks every connection for a
 * password: the application's role {@code gongkai} with a generated one kept owner-only in the data directory, the
 * superuser no longer trusted. Data directories from before (trust, tables in {@code postgres}) are migrated.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedDatabaseSecurityTest {

    @Test
    void aFreshDataDirectoryIsDurableAndPasswordProtected(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("pg");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dir, 0, false, true))) {
            Path credentials = dir.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
            assertThat(credentials).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
            assertThat(Files.readString(credentials)).contains("app.password=" + db.password());
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");

            assertSuperuserWithoutPasswordRefused(db);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "gongkai", "wrong").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                    Statement s = c.createStatement()) {
                assertThat(show(s, "fsync")).isEqualTo("on");
                assertThat(show(s, "synchronous_commit")).isEqualTo("on");
                assertThat(show(s, "full_page_writes")).isEqualTo("on");
                assertThat(show(s, "password_encryption")).isEqualTo("scram-sha-256");
                assertThat(query(s, "select current_user || ' ' || current_database()")).isEqualTo("gongkai gongkai");
                assertThat(query(s, "select rolsuper::text from pg_roles where rolname = current_user"))
                        .isEqualTo("false");
                s.execute("create table t (x int)");
                s.execute("insert into t values (1)");
            }
        }
        // A second start reads the same passwords.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dir, 0, false, true));
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            assertThat(query(s, "select count(*)::text from t")).isEqualTo("1");
            assertSuperuserWithoutPasswordRefused(db);
        }
    }

    @Test
    void theTestProfileSettingTurnsDurabilityOffForSpeed(@TempDir Path tmp) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(
                new EmbeddedDatabase.Settings(tmp.resolve("pg"), 0, true, false));
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("off");
            assertThat(show(s, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsIsMigratedWithItsData(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("pg");
        // As the application made them before: trust, the superuser, the database postgres.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C").start();
                Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement()) {
            s.execute("create table legacy (id bigint generated always as identity primary key, note text)");
            s.execute("create sequence legacy_seq");
            s.execute("create view legacy_view as select note from legacy");
            s.execute("create function legacy_fn() returns int language sql as 'select 1'");
            s.execute("insert into legacy (note) values ('from before')");
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dir, 0, false, true))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(EmbeddedDatabase.CREDENTIALS_FILE)))).isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertSuperuserWithoutPasswordRefused(db);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                    Statement s = c.createStatement()) {
                assertThat(query(s, "select note from legacy_view")).isEqualTo("from before");
                // Owner of what it had: it can insert (identity sequence), migrate (alter) and use the rest.
                s.execute("insert into legacy (note) values ('after')");
                s.execute("alter table legacy add column more text");
                s.execute("select nextval('legacy_seq'), legacy_fn()");
                s.execute("alter view legacy_view rename to legacy_view2");
                assertThat(query(s, "select count(*)::text from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = 'public' and c.relowner <> 'gongkai'::regrole")).isEqualTo("0");
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dir, 0, false, true));
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            assertThat(query(s, "select count(*)::text from legacy")).isEqualTo("2");
        }
    }

    private static void assertSuperuserWithoutPasswordRefused(EmbeddedDatabase db) {
        for (String database : new String[] {"postgres", "gongkai", "template1"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + db.port() + "/" + database + "?user=postgres").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        return query(s, "show " + setting);
    }

    private static String query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
