package cn.gongkai.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several phases measured in alternation, so that whatever else runs on the machine weighs on all of them alike:
 * after one warm-up window per phase, and then warm-up rounds of one window per phase until the JIT compilers are quiet
 * ({@link #QUIET_JIT}, at most {@code warmupMax} in all), rounds of one window per phase (each round starting with the
 * next phase), until every phase has had its measured time. The time the JIT compilers spend in each phase's measured
 * windows is recorded with it: compiling takes the same two cores the phases share. In every window the same number
 * of clients send requests back to back; a request still running when the window ends is waited for and counted, and
 * the window's time runs until the last client is done, so a slow phase gets a longer measured time rather than a
 * biased sample. Each client walks its own sequence from the start in every phase (the position carries over from
 * window to window; the warm-up walks it too, and measuring starts again at its beginning).
 */
final class InterleavedLoad {

    /** One request of a phase by one client; returns the kind of request (an index into the phase's kinds). */
    interface Request {
        int run(int client, int i) throws Exception;
    }

    /** One phase: its requests and, as measured, the latencies of each client and the time of its windows. */
    static final class Phase {

        final String name;
        final List<String> kinds;
        final Request request;
        private final Recorder[] clients;
        private final int[] next;
        private long nanos;
        private int windows;
        private long jitMillis;
        private long cpuNanos;
        private final AtomicLong clientCpuNanos = new AtomicLong();

        Phase(String name, List<String> kinds, int clients, Request request) {
            this.name = name;
            this.kinds = kinds;
            this.request = request;
            this.clients = new Recorder[clients];
            this.next = new int[clients];
            for (int c = 0; c < clients; c++) {
                this.clients[c] = new Recorder();
            }
        }

        Stats stats() {
            long requests = 0;
            long errors = 0;
            String error = null;
            for (Recorder r : clients) {
                requests += r.size;
                errors += r.errors;
                error = error == null ? r.firstError : error;
            }
            long[] all = new long[(int) requests];
            List<long[]> byKind = new ArrayList<>();
            int[] perKind = new int[kinds.size()];
            for (Recorder r : clients) {
                for (int i = 0; i < r.size; i++) {
                    perKind[r.kinds[i]]++;
                }
            }
            for (int k = 0; k < kinds.size(); k++) {
                byKind.add(new long[perKind[k]]);
            }
            int n = 0;
            int[] filled = new int[kinds.size()];
            for (Recorder r : clients) {
                System.arraycopy(r.nanos, 0, all, n, r.size);
                n += r.size;
                for (int i = 0; i < r.size; i++) {
                    byKind.get(r.kinds[i])[filled[r.kinds[i]]++] = r.nanos[i];
                }
            }
            Arrays.sort(all);
            byKind.forEach(Arrays::sort);
            return new Stats(name, clients.length, windows, nanos / 1e9, all, kinds, byKind, errors, error,
                    jitMillis / 1e3, cpuNanos / 1e9, clientCpuNanos.get() / 1e9);
        }
    }

    /** A client's latencies in one phase, growing as needed. */
    private static final class Recorder {
        long[] nanos = new long[1024];
        byte[] kinds = new byte[1024];
        int size;
        long errors;
        String firstError;
        boolean measuring;

        void add(long latency, int kind) {
            if (!measuring) {
                return;
            }
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
            }
            nanos[size] = latency;
            kinds[size++] = (byte) kind;
        }

        void error(Throwable t) {
            if (!measuring) {
                return;
            }
            errors++;
            if (firstError == null) {
                firstError = t.toString();
            }
        }
    }

    /** A phase's figures over all its measured windows. */
    record Stats(String name, int clients, int windows, double seconds, long[] nanos, List<String> kinds,
            List<long[]> byKind, long errors, String firstError, double jitSeconds, double cpuSeconds,
            double clientCpuSeconds) {

        /**
         * The process's CPU time per request in the measured windows, ms; -1 without requests, or when the JVM
         * measured no CPU time at all (it does not say).
         */
        double cpuMillisPerRequest() {
            return cpuSeconds <= 0 || nanos.length == 0 ? -1 : cpuSeconds * 1e3 / nanos.length;
        }

        /** The client threads' share of it: for an HTTP phase the client's own work, in process the search too. */
        double clientCpuMillisPerRequest() {
            return clientCpuSeconds <= 0 || nanos.length == 0 ? -1 : clientCpuSeconds * 1e3 / nanos.length;
        }

        long requests() {
            return nanos.length;
        }

        double throughput() {
            return nanos.length / seconds;
        }

        double percentile(double p) {
            return percentile(nanos, p);
        }

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
        }

        double max() {
            return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
        }
    }

    /**
     * The 1-minute load average at each window's start, and /proc/loadavg at the start and end; the warm-up's length,
     * and the JIT compilers' share of the CPU (their time over the wall time times the processors) in its last round
     * (negative when the JVM does not say).
     */
    record Load(String atStart, String atEnd, double lowest, double highest, double warmupSeconds, int warmupRounds,
            double lastWarmupJitShare) {

        boolean jitQuiet() {
            return lastWarmupJitShare >= 0 && lastWarmupJitShare <= QUIET_JIT;
        }
    }

    /**
     * The JIT compilers are quiet when a warm-up round of every phase leaves them at most this share of the CPU. From a
     * fresh start at 100,000 entries they took about 13 % of it for the first minute of API load and went on
     * compiling for about 110 s (docs/benchmarks.md); measured before they are done, a phase with more code to compile
     * (the HTTP request: Tomcat, Spring, Jackson) pays for it in the windows that happen to fall then.
     */
    static final double QUIET_JIT = 0.01;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A request slower than this is reported as it happens. */
    private static final long SLOW = 1_000_000_000L;

    private final int clients;
    private final Duration warmup;
    private final Duration window;
    private final Duration perPhase;
    private final Duration warmupMax;

    InterleavedLoad(int clients, Duration warmup, Duration window, Duration perPhase, Duration warmupMax) {
        this.clients = clients;
        this.warmup = warmup;
        this.window = window;
        this.perPhase = perPhase;
        this.warmupMax = warmupMax;
    }

    /** The process's CPU time so far, ns (-1 when the JVM does not say). */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The calling thread's CPU time so far, ns (-1 when the JVM does not say). */
    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** The compilers' time so far, in ms (-1 when the JVM does not say). */
    static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : -1;
    }

    int rounds() {
        return (int) Math.max(1, (perPhase.toMillis() + window.toMillis() - 1) / window.toMillis());
    }

    Load run(List<Phase> phases) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(clients, Thread.ofPlatform().name("client-", 0)
                .factory());
        try {
            long warmupStart = System.nanoTime();
            for (Phase p : phases) {
                System.out.printf(Locale.ROOT, "warm-up %s: %d s with %d clients%n", p.name, warmup.toSeconds(),
                        clients);
                window(threads, p, warmup, false);
            }
            // Then rounds of one window per phase until the compilers are quiet, or the warm-up has had its time.
            int warmupRounds = 1;
            double share = jitShare(threads, phases);
            while (share > QUIET_JIT && System.nanoTime() - warmupStart < warmupMax.toNanos()) {
                warmupRounds++;
                share = jitShare(threads, phases);
            }
            double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
            System.out.printf(Locale.ROOT, "warm-up done after %.0f s: the JIT compilers took %.1f %% of the CPU in "
                    + "its last round%n", warmupSeconds, 100 * share);
            for (Phase p : phases) {
                Arrays.fill(p.next, 0);
            }
            String start = loadAverage();
            double lowest = Double.MAX_VALUE;
            double highest = 0;
            int rounds = rounds();
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < phases.size(); k++) {
                    Phase p = phases.get((r + k) % phases.size());
                    double one = Double.parseDouble(loadAverage().split(" ")[0]);
                    lowest = Math.min(lowest, one);
                    highest = Math.max(highest, one);
                    window(threads, p, window, true);
                }
                System.out.printf(Locale.ROOT, "round %d of %d done (load %s)%n", r + 1, rounds, loadAverage());
            }
            return new Load(start, loadAverage(), lowest, highest, warmupSeconds, warmupRounds, share);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A warm-up round, one window per phase; the compilers' share of the CPU in it (negative when unknown). */
    private double jitShare(ExecutorService threads, List<Phase> phases) throws InterruptedException {
        long jit = jitMillis();
        long start = System.nanoTime();
        for (Phase p : phases) {
            window(threads, p, window, false);
        }
        if (jit < 0) {
            return -1;
        }
        double cpuMillis = (System.nanoTime() - start) / 1e6 * Runtime.getRuntime().availableProcessors();
        return (jitMillis() - jit) / cpuMillis;
    }

    /** One window of a phase: every client sends requests until the window ends, then finishes the one it is in. */
    private void window(ExecutorService threads, Phase p, Duration length, boolean measuring)
            throws InterruptedException {
        long jit = jitMillis();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long[] done = new long[clients];
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Recorder recorder = p.clients[c];
            recorder.measuring = measuring;
            running.add(threads.submit(() -> {
                long clientCpu = threadCpuNanos();
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        int kind = p.request.run(client, p.next[client]++);
                        long took = System.nanoTime() - t;
                        recorder.add(took, kind);
                        if (took > SLOW) {
                            // A stall shows in the maximum; when and where it happened helps to find its cause.
                            System.out.printf(Locale.ROOT, "slow: %s client %d request %d took %.0f ms, %.1f s into "
                                    + "the window (%s)%n", p.name, client, p.next[client] - 1, took / 1e6,
                                    (t - start) / 1e9, measuring ? "measured" : "warm-up");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (Exception | AssertionError e) {
                        recorder.error(e);
                    }
                }
                done[client] = System.nanoTime();
                if (measuring && clientCpu >= 0) {
                    p.clientCpuNanos.addAndGet(threadCpuNanos() - clientCpu);
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(p.name + " failed", e.getCause());
            }
        }
        if (measuring) {
            p.nanos += Arrays.stream(done).max().orElse(end) - start;
            p.windows++;
            p.jitMillis += Math.max(0, jitMillis() - jit);
            p.cpuNanos += cpu < 0 ? 0 : processCpuNanos() - cpu;
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "? ? ?";
        }
    }
}
