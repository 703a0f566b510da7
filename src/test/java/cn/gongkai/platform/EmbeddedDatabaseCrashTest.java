package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the embedded default: after kill -9 of the application, the PostgreSQL server it started lives on
 * (an orphan that still holds the data directory's postmaster.pid and its shared memory). The next start must come up
 * at once with the data written before, and the orphan must be gone.
 */
class EmbeddedDatabaseCrashTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void afterKill9TheNextStartStopsTheOrphanedServerAndComesUpWithTheData(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("pg");
        Optional<ProcessHandle> orphan = Optional.empty();
        Process app = startApplicationInAnotherJvm(dataDir);
        try {
            awaitReady(app);
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            orphan = postmaster(dataDir);
            assertThat(orphan).as("the server outlives the killed JVM").isPresent();
            assertThat(orphan.get().isAlive()).isTrue();

            try (EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dataDir, 0, false, true))) {
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select note from before_crash")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("written before kill -9");
                }
                assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
            }
        } finally {
            app.destroyForcibly();
            orphan.filter(ProcessHandle::isAlive).ifPresent(p -> {
                p.destroy(); // SIGTERM: the server shuts down
                p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
            });
        }
    }

    private static Process startApplicationInAnotherJvm(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanedPostgresMain.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process app) throws Exception {
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("[other JVM] " + line);
                    if (line.equals("READY")) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(ready.get(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS))
                .as("the other JVM started the database").isTrue();
    }

    /** The process named on the first line of postmaster.pid, if it lives. */
    static Optional<ProcessHandle> postmaster(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        return ProcessHandle.of(pid);
    }
}
