package cn.gongkai.bench;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.report.AnnualReportDesk;
import cn.gongkai.request.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The annual report at scale: the whole application (demo profile, embedded PostgreSQL 17) in a dedicated data
 * directory, N requests and N catalog entries generated for the demo agency ({@link ReportDataGenerator}), then, for a
 * year in the middle of the data and warm:
 * <ol>
 * <li>the office generating the report as it does from the workbench ({@link AnnualReportDesk#generate}: the three
 * aggregates, the figures saved, a version kept, the audit entry, the deadline work item), and the figures alone
 * ({@link AnnualReportDesk#computed});</li>
 * <li>as the limit, the same three SQL statements run directly with {@link JdbcTemplate}, and a plain
 * {@code select count(*) … group by} over the same rows ({@link ReportSql}).</li>
 * </ol>
 * They run in rounds, one of each per round ({@code bench.warmup} rounds, then {@code bench.iterations} measured), so
 * that other work on the machine weighs on all alike: median, min and max of each. The generated
 * report's table 三 is checked (一 + 二 = （七）总计 + 四 in every column), its figures compared with every cell counted
 * independently, and the plans of the statements ({@code EXPLAIN (ANALYZE, BUFFERS)}) written to the report. Target
 * (issue 5): generating the tables over 1,000,000 requests and 1,000,000 catalog items in under 2 seconds.
 *
 * <p>Not a test (surefire excludes {@code *Benchmark}): run
 * {@code ./mvnw -B -Preport-bench test-compile exec:exec} (see docs/benchmarks.md). System properties:
 * {@code bench.requests} and {@code bench.entries} (1000000 each), {@code bench.year} (2023), {@code bench.dir}
 * (target/report-bench/{requests}-{entries}), {@code bench.reuse} (false: start from an empty directory; true: keep a
 * directory that already holds the generated data), {@code bench.warmup} (3), {@code bench.iterations} (10).
 *
 * <p>The catalog entries are written by SQL and never indexed: the application's full-text index in the benchmark's
 * directory does not know them (the benchmark does not search).
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 1_000_000);
        int entries = Integer.getInteger("bench.entries", 1_000_000);
        int year = Integer.getInteger("bench.year", 2023);
        Path dir = Path.of(System.getProperty("bench.dir", "target/report-bench/" + requests + "-" + entries))
                .toAbsolutePath();
        boolean reuse = Boolean.getBoolean("bench.reuse");
        int warmup = Integer.getInteger("bench.warmup", 3);
        int iterations = Integer.getInteger("bench.iterations", 10);

        BenchReport report = new BenchReport();
        report.line("Annual report benchmark, " + LocalDateTime.now().withNano(0));
        report.line(String.format(Locale.ROOT, "N = %,d requests and %,d catalog entries, report year %d, warm-up %d, "
                + "%d measured iterations, data in %s", requests, entries, year, warmup, iterations, dir));
        report.line("machine: " + Runtime.getRuntime().availableProcessors() + " processors, JVM "
                + System.getProperty("java.vm.name") + " " + Runtime.version() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, load average " + loadAverage());
        if (!reuse) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);

        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class).profiles("demo")
                .run("--gongkai.embedded-db.data-dir=" + dir.resolve("pg"),
                        "--gongkai.search.index-dir=" + dir.resolve("index"), "--server.port=0",
                        "--logging.file.name=" + dir.resolve("gongkai.log"), "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
        try {
            report.line(String.format(Locale.ROOT, "application started in %.1f s", seconds(t0)));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            AnnualReportDesk desk = app.getBean(AnnualReportDesk.class);
            StaffPrincipal office = (StaffPrincipal) app.getBean(UserDetailsService.class).loadUserByUsername("office");
            long agencyId = office.agencyId();

            // 1. The data.
            long generatedEntries = jdbc.queryForObject("select count(*) from catalog_entry where item_id < 0 "
                    + "and agency_id = ?", Long.class, agencyId);
            if (generatedEntries == 0) {
                ReportDataGenerator.Result r = new ReportDataGenerator(app.getBean(DataSource.class),
                        ReportDataGenerator.DEFAULT_SEED).generate(ReportDataGenerator.DEMO_AGENCY_CODE, requests,
                        entries);
                report.metric("data load", r.toString());
            } else if (reuse && generatedEntries == entries) {
                report.line("data load: reusing the data already in " + dir);
            } else {
                throw new IllegalStateException(dir + " holds " + generatedEntries + " generated entries, not " + entries
                        + ": delete it or run without -Dbench.reuse=true");
            }
            report.line(String.format(Locale.ROOT, "rows of the agency: %,d requests, %,d challenges, %,d catalog "
                    + "entries; info_request %s, catalog_entry %s (with TOAST and indexes)",
                    jdbc.queryForObject("select count(*) from info_request where agency_id = ?", Long.class, agencyId),
                    jdbc.queryForObject("select count(*) from request_challenge", Long.class),
                    jdbc.queryForObject("select count(*) from catalog_entry where agency_id = ?", Long.class, agencyId),
                    jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('info_request'))", String.class),
                    jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('catalog_entry'))",
                            String.class)));
            report.line("PostgreSQL: " + jdbc.queryForObject("select string_agg(name || '=' || setting || coalesce(unit, ''), "
                    + "', ' order by name) from pg_settings where name in ('shared_buffers', 'work_mem', "
                    + "'max_parallel_workers_per_gather', 'effective_cache_size', 'jit', 'random_page_cost')",
                    String.class));

            // 2. The office's generation and the figures alone; as the limit, the same statements bare (each alone
            // and the three in a row) and plain counts. Interleaved, one of each per round, so that other work on the
            // machine weighs on all of them alike.
            long[] counted = new long[1];
            Map<String, Work> works = new LinkedHashMap<>();
            works.put("generate (AnnualReportDesk.generate: figures, save, version, audit)",
                    () -> desk.generate(office, year));
            works.put("figures (AnnualReportDesk.computed)", () -> desk.computed(agencyId, year));
            works.put("bare SQL, the three statements", () -> ReportSql.bare(jdbc, agencyId, year));
            works.put("bare SQL, table 三 (info_request)",
                    () -> jdbc.queryForList(ReportSql.TABLE_3, ReportSql.table3Args(agencyId, year)));
            works.put("bare SQL, table 四 (request_challenge)",
                    () -> jdbc.queryForList(ReportSql.TABLE_4, ReportSql.table4Args(agencyId, year)));
            works.put("bare SQL, table 二 (catalog_entry)",
                    () -> jdbc.queryForList(ReportSql.TABLE_2, ReportSql.table2Args(agencyId, year)));
            works.put("plain count(*) … group by over the same rows (3 statements)",
                    () -> counted[0] = ReportSql.plainCounts(jdbc, agencyId, year));
            List<Timing> timings = Timing.interleaved(works, warmup, iterations);
            Timing generate = timings.get(0);
            Timing bare = timings.get(2);
            Timing plain = timings.get(6);

            report.line("");
            report.line("| measured (" + iterations + " rounds after " + warmup + " warm-up rounds, interleaved) | median ms | "
                    + "min ms | max ms |");
            report.line("|---|---:|---:|---:|");
            for (Timing t : timings) {
                report.line(t.row());
            }
            report.line("");
            report.line(String.format(Locale.ROOT, "the plain counts read %,d rows", counted[0]));

            // 4. The generated report: its table 三 balances, and its figures equal the cells counted independently.
            Map<String, BigDecimal> saved = new HashMap<>();
            jdbc.query("select f.cell, coalesce(f.manual, f.computed) from annual_report_figure f join annual_report r "
                    + "on r.id = f.report_id where r.agency_id = ? and r.year = ?", rs -> {
                        if (rs.getBigDecimal(2) != null) {
                            saved.put(rs.getString(1), rs.getBigDecimal(2));
                        }
                    }, agencyId, year);
            List<ReportSql.Balance> balances = ReportSql.balances(saved);
            report.line("");
            report.line("Table 三 of the generated report, 一 + 二 = （七）总计 + 四:");
            for (ReportSql.Balance b : balances) {
                report.line(String.format(Locale.ROOT, "  %-28s %,9d = %,9d  %s", b.column(), b.received(), b.accounted(),
                        b.holds() ? "holds" : "FAILS"));
            }
            long tIndependent = System.nanoTime();
            boolean same = ReportSql.nonZero(saved).equals(ReportSql.independent(jdbc, agencyId, year));
            report.line(String.format(Locale.ROOT, "figures equal the cells counted independently (%d queries, %.1f s): %s",
                    3 + Outcome.values().length + 1 + 9, seconds(tIndependent), same ? "yes" : "NO"));
            report.line(String.format(Locale.ROOT, "some figures of %d: 新收 %,d, 上年结转 %,d, 予以公开 %,d, 部分公开 %,d, "
                    + "本机关不掌握 %,d, （七）总计 %,d, 结转下年度 %,d; 规章 制发 %,d 废止 %,d 现行有效 %,d; 行政规范性文件 制发 %,d "
                    + "废止 %,d 现行有效 %,d; 行政许可 %,d, 行政处罚 %,d, 行政强制 %,d; 行政复议 %,d, 行政诉讼 %,d", year,
                    row(saved, "NEW"), row(saved, "CARRIED_IN"), row(saved, "DISCLOSED"), row(saved, "PARTIAL"),
                    row(saved, "UNABLE_NOT_HELD"), ReportSql.COLUMNS.stream().mapToLong(c -> ReportSql.handled(saved, c))
                            .sum(), row(saved, "CARRIED_OUT"), ReportSql.value(saved, "t2.RULES.ISSUED"),
                    ReportSql.value(saved, "t2.RULES.REPEALED"), ReportSql.value(saved, "t2.RULES.IN_FORCE"),
                    ReportSql.value(saved, "t2.NORMATIVE.ISSUED"), ReportSql.value(saved, "t2.NORMATIVE.REPEALED"),
                    ReportSql.value(saved, "t2.NORMATIVE.IN_FORCE"), ReportSql.value(saved, "t2.LICENSING"),
                    ReportSql.value(saved, "t2.PENALTY"), ReportSql.value(saved, "t2.COMPULSION"),
                    kind(saved, "REVIEW"), kind(saved, "LAWSUIT_DIRECT") + kind(saved, "LAWSUIT_AFTER_REVIEW")));

            boolean met = generate.median() < 2000 && balances.stream().allMatch(ReportSql.Balance::holds) && same;
            report.line("");
            report.line(String.format(Locale.ROOT, "target: generation under 2 s over %,d requests and %,d catalog entries: "
                    + "median %.0f ms, max %.0f ms → %s%s", requests, entries, generate.median(), generate.max(),
                    met ? "met" : "NOT met", requests < 1_000_000 || entries < 1_000_000 ? " (measured below 1,000,000)"
                            : ""));
            report.line(String.format(Locale.ROOT, "generation / bare SQL (medians): %.2f; bare SQL / plain counts: %.2f",
                    generate.median() / bare.median(), bare.median() / plain.median()));

            // 5. The plans.
            report.line("");
            report.line("Plans (EXPLAIN (ANALYZE, BUFFERS)), warm:");
            explain(report, jdbc, "table 三", ReportSql.TABLE_3, ReportSql.table3Args(agencyId, year));
            explain(report, jdbc, "table 四", ReportSql.TABLE_4, ReportSql.table4Args(agencyId, year));
            explain(report, jdbc, "table 二", ReportSql.TABLE_2, ReportSql.table2Args(agencyId, year));
            report.line("load average at the end: " + loadAverage());
        } finally {
            Path out = dir.getParent().resolve("report-" + requests + "-" + entries + ".md");
            Files.writeString(out, report.text());
            System.out.println("\n" + report.text() + "\n(written to " + out + ")");
            app.close();
        }
    }

    private static long row(Map<String, BigDecimal> cells, String row) {
        return ReportSql.COLUMNS.stream().mapToLong(c -> ReportSql.value(cells, "t3." + row + "." + c)).sum();
    }

    private static long kind(Map<String, BigDecimal> cells, String kind) {
        return Stream.of("MAINTAINED", "CORRECTED", "OTHER", "PENDING")
                .mapToLong(r -> ReportSql.value(cells, "t4." + kind + "." + r)).sum();
    }

    private static void explain(BenchReport report, JdbcTemplate jdbc, String name, String sql,
            Object[] args) {
        report.line("");
        report.line(name + ":");
        report.line("```");
        jdbc.query("explain (analyze, buffers) " + sql, rs -> {
            report.line(rs.getString(1));
        }, args);
        report.line("```");
    }

    interface Work {
        Object run() throws Exception;
    }

    /** Wall-clock times of one kind of work, in milliseconds, sorted. */
    record Timing(String name, double[] ms) {

        /** Rounds of every work in turn: {@code warmup} rounds, then {@code iterations} measured ones. */
        static List<Timing> interleaved(Map<String, Work> works, int warmup, int iterations) throws Exception {
            System.out.printf(Locale.ROOT, "%d kinds of work: %d warm-up rounds, %d measured…%n", works.size(), warmup,
                    iterations);
            for (int i = 0; i < warmup; i++) {
                for (Work w : works.values()) {
                    w.run();
                }
            }
            List<String> names = List.copyOf(works.keySet());
            double[][] ms = new double[names.size()][iterations];
            for (int i = 0; i < iterations; i++) {
                for (int k = 0; k < names.size(); k++) {
                    long t = System.nanoTime();
                    works.get(names.get(k)).run();
                    ms[k][i] = (System.nanoTime() - t) / 1e6;
                }
            }
            List<Timing> timings = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                Arrays.sort(ms[k]);
                timings.add(new Timing(names.get(k), ms[k]));
            }
            return timings;
        }

        double median() {
            int n = ms.length;
            return n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
        }

        double max() {
            return ms[ms.length - 1];
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", name, median(), ms[0], max());
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
