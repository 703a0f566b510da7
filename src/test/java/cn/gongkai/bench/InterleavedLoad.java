package cn.gongkai.bench;

import java.io.IOException;
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
 * after one warm-up window per phase, rounds of one window per phase (each round starting with the next phase), until
 * every phase has had its measured time. In every window the same number of clients send requests back to back; a
 * request still running when the window ends is waited for and counted, and the window's time runs until the last
 * client is done, so a slow phase gets a longer measured time rather than a biased sample. Each client walks its own
 * sequence from the start in every phase (the position carries over from window to window; the warm-up walks it
 * too, and measuring starts again at its beginning).
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
            return new Stats(name, clients.length, windows, nanos / 1e9, all, kinds, byKind, errors, error);
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
            List<long[]> byKind, long errors, String firstError) {

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

    /** The 1-minute load average at each window's start, and /proc/loadavg at the start and end. */
    record Load(String atStart, String atEnd, double lowest, double highest) {
    }

    /** A request slower than this is reported as it happens. */
    private static final long SLOW = 1_000_000_000L;

    private final int clients;
    private final Duration warmup;
    private final Duration window;
    private final Duration perPhase;

    InterleavedLoad(int clients, Duration warmup, Duration window, Duration perPhase) {
        this.clients = clients;
        this.warmup = warmup;
        this.window = window;
        this.perPhase = perPhase;
    }

    int rounds() {
        return (int) Math.max(1, (perPhase.toMillis() + window.toMillis() - 1) / window.toMillis());
    }

    Load run(List<Phase> phases) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(clients, Thread.ofPlatform().name("client-", 0)
                .factory());
        try {
            for (Phase p : phases) {
                System.out.printf(Locale.ROOT, "warm-up %s: %d s with %d clients%n", p.name, warmup.toSeconds(),
                        clients);
                window(threads, p, warmup, false);
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
            return new Load(start, loadAverage(), lowest, highest);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One window of a phase: every client sends requests until the window ends, then finishes the one it is in. */
    private void window(ExecutorService threads, Phase p, Duration length, boolean measuring)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long[] done = new long[clients];
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Recorder recorder = p.clients[c];
            recorder.measuring = measuring;
            running.add(threads.submit(() -> {
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
