package cn.gongkai.bench;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.bench.BenchQuery.Kind;
import cn.gongkai.catalog.CatalogEntry;
import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.catalog.SearchIndexSync;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.platform.EmbeddedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.FSDirectory;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalog search measured honestly: the whole application (demo profile, embedded PostgreSQL 17, Lucene index) in a
 * dedicated directory, on N generated entries ({@link CatalogDataGenerator}, plus the twenty hand-written
 * {@link PlantedEntries}) or, with {@code bench.demo=true}, on the demo content alone. Then:
 *
 * <ol>
 * <li>a fixed-seed mix of realistic searches ({@link QueryMix}: single words, two-character words, several words,
 * phrases, real document numbers, filters, words that find nothing, in fixed shares);</li>
 * <li>agreement, for every search of the mix: the JSON API and raw Lucene return the same total and first page, and
 * the portal's search page prints the API's count and lists its hits;</li>
 * <li>relevance: twenty hand-labelled searches and the entry expected first ({@link RelevanceSet}), through the API
 * and the search page;</li>
 * <li>load, interleaved ({@link InterleavedLoad}): the search page ({@code GET /portal/catalog?q=…}), the JSON API
 * ({@code GET /api/v1/catalog/search}), raw Lucene ({@link RawLucene}), item pages of random public entries, the
 * portal home, the catalog list without a query, and the two SQL baselines a CMS would use ({@link SqlSearch}: LIKE
 * on the application's database, the same statements with pg_trgm GIN indexes in {@link TrigramDatabase}); the same
 * clients, windows and measured time for each; p50/p95/p99/max and throughput, the ratios and their targets.</li>
 * </ol>
 *
 * <p>Not a test (surefire excludes {@code *Benchmark}): run
 * {@code ./mvnw -B -Psearch-bench test-compile exec:exec -Dbench.items=100000} (see docs/benchmarks.md). Settings are
 * system properties: {@code bench.items} (100000), {@code bench.demo} (false), {@code bench.dir}
 * (target/search-bench/{items}, or …/demo), {@code bench.reuse} (false: start from an empty directory; true: keep a
 * directory that already holds the data and its index), {@code bench.pages} (5, most pages of a body),
 * {@code bench.clients} (8), {@code bench.warmup} (30 s per phase), {@code bench.warmup-max} (600 s: the most
 * warm-up in all, while the JIT compilers are not yet quiet), {@code bench.window} (5 s),
 * {@code bench.seconds} (120 s measured per phase), {@code bench.queries} (400), {@code bench.baselines} (true: the
 * SQL LIKE and trigram phases), {@code bench.seed}, {@code bench.port} (0 = random), {@code bench.phases} (all;
 * or a comma-separated list of the phases to measure, e.g. {@code api,rawlucene} while profiling one of them; the phase
 * {@code rawlucenesearchsort}, raw Lucene with the sorts Hibernate Search builds, runs only when named). The report goes to
 * target/search-bench/report-{items}.md (report-demo.md).
 */
public final class CatalogSearchBenchmark {

    /** The targets of issue 12: the page against the API, the API against raw Lucene (throughput). */
    static final double PAGE_OF_API = 0.60;
    static final double API_OF_RAW = 0.70;

    record Settings(int items, boolean demo, Path dir, boolean reuse, int pages, int clients, Duration warmup,
            Duration window, Duration seconds, int port, int queries, boolean baselines, long seed,
            Set<String> phases, Duration warmupMax) {

        static Settings fromSystemProperties() {
            int items = Integer.getInteger("bench.items", 100_000);
            boolean demo = Boolean.getBoolean("bench.demo");
            String dir = System.getProperty("bench.dir", "");
            Path path = (dir.isBlank() ? Path.of("target/search-bench", demo ? "demo" : Integer.toString(items))
                    : Path.of(dir)).toAbsolutePath();
            return new Settings(items, demo, path, Boolean.getBoolean("bench.reuse"),
                    Integer.getInteger("bench.pages", 5), Integer.getInteger("bench.clients", 8),
                    Duration.ofSeconds(Integer.getInteger("bench.warmup", 30)),
                    Duration.ofSeconds(Integer.getInteger("bench.window", 5)),
                    Duration.ofSeconds(Integer.getInteger("bench.seconds", 120)), Integer.getInteger("bench.port", 0),
                    Integer.getInteger("bench.queries", 400),
                    Boolean.parseBoolean(System.getProperty("bench.baselines", "true")),
                    Long.getLong("bench.seed", CatalogDataGenerator.DEFAULT_SEED),
                    Arrays.stream(System.getProperty("bench.phases", "").split(",")).map(Settings::phaseKey)
                            .filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                    Duration.ofSeconds(Integer.getInteger("bench.warmup-max", 600)));
        }

        InterleavedLoad load(int clients) {
            return new InterleavedLoad(clients, warmup, window, seconds, warmupMax);
        }

        /** Whether the load measures this phase: all of them unless {@code bench.phases} names some. */
        boolean measures(String phase) {
            return phases.isEmpty() || phases.contains(phaseKey(phase));
        }

        /** A phase's name as {@code bench.phases} gives it: any case, without spaces ({@code rawlucene}). */
        static String phaseKey(String name) {
            return name.replace(" ", "").toLowerCase(Locale.ROOT);
        }

        String label() {
            return demo ? "demo" : Integer.toString(items);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.fromSystemProperties();
        BenchReport report = new BenchReport();
        Path out = s.dir().getParent().resolve("report-" + s.label() + ".md");
        if (!s.reuse()) {
            deleteRecursively(s.dir());
        }
        Files.createDirectories(s.dir());
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = start(s.dir(), s.port(), s.demo());
        try {
            new CatalogSearchBenchmark(s, app, report, seconds(t0)).run();
        } finally {
            report.write(out);
            System.out.println("\n(report written to " + out + ")");
            app.close();
        }
    }

    /**
     * The whole application (demo profile) on the benchmark's own database and index in {@code dir}; with
     * {@code demoContent} also the demo agency's content. Shared with {@link SearchCostProbe}.
     */
    static ConfigurableApplicationContext start(Path dir, int port, boolean demoContent) {
        return new SpringApplicationBuilder(GongkaiApplication.class).profiles("demo")
                .run("--gongkai.embedded-db.data-dir=" + dir.resolve("pg"),
                        "--gongkai.search.index-dir=" + dir.resolve("index"), "--server.port=" + port,
                        "--logging.file.name=" + dir.resolve("gongkai.log"), "--logging.level.root=WARN",
                        "--logging.level.org.hibernate.search.mapper.massindexing=INFO",
                        "--spring.main.banner-mode=off", "--gongkai.demo-content=" + demoContent,
                        "--gongkai.search.rate-per-minute=0");
    }

    /** The agency's departments, id by name, in their order. */
    static Map<String, Long> departments(JdbcTemplate jdbc, long agencyId) {
        Map<String, Long> departments = new LinkedHashMap<>();
        jdbc.query("select id, name from department where agency_id = ? order by sort_order, id",
                rs -> {
                    departments.put(rs.getString(2), rs.getLong(1));
                }, agencyId);
        return departments;
    }

    /** The rows of the agency's public catalog, for the SQL that reads the searches' material. */
    private static final String PUBLIC_ROWS = "from catalog_entry where agency_id = ? and state in ('PUBLISHED', "
            + "'REPEALED') and attribute = 'PROACTIVE'";

    /** The document numbers of the agency's public entries, for the mix's document-number searches. */
    static List<String> documentNumbers(JdbcTemplate jdbc, long agencyId) {
        return jdbc.queryForList("select distinct document_number " + PUBLIC_ROWS
                + " and document_number is not null order by 1", String.class, agencyId);
    }

    /** The mix's generator, keeping a search only when raw Lucene finds what its kind expects. */
    static QueryMix mix(RawLucene raw, long seed, int size) {
        return new QueryMix(seed, size, q -> {
            try {
                return raw.search(q).total();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private final Settings s;
    private final ConfigurableApplicationContext app;
    private final BenchReport report;
    private final double startSeconds;
    private final JdbcTemplate jdbc;
    private final EmbeddedDatabase pg;
    private final long agencyId;
    private final Map<String, Long> departments = new LinkedHashMap<>();
    private final int httpPort;
    /** Whether PostgreSQL used the trigram indexes for a single word (not on a table too small to bother). */
    private boolean trigramIndexUsed;
    /** Facts of the run for the report's first table. */
    private final List<List<String>> setup = new ArrayList<>();

    private CatalogSearchBenchmark(Settings s, ConfigurableApplicationContext app, BenchReport report,
            double startSeconds) {
        this.s = s;
        this.app = app;
        this.report = report;
        this.startSeconds = startSeconds;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.pg = app.getBean(EmbeddedDatabase.class);
        this.agencyId = app.getBean(OrgDirectory.class).portalAgency().orElseThrow().getId();
        this.httpPort = ((WebServerApplicationContext) app).getWebServer().getPort();
        departments.putAll(departments(jdbc, agencyId));
    }

    private void run() throws Exception {
        String loadAtStart = InterleavedLoad.loadAverage();
        fact("date", LocalDateTime.now().withNano(0).toString().replace('T', ' '));
        fact("commit", gitCommit());
        fact("machine", Runtime.getRuntime().availableProcessors() + " processors, JVM "
                + System.getProperty("java.vm.name") + " " + Runtime.version() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        fact("load average at the benchmark's start (1, 5, 15 min)", loadAtStart);
        fact("application", String.format(Locale.ROOT, "started in %.1f s on port %d, data in %s", startSeconds,
                httpPort, s.dir()));

        Path indexRoot = s.dir().resolve("index");
        Path indexDir = indexRoot.resolve("catalog");
        if (s.demo()) {
            fact("data", "the demo content (demo profile, gongkai.demo-content=true): "
                    + n(publicEntries()) + " public entries, no generated ones");
        } else {
            generate();
        }
        index(indexRoot, indexDir);

        int limit = app.getBean(CatalogSearch.class).exactCountLimit();
        fact("exact count", "hits counted exactly up to " + n(limit)
                + " (gongkai.search.exact-count-limit), in the API and in raw Lucene");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            RawLucene raw = new RawLucene(reader, agencyId, departments, limit);
            RawLucene rawExact = new RawLucene(reader, agencyId, departments, Integer.MAX_VALUE);
            List<BenchQuery> mix = queries(raw);
            PortalClient probe = new PortalClient(httpPort, departments);
            String home = homePath(probe);

            List<List<String>> baselineFacts = new ArrayList<>();
            SqlSearch like = null;
            SqlSearch trigram = null;
            if (s.baselines()) {
                like = new SqlSearch("like", pg.jdbcUrl(), pg.username(), pg.password(), s.clients(), agencyId,
                        departments);
                long t = System.nanoTime();
                TrigramDatabase.Setup trgm = TrigramDatabase.prepare(pg.dataDirectory(), pg.port(), pg.username(),
                        pg.password(), pg.jdbcUrlWithCredentials(), s.reuse());
                trgm.facts().forEach(f -> baselineFacts.add(List.of(f)));
                baselineFacts.add(List.of(String.format(Locale.ROOT, "trigram database ready in %.1f s", seconds(t))));
                trigram = new SqlSearch("trigram", trgm.jdbcUrl(), pg.username(), pg.password(), s.clients(),
                        agencyId, departments);
            }
            try {
                writeSetup(mix, home, baselineFacts);
                agreement(mix, probe, raw, rawExact, limit);
                relevance(probe);
                if (like != null) {
                    baselineAgreement(mix, probe, like, trigram);
                }
                load(mix, raw, like, trigram, home);
            } finally {
                if (like != null) {
                    like.close();
                }
                if (trigram != null) {
                    trigram.close();
                }
            }
        }
    }

    // --- data and index ------------------------------------------------------------------------------------------

    private void generate() throws Exception {
        long existing = count("select count(*) from catalog_entry");
        int planted;
        try (var c = java.sql.DriverManager.getConnection(pg.jdbcUrlWithCredentials())) {
            planted = PlantedEntries.present(c);
        }
        if (existing == 0) {
            CatalogDataGenerator.Result r = new CatalogDataGenerator(pg.jdbcUrlWithCredentials(), s.pages(),
                    CatalogDataGenerator.DEFAULT_SEED).generate(s.items());
            fact("insert (COPY)", r.toString());
        } else if (existing - planted == s.items() && s.reuse()) {
            fact("insert (COPY)", "reusing the " + n(existing - planted) + " generated entries already in " + s.dir());
        } else {
            throw new IllegalStateException(s.dir() + " holds " + existing + " catalog entries, not " + s.items()
                    + ": delete it or run without -Dbench.reuse=true");
        }
        int written = PlantedEntries.plant(pg.jdbcUrlWithCredentials());
        fact("planted entries", PlantedEntries.ALL.size() + " hand-written entries for the relevance set ("
                + (written > 0 ? "written now" : "already there") + ")");
        fact("data", n(s.items()) + " generated entries (body 1–" + s.pages() + " pages, seed "
                + CatalogDataGenerator.DEFAULT_SEED + ") + " + PlantedEntries.ALL.size() + " planted");
        fact("database size", jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('catalog_entry'))",
                String.class) + " (catalog_entry with TOAST and indexes)");
    }

    /**
     * The index as the application keeps it: rebuilt by the mass indexer (merging into one segment, as
     * SearchIndexSync.reindex does) when it is missing or far off, else repaired by the application's own check.
     * Then waits until background merges are done and commits, so that the API and raw Lucene (a reader on the last
     * commit) search the same segments and no merge runs during the measurements.
     */
    private void index(Path indexRoot, Path indexDir) throws Exception {
        SearchIndexSync sync = app.getBean(SearchIndexSync.class);
        sync.drain();
        long rows = count("select count(*) from catalog_entry");
        int indexed = indexedDocuments(indexDir);
        if (indexed < 0 || Math.abs(rows - indexed) > PlantedEntries.ALL.size()) {
            long t = System.nanoTime();
            Search.mapping(app.getBean(EntityManagerFactory.class)).scope(CatalogEntry.class).massIndexer()
                    .threadsToLoadObjects(2).mergeSegmentsOnFinish(true).startAndWait();
            double took = seconds(t);
            fact("indexing (mass indexer)", String.format(Locale.ROOT, "%,d entries in %.1f s: %,.0f items/s", rows,
                    took, rows / took));
        } else if (indexed != rows) {
            SearchIndexSync.Report r = sync.check();
            fact("indexing", "the application's index check added " + r.added() + ", removed " + r.removed()
                    + " (index of " + n(indexed) + " documents reused)");
        } else if (s.demo()) {
            fact("indexing", "the application's own index, written as it published the demo content (" + n(indexed)
                    + " documents)");
        } else {
            fact("indexing", "reusing the index of " + n(indexed) + " documents");
        }
        long t = System.nanoTime();
        awaitQuiet(indexRoot);
        var workspace = Search.mapping(app.getBean(EntityManagerFactory.class)).scope(CatalogEntry.class).workspace();
        workspace.flush();
        workspace.refresh();
        fact("index settled", String.format(Locale.ROOT, "merges done and committed %.0f s after indexing",
                seconds(t)));
        long bytes = size(indexRoot);
        fact("index size", String.format(Locale.ROOT, "%,d bytes (%.2f GiB), %.1f KiB per entry, %d segments", bytes,
                bytes / (double) (1L << 30), bytes / 1024.0 / Math.max(1, rows), segments(indexDir)));
    }

    private long publicEntries() {
        return jdbc.queryForObject("select count(*) from catalog_entry where agency_id = ? and state in "
                + "('PUBLISHED', 'REPEALED') and attribute = 'PROACTIVE'", Long.class, agencyId);
    }

    // --- queries -------------------------------------------------------------------------------------------------

    private List<BenchQuery> queries(RawLucene raw) {
        QueryMix mix = mix(raw, s.seed(), s.queries());
        List<String> numbers = documentNumbers(jdbc, agencyId);
        if (!s.demo()) {
            return mix.generated(numbers, List.copyOf(departments.keySet()));
        }
        return mix.demo(jdbc.queryForList("select title " + PUBLIC_ROWS + " order by id", String.class, agencyId),
                numbers, jdbc.queryForList("select distinct topic " + PUBLIC_ROWS + " order by 1", String.class,
                        agencyId),
                jdbc.queryForList("select distinct department_name " + PUBLIC_ROWS + " order by 1", String.class,
                        agencyId),
                jdbc.queryForList("select distinct published_year " + PUBLIC_ROWS + " order by 1", Integer.class,
                        agencyId));
    }

    /** The portal's home: {@code /portal} if it answers, else {@code /} (where PortalController serves it). */
    private static String homePath(PortalClient probe) throws Exception {
        return probe.get("/portal").status() == 200 ? "/portal" : "/";
    }

    private void writeSetup(List<BenchQuery> mix, String home, List<List<String>> baselineFacts) {
        InterleavedLoad load = s.load(s.clients());
        fact("measurement", String.format(Locale.ROOT, "%d clients in every phase; warm-up %d s per phase, then rounds "
                + "of one %d s window per phase until the JIT compilers take at most %.0f %% of the CPU in a round "
                + "(at most %d s of warm-up in all), then %d rounds of one %d s window per phase (round-robin, each "
                + "round starting one phase later): %d s per phase; requests still running at a window's end are "
                + "waited for and counted", s.clients(), s.warmup().toSeconds(), s.window().toSeconds(),
                100 * InterleavedLoad.QUIET_JIT, s.warmupMax().toSeconds(), load.rounds(), s.window().toSeconds(),
                load.rounds() * s.window().toSeconds()));
        fact("queries", String.format(Locale.ROOT, "%d searches (%d distinct), drawn with seed %d; every client "
                + "walks them in its own shuffled order, the same order in every phase", mix.size(),
                new HashSet<>(mix).size(), s.seed()));
        fact("pages", "search page GET /portal/catalog?q=…, JSON API GET /api/v1/catalog/search?q=…&size=20, item page "
                + "GET /portal/catalog/{index number}, home GET " + home
                + (home.equals("/") ? " (GET /portal answers 404)" : "") + ", list GET /portal/catalog");
        report.line("# Catalog search benchmark, " + (s.demo() ? "demo data" : n(s.items()) + " generated entries"));
        report.heading("## Run");
        report.table(List.of("setting", "value"), setup, "ll");
        if (!baselineFacts.isEmpty()) {
            report.heading("## SQL baselines: set-up");
            report.table(List.of("fact"), baselineFacts, "l");
        }
        report.heading("## Queries");
        List<List<String>> rows = new ArrayList<>();
        for (Kind k : Kind.values()) {
            List<BenchQuery> of = mix.stream().filter(q -> q.kind() == k).toList();
            rows.add(List.of(k.label, k.percent + " %", n(of.size()), n(new HashSet<>(of).size()),
                    of.stream().distinct().limit(4).map(q -> "`" + q + "`").collect(Collectors.joining(", "))));
        }
        report.table(List.of("kind", "share", "searches", "distinct", "examples"), rows, "lrrrl");
    }

    // --- agreement -----------------------------------------------------------------------------------------------

    private void agreement(List<BenchQuery> mix, PortalClient client, RawLucene raw, RawLucene rawExact, int limit)
            throws Exception {
        report.heading("## Agreement: API, raw Lucene and the search page, every distinct search");
        Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
        Map<Kind, List<Long>> hits = new EnumMap<>(Kind.class);
        List<String> problems = new ArrayList<>();
        for (BenchQuery q : new LinkedHashSet<>(mix)) {
            PortalClient.ApiPage a = client.api(q);
            RawLucene.Page r = raw.search(q);
            RawLucene.Page e = rawExact.search(q);
            PortalClient.SearchPage p = client.page(q);
            List<String> rawNumbers = indexNumbers(r.ids());
            boolean totals = a.exact() == r.exact() && (a.exact() ? a.total() == r.total() && a.total() == e.total()
                    : a.total() >= limit && r.total() >= limit && a.total() <= e.total());
            boolean samePage = a.indexNumbers().equals(rawNumbers);
            boolean sameEntries = new HashSet<>(a.indexNumbers()).equals(new HashSet<>(rawNumbers));
            boolean pageCount = p.total() == a.total() && p.exact() == a.exact()
                    && p.hits() == a.indexNumbers().size();
            boolean pageHits = p.indexNumbers().equals(a.indexNumbers());
            boolean asExact = r.ids().equals(e.ids());
            int[] c = byKind.computeIfAbsent(q.kind(), k -> new int[8]);
            c[0]++;
            c[1] += e.total() > 0 ? 1 : 0;
            c[2] += totals ? 1 : 0;
            c[3] += samePage ? 1 : 0;
            c[4] += sameEntries ? 1 : 0;
            c[5] += pageCount ? 1 : 0;
            c[6] += pageHits ? 1 : 0;
            c[7] += (a.timedOut() ? 1 : 0);
            hits.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(e.total());
            if (!totals || !sameEntries || !pageCount || !pageHits || !asExact) {
                problems.add(String.format(Locale.ROOT, "`%s`: API %s%s, raw Lucene %s%s, every hit %,d, page %s%s "
                        + "with %d hits%s%s%s%s", q, n(a.total()), a.exact() ? "" : "+", n(r.total()),
                        r.exact() ? "" : "+", e.total(), n(p.total()), p.exact() ? "" : "+", p.hits(),
                        totals ? "" : "; totals differ", sameEntries ? "" : "; first page differs",
                        pageCount && pageHits ? "" : "; page differs from the API",
                        asExact ? "" : "; first page differs from counting every hit"));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        int[] sum = new int[8];
        for (Map.Entry<Kind, int[]> k : byKind.entrySet()) {
            int[] c = k.getValue();
            List<Long> h = hits.get(k.getKey());
            Collections.sort(h);
            rows.add(List.of(k.getKey().label, n(c[0]), n(c[1]), n(h.get(h.size() / 2)), n(h.getLast()), n(c[2]),
                    n(c[3]), n(c[4]), n(c[5]), n(c[6]), n(c[7])));
            for (int i = 0; i < sum.length; i++) {
                sum[i] += c[i];
            }
        }
        rows.add(List.of("**all**", n(sum[0]), n(sum[1]), "", "", n(sum[2]), n(sum[3]), n(sum[4]), n(sum[5]),
                n(sum[6]), n(sum[7])));
        report.table(List.of("kind", "distinct searches", "with hits", "hits, median", "hits, most",
                "API total = raw Lucene", "same first page, same order", "same first page, any order",
                "page count and hits = API", "page lists the API's first page", "API timed out"), rows,
                "lrrrrrrrrrr");
        report.line("");
        report.line("Hits are counted by raw Lucene counting every hit. A total beyond " + n(limit)
                + " is a lower bound in both (\"+\"), and agrees when both say so.");
        if (problems.isEmpty()) {
            report.line("All " + sum[0] + " distinct searches agree: the same total and the same first page in the "
                    + "same order through the API and raw Lucene (also when every hit is counted), and the page "
                    + "prints the API's count and lists its first page.");
        } else {
            report.line(problems.size() + " of " + sum[0] + " distinct searches differ somewhere (a first page in "
                    + "another order is the order of equal scores):");
            report.line("");
            problems.stream().limit(40).forEach(p -> report.line("- " + p));
        }
    }

    // --- relevance -----------------------------------------------------------------------------------------------

    private void relevance(PortalClient client) throws Exception {
        List<RelevanceSet.Labelled> set = s.demo() ? RelevanceSet.demo() : RelevanceSet.generated();
        report.heading("## Relevance: " + set.size() + " hand-labelled searches"
                + (s.demo() ? " for demo entries (a part of the title, either of an entry published twice)"
                        : " for the planted entries (by exact title)"));
        List<List<String>> rows = new ArrayList<>();
        int[] first = new int[2];
        int[] top3 = new int[2];
        for (int i = 0; i < set.size(); i++) {
            RelevanceSet.Labelled l = set.get(i);
            List<String> expected = l.exactTitle()
                    ? jdbc.queryForList("select index_number from catalog_entry where agency_id = ? and title = ?",
                            String.class, agencyId, l.expected())
                    : jdbc.queryForList("select index_number from catalog_entry where agency_id = ? and state in "
                            + "('PUBLISHED', 'REPEALED') and attribute = 'PROACTIVE' and strpos(title, ?) > 0",
                            String.class, agencyId, l.expected());
            if (expected.isEmpty()) {
                throw new IllegalStateException("no entry titled " + l.expected());
            }
            BenchQuery q = BenchQuery.of(Kind.WORD, l.query());
            PortalClient.ApiPage a = client.api(q);
            PortalClient.SearchPage p = client.page(q);
            int apiRank = rank(a.indexNumbers(), expected);
            int pageRank = rank(p.indexNumbers(), expected);
            first[0] += apiRank == 1 ? 1 : 0;
            first[1] += pageRank == 1 ? 1 : 0;
            top3[0] += apiRank >= 1 && apiRank <= 3 ? 1 : 0;
            top3[1] += pageRank >= 1 && pageRank <= 3 ? 1 : 0;
            String firstTitle = a.indexNumbers().isEmpty() ? "—" : titleOf(a.indexNumbers().getFirst());
            rows.add(List.of(Integer.toString(i + 1), "`" + l.query() + "`", l.expected()
                    + (expected.size() > 1 ? " (" + expected.size() + " entries)" : ""),
                    n(a.total()) + (a.exact() ? "" : "+"), rankLabel(apiRank), rankLabel(pageRank),
                    apiRank == 1 ? "" : firstTitle));
        }
        report.table(List.of("#", "search", "expected first", "hits", "API rank", "page rank",
                "first hit when not the expected"), rows, "rllrrrl");
        report.line("");
        report.line("Expected entry first: API %d of %d, page %d of %d. In the top 3: API %d of %d, page %d of %d.",
                first[0], set.size(), first[1], set.size(), top3[0], set.size(), top3[1], set.size());
    }

    private static int rank(List<String> numbers, List<String> expected) {
        for (int i = 0; i < numbers.size(); i++) {
            if (expected.contains(numbers.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String rankLabel(int rank) {
        return rank == 0 ? "not in the first 20" : Integer.toString(rank);
    }

    private String titleOf(String indexNumber) {
        return jdbc.queryForObject("select title from catalog_entry where agency_id = ? and index_number = ?",
                String.class, agencyId, indexNumber);
    }

    // --- SQL baselines -------------------------------------------------------------------------------------------

    /** LIKE and trigram run the same statements: on a sample of the searches they must find the same. */
    private void baselineAgreement(List<BenchQuery> mix, PortalClient client, SqlSearch like, SqlSearch trigram)
            throws Exception {
        report.heading("## SQL baselines: what they find (one search of each kind)");
        List<List<String>> rows = new ArrayList<>();
        Map<Kind, BenchQuery> sample = new EnumMap<>(Kind.class);
        for (BenchQuery q : mix) {
            sample.putIfAbsent(q.kind(), q);
        }
        for (BenchQuery q : sample.values()) {
            long t = System.nanoTime();
            SqlSearch.Page l = like.search(q);
            double likeMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            SqlSearch.Page g = trigram.search(q);
            double trigramMs = (System.nanoTime() - t) / 1e6;
            if (l.total() != g.total() || !l.indexNumbers().equals(g.indexNumbers())) {
                throw new IllegalStateException("LIKE and trigram differ on " + q + ": " + l + " vs " + g);
            }
            PortalClient.ApiPage a = client.api(q);
            rows.add(List.of(q.kind().label, "`" + q + "`", n(a.total()) + (a.exact() ? "" : "+"), n(l.total()),
                    BenchReport.ms(likeMs), BenchReport.ms(trigramMs)));
        }
        report.table(List.of("kind", "search", "API hits", "LIKE = trigram hits", "LIKE ms (1 client, cold)",
                "trigram ms (1 client, cold)"), rows, "llrrrr");
        report.line("");
        report.line("LIKE and trigram return the same total and first page (the same statements on the same rows). "
                + "They differ from the search engine by design: a pattern matches characters anywhere (a word inside "
                + "another word too) and the list is sorted by date, not relevance.");
        // A trigram index needs three characters: what PostgreSQL plans for a two-character word and a longer one.
        for (Kind k : List.of(Kind.TWO_CHARACTERS, Kind.WORD)) {
            BenchQuery q = sample.get(k);
            if (q == null) {
                continue;
            }
            List<String> plan = trigram.plan(q);
            boolean usesIndex = plan.stream().anyMatch(l -> l.contains("_trgm"));
            trigramIndexUsed |= k == Kind.WORD && usesIndex;
            report.line("");
            report.line("Plan of the trigram count for `%s` (%s): %s", q.text(), k.label,
                    usesIndex ? "uses the trigram indexes" : "does not use the trigram indexes");
            report.line("");
            report.line("```");
            plan.forEach(report::line);
            report.line("```");
        }
    }

    // --- load ----------------------------------------------------------------------------------------------------

    private void load(List<BenchQuery> mix, RawLucene raw, SqlSearch like, SqlSearch trigram, String home)
            throws Exception {
        int clients = s.clients();
        List<List<BenchQuery>> sequences = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<BenchQuery> order = new ArrayList<>(mix);
            Collections.shuffle(order, new Random(s.seed() + 1000 + c));
            sequences.add(order);
        }
        List<String> items = itemSample(1_000);
        List<List<String>> itemOrders = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> order = new ArrayList<>(items);
            Collections.shuffle(order, new Random(s.seed() + 2000 + c));
            itemOrders.add(order);
        }
        PortalClient[] http = new PortalClient[clients];
        for (int c = 0; c < clients; c++) {
            http[c] = new PortalClient(httpPort, departments);
        }
        List<String> kinds = Arrays.stream(Kind.values()).map(k -> k.label).toList();
        List<String> one = List.of("all");
        long listed = Math.min(RawLucene.PAGE_SIZE, publicEntries());

        List<InterleavedLoad.Phase> phases = new ArrayList<>();
        phases.add(new InterleavedLoad.Phase("page", kinds, clients, (c, i) -> {
            BenchQuery q = sequences.get(c).get(i % mix.size());
            PortalClient.SearchPage p = http[c].page(q);
            if (p.hits() != (p.exact() ? Math.min(p.total(), RawLucene.PAGE_SIZE) : RawLucene.PAGE_SIZE)) {
                throw new IllegalStateException(q + ": the page lists " + p.hits() + " hits of " + p.total());
            }
            return q.kind().ordinal();
        }));
        phases.add(new InterleavedLoad.Phase("API", kinds, clients, (c, i) -> {
            BenchQuery q = sequences.get(c).get(i % mix.size());
            if (http[c].api(q).timedOut()) {
                // No items past gongkai.search.time-limit: an error, as the page's is.
                throw new IllegalStateException(q + ": the search ran out of time (gongkai.search.time-limit)");
            }
            return q.kind().ordinal();
        }));
        // The API's search service called in process: what the HTTP request adds is the API's time beyond it.
        CatalogSearch service = app.getBean(CatalogSearch.class);
        phases.add(new InterleavedLoad.Phase("service", kinds, clients, (c, i) -> {
            BenchQuery q = sequences.get(c).get(i % mix.size());
            service.searchWithoutHighlights(new CatalogQuery(agencyId, q.text(), q.topic(),
                    q.department() == null ? null : departments.get(q.department()), null, q.year(), 0,
                    RawLucene.PAGE_SIZE, null));
            return q.kind().ordinal();
        }));
        phases.add(new InterleavedLoad.Phase("raw Lucene", kinds, clients, (c, i) -> {
            BenchQuery q = sequences.get(c).get(i % mix.size());
            raw.search(q);
            return q.kind().ordinal();
        }));
        if (s.phases().contains(Settings.phaseKey(SEARCH_SORT_PHASE))) {
            // Only when named in bench.phases: raw Lucene with the sorts Hibernate Search builds for the service, to
            // tell whether they are what the service loses to raw Lucene (docs/benchmarks.md).
            RawLucene searchSorted = new RawLucene((DirectoryReader) raw.searcher.getIndexReader(), agencyId,
                    departments, raw.threshold, searchSort(false), searchSort(true));
            phases.add(new InterleavedLoad.Phase(SEARCH_SORT_PHASE, kinds, clients, (c, i) -> {
                BenchQuery q = sequences.get(c).get(i % mix.size());
                searchSorted.search(q);
                return q.kind().ordinal();
            }));
        }
        if (s.phases().contains(Settings.phaseKey(RAW_FIELDS_PHASE))) {
            // Only when named in bench.phases: raw Lucene reading the stored fields the API answers with, to tell
            // what Lucene itself costs for them from what the application adds (docs/benchmarks.md).
            phases.add(new InterleavedLoad.Phase(RAW_FIELDS_PHASE, kinds, clients, (c, i) -> {
                BenchQuery q = sequences.get(c).get(i % mix.size());
                raw.searchWithFields(q);
                return q.kind().ordinal();
            }));
        }
        phases.add(new InterleavedLoad.Phase("item page", one, clients, (c, i) -> {
            String number = itemOrders.get(c).get(i % items.size());
            PortalClient.Answer a = http[c].get("/portal/catalog/" + number);
            if (a.status() != 200 || !a.body().contains(number)) {
                throw new IllegalStateException("item " + number + ": HTTP " + a.status());
            }
            return 0;
        }));
        phases.add(new InterleavedLoad.Phase("home", one, clients, (c, i) -> {
            PortalClient.Answer a = http[c].get(home);
            if (a.status() != 200) {
                throw new IllegalStateException("home: HTTP " + a.status());
            }
            return 0;
        }));
        phases.add(new InterleavedLoad.Phase("list", one, clients, (c, i) -> {
            PortalClient.Answer a = http[c].get("/portal/catalog");
            if (a.status() != 200 || PortalClient.searchPage(a.body(), "list").hits() != listed) {
                throw new IllegalStateException("list: HTTP " + a.status());
            }
            return 0;
        }));
        if (like != null) {
            phases.add(new InterleavedLoad.Phase("SQL LIKE", kinds, clients, (c, i) -> {
                BenchQuery q = sequences.get(c).get(i % mix.size());
                like.search(q);
                return q.kind().ordinal();
            }));
            phases.add(new InterleavedLoad.Phase("SQL trigram", kinds, clients, (c, i) -> {
                BenchQuery q = sequences.get(c).get(i % mix.size());
                trigram.search(q);
                return q.kind().ordinal();
            }));
        }
        phases.removeIf(p -> !s.measures(p.name));
        // Each phase answers once before the clock starts: a phase that cannot work fails here, not in the report.
        for (InterleavedLoad.Phase p : phases) {
            p.request.run(0, 0);
        }
        InterleavedLoad.Load loadAverage = s.load(clients).run(phases);
        Map<String, InterleavedLoad.Stats> stats = new LinkedHashMap<>();
        for (InterleavedLoad.Phase p : phases) {
            stats.put(p.name, p.stats());
        }
        loadReport(stats, loadAverage, home);
    }

    private static final String SEARCH_SORT_PHASE = "raw Lucene search sort";
    private static final String RAW_FIELDS_PHASE = "raw Lucene with fields";

    /** The Lucene sort Hibernate Search builds for the catalog's search: by date, or by relevance then date. */
    private Sort searchSort(boolean byDate) {
        try (EntityManager em = app.getBean(EntityManagerFactory.class).createEntityManager()) {
            return Search.session(em).search(CatalogEntry.class).extension(LuceneExtension.get())
                    .where(f -> f.matchAll())
                    .sort(f -> byDate ? f.field("publishedAt").desc() : f.score().then().field("publishedAt").desc())
                    .toQuery().luceneSort();
        }
    }

    private List<String> itemSample(int n) {
        List<String> all = jdbc.queryForList("select index_number from catalog_entry where agency_id = ? and state in "
                + "('PUBLISHED', 'REPEALED') and attribute = 'PROACTIVE' order by index_number", String.class,
                agencyId);
        List<String> sample = new ArrayList<>(all);
        Collections.shuffle(sample, new Random(s.seed()));
        return List.copyOf(sample.subList(0, Math.min(n, sample.size())));
    }

    private void loadReport(Map<String, InterleavedLoad.Stats> stats, InterleavedLoad.Load load, String home) {
        report.heading("## Load: " + s.clients() + " clients per phase, interleaved windows of "
                + s.window().toSeconds() + " s");
        report.line("Warm-up: %.0f s in all, %d %s of one window per phase after the first windows; the JIT "
                + "compilers took %s of the CPU in the last round%s.", load.warmupSeconds(), load.warmupRounds(),
                load.warmupRounds() == 1 ? "round" : "rounds", load.lastWarmupJitShare() < 0 ? "(not known)"
                        : String.format(Locale.ROOT, "%.1f %%", 100 * load.lastWarmupJitShare()),
                load.jitQuiet() ? "" : " (not yet quiet: the warm-up reached bench.warmup-max)");
        report.line("");
        report.line("Load average at the start of the measurement %s, at its end %s; 1-minute load average at the "
                + "windows' starts %.2f–%.2f.", load.atStart(), load.atEnd(), load.lowest(), load.highest());
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> what = Map.of("page", "GET /portal/catalog?q=…", "API", "GET /api/v1/catalog/search?q=…",
                "raw Lucene", "the API's query on the index, in process", RAW_FIELDS_PHASE,
                "the same, then the API's stored fields of the page's hits", "service",
                "the API's search service (`CatalogSearch`), in process", "item page", "GET /portal/catalog/{index "
                        + "number}", "home", "GET " + home, "list", "GET /portal/catalog", "SQL LIKE",
                "`like '%w%'` + `count(*)`", "SQL trigram", "the same with pg_trgm GIN indexes");
        for (InterleavedLoad.Stats st : stats.values()) {
            rows.add(List.of(st.name(), what.getOrDefault(st.name(), ""), n(st.requests()),
                    String.format(Locale.ROOT, "%.1f", st.seconds()), String.format(Locale.ROOT, "%,.1f",
                            st.throughput()), BenchReport.ms(st.percentile(50)), BenchReport.ms(st.percentile(95)),
                    BenchReport.ms(st.percentile(99)), BenchReport.ms(st.max()), n(st.errors()),
                    String.format(Locale.ROOT, "%.1f", st.jitSeconds()), cpuMs(st.cpuMillisPerRequest()),
                    cpuMs(st.clientCpuMillisPerRequest())));
        }
        report.table(List.of("phase", "request", "requests", "measured s", "throughput req/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "errors", "JIT s", "CPU ms/req", "of it clients"), rows, "llrrrrrrrrrrr");
        report.line("");
        report.line("JIT s: the JIT compilers' time in the phase's measured windows (of %d processors × its measured "
                + "seconds). CPU ms/req: the benchmark's process (application, clients, JIT, GC) in the phase's "
                + "measured windows, per request; of it clients: the client threads' own CPU time, which for an HTTP "
                + "phase is the client's work (sending, reading, checking the answer) and for an in-process phase "
                + "the search itself.", Runtime.getRuntime().availableProcessors());
        for (InterleavedLoad.Stats st : stats.values()) {
            if (st.errors() > 0) {
                report.line("");
                report.line("%s: %s errors, the first: %s", st.name(), n(st.errors()), st.firstError());
            }
        }

        report.heading("### Ratios and targets");
        List<List<String>> ratios = new ArrayList<>();
        ratio(ratios, stats, "page", "API", PAGE_OF_API);
        ratio(ratios, stats, "API", "raw Lucene", API_OF_RAW);
        ratio(ratios, stats, "API", "service", 0);
        ratio(ratios, stats, "service", "raw Lucene", 0);
        ratio(ratios, stats, "API", RAW_FIELDS_PHASE, 0);
        ratio(ratios, stats, RAW_FIELDS_PHASE, "raw Lucene", 0);
        if (stats.containsKey("SQL LIKE")) {
            ratio(ratios, stats, "API", "SQL LIKE", 0);
            ratio(ratios, stats, "API", "SQL trigram", 0);
        }
        report.table(List.of("throughput", "ratio", "target", "result"), ratios, "lrrl");

        report.heading("### Median latency by kind of search (ms)");
        List<String> searchPhases = stats.values().stream().filter(st -> st.kinds().size() > 1)
                .map(InterleavedLoad.Stats::name).toList();
        List<String> header = new ArrayList<>(List.of("kind"));
        searchPhases.forEach(p -> header.add(p + " p50 (p95)"));
        List<List<String>> kindRows = new ArrayList<>();
        for (Kind k : Kind.values()) {
            List<String> row = new ArrayList<>(List.of(k.label));
            for (String p : searchPhases) {
                long[] l = stats.get(p).byKind().get(k.ordinal());
                row.add(BenchReport.ms(InterleavedLoad.Stats.percentile(l, 50)) + " ("
                        + BenchReport.ms(InterleavedLoad.Stats.percentile(l, 95)) + ")");
            }
            kindRows.add(row);
        }
        report.table(header, kindRows, "l" + "r".repeat(searchPhases.size()));
        if (stats.containsKey("SQL trigram")) {
            report.line("");
            report.line("A trigram index cannot serve a word of two characters: `like '%公路%'` gives pg_trgm no "
                    + "trigram to look up, so such a search reads every row (see the plan above), as LIKE does; the "
                    + "searches by filters alone have no pattern at all."
                    + (trigramIndexUsed ? "" : " Here the table is so small that PostgreSQL reads every row for every "
                            + "search, index or not: the two SQL phases measure the same plan."));
        }
    }

    private static String cpuMs(double ms) {
        return ms < 0 ? "—" : String.format(Locale.ROOT, "%.2f", ms);
    }

    private void ratio(List<List<String>> rows, Map<String, InterleavedLoad.Stats> stats, String a, String b,
            double target) {
        if (!stats.containsKey(a) || !stats.containsKey(b)) {
            return;
        }
        double r = stats.get(a).throughput() / stats.get(b).throughput();
        String value = r >= 10 ? String.format(Locale.ROOT, "%.0f×", r)
                : r >= 2 ? String.format(Locale.ROOT, "%.1f×", r) : BenchReport.percent(r);
        rows.add(List.of(a + " / " + b, value, target > 0 ? "≥ " + BenchReport.percent(target).replace(".0", "") : "—",
                target > 0 ? (r >= target ? "met" : "NOT met") : ""));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void fact(String name, String value) {
        setup.add(List.of(name, value));
        System.out.println(name + ": " + value);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private List<String> indexNumbers(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> byId = new HashMap<>();
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.query("select id, index_number from catalog_entry where id in (" + in + ")", rs -> {
            byId.put(rs.getLong(1), rs.getString(2));
        });
        return ids.stream().map(byId::get).toList();
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(p.getInputStream().readAllBytes()).strip();
            Process d = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(d.getInputStream().readAllBytes()).isBlank();
            return p.waitFor() == 0 ? head + (dirty ? " (with uncommitted changes)" : "") : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String n(long v) {
        return BenchReport.n(v);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int indexedDocuments(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return -1;
        }
        try (FSDirectory d = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(d)) {
                return -1;
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                return r.numDocs();
            }
        }
    }

    private static int segments(Path indexDir) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(indexDir))) {
            return r.leaves().size();
        }
    }

    /** Waits until the files of the directory (names and sizes) stay the same for 15 s, at most 30 minutes. */
    static void awaitQuiet(Path dir) throws IOException, InterruptedException {
        String last = "";
        int quiet = 0;
        long start = System.nanoTime();
        while (quiet < 3 && seconds(start) < 1800) {
            String now;
            try (Stream<Path> files = Files.walk(dir)) {
                now = files.filter(Files::isRegularFile).sorted().map(p -> {
                    try {
                        return p.getFileName() + ":" + Files.size(p);
                    } catch (IOException e) {
                        return p.getFileName() + ":gone";
                    }
                }).collect(Collectors.joining(","));
            }
            quiet = now.equals(last) ? quiet + 1 : 0;
            last = now;
            Thread.sleep(5_000);
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
