package cn.gongkai.crash;

import cn.gongkai.GongkaiApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole application in another JVM (demo accounts, no demo content), on a data directory and an index directory
 * that outlive it, so that a test can kill it with kill -9 ({@link Process#destroyForcibly()}) or let it halt itself
 * ({@code gongkai.test.halt-at}) and start it again on what it left.
 */
final class ChildApplication implements AutoCloseable {

    static final String PASSWORD = "Gongkai@2026";

    private final Process process;
    private final int port;
    private final Path output;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ChildApplication(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts the application on {@code dir} and waits until it answers; {@code extra} are more --name=value. */
    static ChildApplication start(Path dir, String run, String... extra) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), GongkaiApplication.class.getName(),
                "--spring.profiles.active=demo", "--gongkai.demo-content=false", "--server.port=" + port,
                "--gongkai.embedded-db.data-dir=" + dir.resolve("pg"),
                "--gongkai.search.index-dir=" + dir.resolve("index"),
                "--gongkai.audit.anchor-file=" + dir.resolve("audit-anchors.log"),
                "--logging.file.name=" + dir.resolve("gongkai.log"),
                "--gongkai.search.rate-per-minute=100000", "--gongkai.worklist.check-interval=1h"));
        command.addAll(List.of(extra));
        Path output = dir.resolve("console-" + run + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        ChildApplication app = new ChildApplication(process, port, output);
        // Generous: a loaded 2-core machine took 100 s to start, plus a minute to stop the orphaned database.
        app.awaitReady(Duration.ofSeconds(360));
        return app;
    }

    private void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped while starting:\n" + tail());
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start in " + limit + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    String console() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** An anonymous GET, with headers as name, value, name, value… */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> getAs(String user, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A POST with HTTP Basic (no CSRF token needed), JSON body or none. */
    HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user));
        if (json == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the JVM to end by itself (a halt), returning its exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the application did not stop:\n" + tail());
        }
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no rollback, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** An orderly stop (SIGTERM): the application closes and stops its database. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** After a failed test: the PostgreSQL server a killed run left on {@code dir}, stopped (SIGTERM). */
    static void stopOrphanedDatabase(Path dir) {
        Path pidFile = dir.resolve("pg").resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroy();
                    p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
                });
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the orphaned database: " + e);
        }
    }
}
