package cn.gongkai.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold and warm start of the packaged jar (issue 12): {@code java -jar target/gongkai-….jar
 * --spring.profiles.active=demo} as the README runs it, as a child process whose working directory is a fresh, empty
 * directory under {@code target/start-bench/} (so the application's {@code ./data/pg}, {@code ./data/index} and
 * {@code ./logs} land there). The first start unpacks PostgreSQL (into the run's own {@code embedded-pg} folder, see
 * {@code bench.fresh-binaries}), runs initdb, the migrations, the demo data and the index build; each following start
 * is a second start on the same directory. Between starts the application is stopped as an operator would stop it
 * (SIGTERM, {@link Process#destroy()}).
 *
 * <p>For each start: the wall time from launching the process until {@code GET /actuator/health} answers 200 with
 * {@code "status":"UP"}, and until the portal serves, that is the home page {@code /} answers 200 with its latest
 * published items and {@code /portal/catalog?q=…} answers 200 with at least one hit; the first moment each of them
 * answered anything; Spring Boot's own "Started … in X seconds"; the phases of the start read from the log; and, once
 * up, the resident memory of the JVM ({@code VmRSS}) and of the embedded PostgreSQL (the postmaster named by
 * {@code data/pg/postmaster.pid} and its children: the sum of their {@code VmRSS}, which counts the shared buffers
 * once per process, and of their {@code Pss}, which shares them out), the heap used and committed as {@code jcmd
 * GC.heap_info} reports it, and the heap still live after a full collection ({@code jcmd GC.run}). Health must never
 * say UP before the portal can serve: the portal is asked right after health first says UP, and a start where it did
 * not serve then is flagged in the report.
 *
 * <p>Not a test (surefire excludes {@code *Benchmark}): run {@code ./mvnw -B -Pstart-bench package exec:exec
 * -DskipTests} (see docs/benchmarks.md), which builds the jar and writes {@code target/start-bench/report.md}.
 * System properties: {@code bench.jar} (the jar), {@code bench.dir} (target/start-bench), {@code bench.starts} (3:
 * second starts after the first), {@code bench.java} (the {@code java} of this JVM), {@code bench.jvm} (JVM options
 * for the application, none by default, e.g. {@code -XX:StartFlightRecording=filename=start-%p.jfr}),
 * {@code bench.args} (more application arguments), {@code bench.query} (交通运输), {@code bench.poll-ms} (200),
 * {@code bench.timeout} (600 seconds a start), {@code bench.fresh-binaries} (true: the run unpacks PostgreSQL into
 * its own folder, as on a new machine; false: the shared {@code java.io.tmpdir/embedded-pg} that earlier runs
 * filled).
 */
public final class StartBenchmark {

    private static final Pattern LOG_LINE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d+(?:Z|[+-]\\d{2}:\\d{2}))"
                    + "\\s+\\S+\\s+\\d+\\s+---\\s+(.*)$");
    private static final Pattern STARTED = Pattern.compile(
            "Started \\S+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");
    private static final Pattern HITS = Pattern.compile("(?:共|约) (\\d+) 条");
    /** G1's one line ("garbage-first heap … committed 262144K, used 150000K"). */
    private static final Pattern HEAP = Pattern.compile("committed (\\d+)K, used (\\d+)K");

    /** The generations of the serial and parallel collectors ("DefNew total 116160K, used 31025K", "Tenured …"). */
    private static final Pattern GENERATION = Pattern.compile("(?m)^\\S+\\s+total (\\d+)K, used (\\d+)K");

    /** The moments of a start the log shows, in order: the text of the first line that marks each, and its name. */
    private static final List<String[]> PHASES = List.of(
            new String[] {"Starting GongkaiApplication", "JVM and Spring Boot launcher (until \"Starting\")"},
            new String[] {"Root WebApplicationContext: initialization completed",
                    "configuration, bean definitions, Tomcat created"},
            new String[] {"Embedded PostgreSQL started", "embedded PostgreSQL (unpack, initdb, start)"},
            new String[] {"now at version|No migration necessary", "Flyway (migrate or validate)"},
            new String[] {"Initialized JPA EntityManagerFactory", "Hibernate ORM and Hibernate Search"},
            new String[] {"Tomcat started on port", "other beans (security, scheduler, search index check), Tomcat"},
            new String[] {"Started GongkaiApplication", "until Spring Boot's \"Started\""});

    private final Path java;
    private final Path jar;
    private final Path run;
    private final List<String> jvmOptions;
    private final List<String> appArguments;
    private final String query;
    private final Duration poll;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The application now running, stopped (SIGTERM) if the benchmark is interrupted. */
    private volatile Process current;

    /** {@code bench.jvm-cache}: none, aot (JDK 25 AOT cache) or cds (dynamic CDS archive); see {@link #cacheOptions}. */
    private final String cache;

    private StartBenchmark(Path java, Path jar, Path run, List<String> jvmOptions, List<String> appArguments,
            String query, Duration poll, Duration timeout, String cache) {
        this.java = java;
        this.jar = jar;
        this.cache = cache;
        this.run = run;
        this.jvmOptions = jvmOptions;
        this.appArguments = appArguments;
        this.query = query;
        this.poll = poll;
        this.timeout = timeout;
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(System.getProperty("bench.dir", "target/start-bench")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("bench.jar", findJar().toString())).toAbsolutePath();
        int starts = Integer.getInteger("bench.starts", 3);
        Path java = Path.of(property("bench.java", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String query = property("bench.query", "交通运输");
        Duration poll = Duration.ofMillis(Integer.getInteger("bench.poll-ms", 200));
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 600));
        boolean freshBinaries = Boolean.parseBoolean(property("bench.fresh-binaries", "true"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -B -DskipTests package)");
        }

        Path run = base.resolve("run-" + LocalDateTime.now().withNano(0).toString().replace(":", ""));
        Files.createDirectories(run);
        List<String> jvmOptions = new ArrayList<>(words(property("bench.jvm", "")));
        if (freshBinaries) {
            // zonky unpacks its PostgreSQL binaries under this folder (default java.io.tmpdir/embedded-pg, shared by
            // every run on the machine): a folder of the run's own makes the first start unpack them, as on a new
            // machine; the second starts find them there as they would in /tmp.
            jvmOptions.add("-Dot.epg.working-dir=" + run.resolve("embedded-pg"));
        }
        String cache = property("bench.jvm-cache", "none");
        if (!List.of("none", "aot", "cds").contains(cache)) {
            throw new IllegalArgumentException("bench.jvm-cache is none, aot or cds, not " + cache);
        }
        if (!cache.equals("none")) {
            // As docs/deployment in the README: the jar extracted (a plain class path the JVM's cache can record),
            // the first start writes the cache when it stops, the later starts read it.
            Path app = run.resolve("app");
            String out = command(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", app.toString());
            System.out.println(out);
            jar = app.resolve(jar.getFileName());
        }
        StartBenchmark bench = new StartBenchmark(java, jar, run, jvmOptions, words(property("bench.args", "")),
                query, poll, timeout, cache);

        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopCurrent));
        String machine = bench.machine();
        System.out.println(machine);
        List<Start> results = new ArrayList<>();
        for (int i = 0; i <= starts; i++) {
            String label = i == 0 ? "first (empty directory)" : "second #" + i;
            Start start = bench.start(i, label);
            results.add(start);
            System.out.println(start.summary());
        }
        String report = bench.report(machine, results, freshBinaries);
        Files.writeString(run.resolve("report.md"), report);
        Files.writeString(base.resolve("report.md"), report);
        System.out.println();
        System.out.println(report);
        System.out.println("Report written to " + base.resolve("report.md") + " (and " + run.resolve("report.md")
                + ")");
    }

    // --- one start --------------------------------------------------------------------------------------------------

    /** What one start measured; times in milliseconds from the launch, memory in KiB, -1 when not seen. */
    static final class Start {
        final String label;
        String loadAtLaunch = "";
        String loadWhenUp = "";
        long firstHealthAnswer = -1;
        int firstHealthStatus = -1;
        long healthUp = -1;
        long firstPortal200 = -1;
        long portalServes = -1;
        boolean portalServedWhenHealthUp;
        double springStarted = -1;
        double springProcessRunning = -1;
        long javaRss = -1;
        long postgresRss = -1;
        long postgresPss = -1;
        int postgresProcesses;
        long heapUsed = -1;
        long heapCommitted = -1;
        long heapLive = -1;
        /** CPU seconds (user + system) the JVM used until up: all threads, the main thread, the JIT compilers. */
        double cpu = -1;
        double cpuMain = -1;
        double cpuJit = -1;
        double cpuPostgres = -1;
        long stop = -1;
        int hits = -1;
        final Map<String, Long> phases = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();

        Start(String label) {
            this.label = label;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: health UP %s, portal %s, Spring started in %s s, Java RSS %s, "
                    + "PostgreSQL RSS %s (PSS %s, %d processes), heap used %s, JVM CPU %.1f s (main thread %.1f s)%s",
                    label, seconds(healthUp), seconds(portalServes),
                    springStarted < 0 ? "?" : String.format(Locale.ROOT, "%.1f", springStarted), mib(javaRss),
                    mib(postgresRss), mib(postgresPss), postgresProcesses, mib(heapUsed), cpu, cpuMain,
                    problems.isEmpty() ? "" : "; PROBLEMS: " + problems);
        }
    }

    private Start start(int n, String label) throws Exception {
        Start start = new Start(label);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(cacheOptions(n));
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port));
        command.addAll(appArguments);
        Path console = run.resolve("console-" + n + ".log");
        start.loadAtLaunch = loadAverage();
        System.out.println("Start " + label + ": " + String.join(" ", command) + " (in " + run + ", load average "
                + start.loadAtLaunch + ")");
        Instant launched = Instant.now();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(run.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        current = process;
        Optional<ProcessHandle> postgres = Optional.empty();
        try {
            awaitPortal(process, port, t0, start, console);
            start.loadWhenUp = loadAverage();
            postgres = postmaster();
            measureMemory(process.toHandle(), postgres, start);
        } finally {
            stop(process, postgres, t0, start);
        }
        readLog(console, launched, start);
        return start;
    }

    /**
     * The JVM options of start {@code n} for {@link #cache}: {@code aot} (JDK 25+, JEP 483/514/515) writes an AOT
     * cache (classes loaded and linked, method profiles) when the first start stops and reads it at every later
     * start; {@code cds} (JDK 19+) makes the JVM write a dynamic CDS archive at the first exit and use it afterwards.
     */
    private List<String> cacheOptions(int n) {
        Path dir = jar.getParent();
        return switch (cache) {
            case "aot" -> List.of(n == 0 ? "-XX:AOTCacheOutput=" + dir.resolve("gongkai.aot")
                    : "-XX:AOTCache=" + dir.resolve("gongkai.aot"));
            case "cds" -> List.of("-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=" + dir.resolve("gongkai.jsa"));
            default -> List.of();
        };
    }

    /**
     * Polls health and the portal until both serve. Right after health first says UP the portal is asked again: if it
     * cannot serve then, health said UP too early.
     */
    private void awaitPortal(Process process, int port, long t0, Start start, Path console) throws Exception {
        long deadline = t0 + timeout.toNanos();
        while (start.healthUp < 0 || start.portalServes < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped while starting (exit " + process.exitValue()
                        + "):\n" + tail(console));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no UP and portal within " + timeout + ":\n" + tail(console));
            }
            if (start.healthUp < 0) {
                Optional<HttpResponse<String>> health = get(port, "/actuator/health");
                if (health.isPresent() && start.firstHealthAnswer < 0) {
                    start.firstHealthAnswer = millis(t0);
                    start.firstHealthStatus = health.get().statusCode();
                }
                if (health.isPresent() && health.get().statusCode() == 200
                        && health.get().body().contains("\"status\":\"UP\"")) {
                    start.healthUp = millis(t0);
                    start.portalServedWhenHealthUp = portalServes(port, start, t0);
                    if (start.portalServedWhenHealthUp && start.portalServes < 0) {
                        start.portalServes = millis(t0);
                    }
                    if (!start.portalServedWhenHealthUp) {
                        start.problems.add(String.format(Locale.ROOT, "health said UP at %s s while the portal "
                                + "could not serve yet", seconds(start.healthUp)));
                    }
                }
            }
            if (start.portalServes < 0 && portalServes(port, start, t0)) {
                start.portalServes = millis(t0);
            }
            if (start.healthUp < 0 || start.portalServes < 0) {
                Thread.sleep(poll.toMillis());
            }
        }
    }

    /** The home page with its latest items and a catalog search with hits, both 200. */
    private boolean portalServes(int port, Start start, long t0) throws Exception {
        Optional<HttpResponse<String>> home = get(port, "/");
        if (home.isEmpty() || home.get().statusCode() != 200) {
            return false;
        }
        if (start.firstPortal200 < 0) {
            start.firstPortal200 = millis(t0);
        }
        Optional<HttpResponse<String>> search = get(port, "/portal/catalog?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (search.isEmpty() || search.get().statusCode() != 200) {
            return false;
        }
        Matcher hits = HITS.matcher(search.get().body());
        start.hits = hits.find() ? Integer.parseInt(hits.group(1)) : 0;
        return home.get().body().contains("id=\"latest\"") && start.hits > 0;
    }

    private Optional<HttpResponse<String>> get(int port, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (ConnectException | HttpTimeoutException notYet) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // connection reset while the server starts
        }
    }

    // --- memory -----------------------------------------------------------------------------------------------------

    /** The postmaster named by the data directory's postmaster.pid, when it lives. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = run.resolve("data/pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    private void measureMemory(ProcessHandle app, Optional<ProcessHandle> postmaster, Start start)
            throws IOException, InterruptedException {
        measureCpu(app.pid(), start);
        start.javaRss = status(app.pid(), "VmRSS");
        if (postmaster.isPresent()) {
            // PostgreSQL's processes (checkpointer, walwriter, autovacuum, one backend per pooled connection…) are
            // the postmaster's children (ProcessHandle reads their parent from /proc/<pid>/stat).
            List<ProcessHandle> all = Stream.concat(Stream.of(postmaster.get()), postmaster.get().descendants())
                    .toList();
            start.postgresProcesses = all.size();
            start.postgresRss = all.stream().mapToLong(p -> Math.max(0, status(p.pid(), "VmRSS"))).sum();
            start.postgresPss = all.stream().mapToLong(p -> Math.max(0, pss(p.pid()))).sum();
            start.cpuPostgres = all.stream().mapToDouble(p -> Math.max(0, cpuSeconds(Path.of("/proc",
                    Long.toString(p.pid()), "stat")))).sum();
        } else {
            start.problems.add("no live postmaster found through data/pg/postmaster.pid");
        }
        Path jcmd = java.resolveSibling("jcmd");
        if (Files.isExecutable(jcmd)) {
            long[] before = heap(command(jcmd.toString(), Long.toString(app.pid()), "GC.heap_info"));
            start.heapCommitted = before[0];
            start.heapUsed = before[1];
            command(jcmd.toString(), Long.toString(app.pid()), "GC.run");
            start.heapLive = heap(command(jcmd.toString(), Long.toString(app.pid()), "GC.heap_info"))[1];
        }
    }

    /** Committed and used KiB of the heap from {@code jcmd GC.heap_info}, whatever the collector; -1 when unknown. */
    static long[] heap(String heapInfo) {
        Matcher g1 = HEAP.matcher(heapInfo);
        if (g1.find()) {
            return new long[] {Long.parseLong(g1.group(1)), Long.parseLong(g1.group(2))};
        }
        long committed = 0;
        long used = 0;
        boolean found = false;
        for (Matcher generation = GENERATION.matcher(heapInfo); generation.find(); found = true) {
            committed += Long.parseLong(generation.group(1));
            used += Long.parseLong(generation.group(2));
        }
        return found ? new long[] {committed, used} : new long[] {-1, -1};
    }

    /**
     * The JVM's CPU time so far, and that of its main thread (the second task named "java"; the first is the
     * launcher's, waiting) and of its JIT compiler threads ("C1/C2 CompilerThre…", those still alive).
     */
    private static void measureCpu(long pid, Start start) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        start.cpu = cpuSeconds(proc.resolve("stat"));
        double main = 0;
        double jit = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).trim();
                if (name.equals("java") && !task.getFileName().toString().equals(Long.toString(pid))) {
                    main += Math.max(0, cpuSeconds(task.resolve("stat")));
                } else if (name.contains("CompilerThre")) {
                    jit += Math.max(0, cpuSeconds(task.resolve("stat")));
                }
            }
        } catch (IOException e) {
            return;
        }
        start.cpuMain = main;
        start.cpuJit = jit;
    }

    /** utime + stime of a /proc/…/stat, in seconds (USER_HZ 100), -1 when gone. */
    private static double cpuSeconds(Path stat) {
        try {
            String text = Files.readString(stat);
            // After the command in parentheses (which may hold spaces): state, ppid, …; utime is the 12th field
            // from there, stime the 13th.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A {@code kB} field of /proc/<pid>/status, -1 when the process is gone. */
    private static long status(long pid, String field) {
        return procField(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    private static long pss(long pid) {
        return procField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss");
    }

    private static long procField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    // --- stop -------------------------------------------------------------------------------------------------------

    /** SIGTERM, as an operator stops it; the application must stop its PostgreSQL too. */
    private void stop(Process process, Optional<ProcessHandle> postgres, long t0, Start start)
            throws InterruptedException {
        long stopping = System.nanoTime();
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            start.problems.add("did not stop within 120 s of SIGTERM: killed");
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        start.stop = (System.nanoTime() - stopping) / 1_000_000;
        if (postgres.isEmpty()) {
            return;
        }
        // pg_ctl stop -w returns once postmaster.pid is gone, a moment before the postmaster itself has exited.
        ProcessHandle postmaster = postgres.get();
        postmaster.onExit().completeOnTimeout(postmaster, 30, TimeUnit.SECONDS).join();
        if (postmaster.isAlive()) {
            start.problems.add("PostgreSQL " + postmaster.pid() + " still running 30 s after the application stopped");
            postmaster.destroy();
            postmaster.onExit().completeOnTimeout(postmaster, 60, TimeUnit.SECONDS).join();
        }
    }

    private void stopCurrent() {
        Process process = current;
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- the log ----------------------------------------------------------------------------------------------------

    /** Spring Boot's "Started … in X seconds" and the moment each phase of {@link #PHASES} ended. */
    private static void readLog(Path console, Instant launched, Start start) throws IOException {
        List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
        for (String line : lines) {
            Matcher m = LOG_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(m.group(1)).toInstant();
            } catch (DateTimeParseException e) {
                continue;
            }
            for (String[] phase : PHASES) {
                if (!start.phases.containsKey(phase[1]) && Pattern.compile(phase[0]).matcher(m.group(2)).find()) {
                    start.phases.put(phase[1], Duration.between(launched, at).toMillis());
                }
            }
            Matcher started = STARTED.matcher(m.group(2));
            if (started.find() && start.springStarted < 0) {
                start.springStarted = Double.parseDouble(started.group(1));
                start.springProcessRunning = Double.parseDouble(started.group(2));
            }
        }
    }

    // --- the report -------------------------------------------------------------------------------------------------

    private String machine() throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder();
        s.append("```\n$ nproc\n").append(Runtime.getRuntime().availableProcessors()).append('\n');
        s.append("$ free -h\n").append(command("free", "-h"));
        s.append("$ ").append(java).append(" -version\n").append(command(java.toString(), "-version"));
        s.append("$ grep -m1 'model name' /proc/cpuinfo\n")
                .append(command("grep", "-m1", "model name", "/proc/cpuinfo"));
        s.append("$ git rev-parse --short HEAD; git status --porcelain --untracked-files=no | wc -l\n")
                .append(command("git", "rev-parse", "--short", "HEAD"));
        long changed = command("git", "status", "--porcelain", "--untracked-files=no").lines().count();
        s.append(changed).append(" changed tracked files\n```\n");
        return s.toString();
    }

    private String report(String machine, List<Start> starts, boolean freshBinaries) throws IOException {
        StringBuilder r = new StringBuilder();
        r.append("# Start-up benchmark\n\n");
        r.append("Date: ").append(LocalDateTime.now().withNano(0)).append(". Jar: `").append(jar).append("` (")
                .append(Files.size(jar) / (1 << 20)).append(" MiB). Directory: `").append(run).append("`.\n\n");
        if (!cache.equals("none")) {
            Path file = jar.getParent().resolve(cache.equals("aot") ? "gongkai.aot" : "gongkai.jsa");
            r.append("JVM cache: `").append(cache).append("` (`-Dbench.jvm-cache=").append(cache)
                    .append("`): the jar extracted into `").append(jar.getParent()).append("`; ")
                    .append(cache.equals("aot") ? "the first start runs with `-XX:AOTCacheOutput=gongkai.aot` (the "
                            + "cache is written when it stops), the second starts with `-XX:AOTCache=gongkai.aot`"
                            : "every start runs with `-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=gongkai.jsa` "
                                    + "(written when the first start stops)")
                    .append("; its size ").append(Files.exists(file) ? Files.size(file) / (1 << 20) + " MiB" : "?")
                    .append(".\n\n");
        }
        r.append("Command of each start (working directory: that directory): `").append(java).append(' ')
                .append(String.join(" ", jvmOptions)).append(jvmOptions.isEmpty() ? "" : " ").append("-jar ")
                .append(jar).append(" --spring.profiles.active=demo --server.port=<free port>")
                .append(appArguments.isEmpty() ? "" : " " + String.join(" ", appArguments)).append("`");
        r.append(freshBinaries ? "; PostgreSQL's binaries unpacked into the run's own `embedded-pg` by the first start"
                : "; PostgreSQL's binaries from the shared `java.io.tmpdir/embedded-pg` (not unpacked if present)")
                .append(".\n\n");
        r.append(machine).append('\n');
        r.append("Times from launching the process, memory once the portal serves. *UP*: `/actuator/health` answers "
                + "200 `\"status\":\"UP\"`. *Portal*: `/` answers 200 with its latest items and `/portal/catalog?q=")
                .append(query).append("` 200 with hits. *Heap*: used / committed (`jcmd GC.heap_info`), and live "
                + "after a full GC. *PostgreSQL*: the postmaster and its children, sum of RSS (shared buffers "
                + "counted in every process) and of PSS (shared pages divided among them).\n\n");
        r.append("| start | load average at launch | health UP | portal serves | Spring's \"Started in\" | Java RSS "
                + "| PostgreSQL RSS (PSS, processes) | heap used / committed | heap live | stop (SIGTERM) |\n");
        r.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Start s : starts) {
            r.append(String.format(Locale.ROOT, "| %s | %s | %s s | %s s | %s | %s | %s (%s, %d) | %s / %s | %s | "
                    + "%s s |\n", s.label, s.loadAtLaunch, seconds(s.healthUp), seconds(s.portalServes),
                    s.springStarted < 0 ? "?" : String.format(Locale.ROOT, "%.1f s (process %.1f s)", s.springStarted,
                            s.springProcessRunning), mib(s.javaRss), mib(s.postgresRss), mib(s.postgresPss),
                    s.postgresProcesses, mib(s.heapUsed), mib(s.heapCommitted), mib(s.heapLive), seconds(s.stop)));
        }
        r.append("\nCPU time used until up (user + system, seconds), read from /proc once the portal serves. On an "
                + "idle machine the start cannot take less wall time than its main thread's CPU time, nor less than "
                + "all its CPU time divided by the cores (").append(Runtime.getRuntime().availableProcessors())
                .append("):\n\n| start | JVM, all threads | main thread | JIT compiler threads | PostgreSQL processes |"
                        + "\n|---|---:|---:|---:|---:|\n");
        for (Start s : starts) {
            r.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |\n", s.label, s.cpu, s.cpuMain,
                    s.cpuJit, s.cpuPostgres));
        }
        r.append("\nHealth and the portal. Health is asked every ").append(poll.toMillis())
                .append(" ms; the portal right after health first says UP, and every poll until it serves.\n\n");
        r.append("| start | first answer of /actuator/health | health UP | portal serving when health first said UP "
                + "| first 200 of / | portal serves | load average when up |\n|---|---|---:|---|---:|---:|---|\n");
        for (Start s : starts) {
            r.append(String.format(Locale.ROOT, "| %s | %s at %s s | %s s | %s | %s s | %s s | %s |\n", s.label,
                    s.firstHealthStatus, seconds(s.firstHealthAnswer), seconds(s.healthUp),
                    s.portalServedWhenHealthUp ? "yes" : "**no**", seconds(s.firstPortal200), seconds(s.portalServes),
                    s.loadWhenUp));
        }
        List<String> problems = starts.stream().flatMap(s -> s.problems.stream().map(p -> s.label + ": " + p))
                .toList();
        r.append(problems.isEmpty() ? "\nHealth never said UP before the portal could serve.\n"
                : "\n**Problems:**\n\n" + problems.stream().map(p -> "- " + p + "\n").reduce("", String::concat));
        r.append("\nPhases (seconds from launch when each ended, from the log's timestamps; the last row is the "
                + "benchmark's own clock):\n\n| phase |");
        starts.forEach(s -> r.append(' ').append(s.label).append(" |"));
        r.append("\n|---|");
        starts.forEach(s -> r.append("---:|"));
        r.append('\n');
        for (String[] phase : PHASES) {
            r.append("| ").append(phase[1]).append(" |");
            starts.forEach(s -> r.append(' ').append(seconds(s.phases.getOrDefault(phase[1], -1L))).append(" |"));
            r.append('\n');
        }
        r.append("| start-up runners (calendar, accounts, demo data) until health UP |");
        starts.forEach(s -> r.append(' ').append(seconds(s.healthUp)).append(" |"));
        r.append("\n\nEach start's console output is in the directory (`console-<n>.log`, 0 = first start).\n");
        return r.toString();
    }

    // --- small things -----------------------------------------------------------------------------------------------

    private static Path findJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("gongkai-.*\\.jar")).findFirst()
                    .orElse(Path.of("target/gongkai.jar"));
        } catch (IOException e) {
            return Path.of("target/gongkai.jar");
        }
    }

    /** A property, its default when unset or empty (Maven passes an empty one). */
    private static String property(String name, String otherwise) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String seconds(long millis) {
        return millis < 0 ? "?" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String mib(long kib) {
        return kib < 0 ? "?" : String.format(Locale.ROOT, "%d MiB", Math.round(kib / 1024.0));
    }
}
