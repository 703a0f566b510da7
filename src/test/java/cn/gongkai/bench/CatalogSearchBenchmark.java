package cn.gongkai.bench;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.catalog.CatalogEntry;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.platform.EmbeddedDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalog search at scale: the whole application (demo profile, embedded PostgreSQL 17, Lucene index) in a dedicated
 * data directory, N generated entries ({@link CatalogDataGenerator}), the index built by the mass indexer, then 8
 * concurrent HTTP clients against {@code GET /api/v1/catalog/search} and, as the physical limit, the equivalent raw
 * Lucene query on the same index directory with 8 threads. Reports bulk import speed (insert and indexing
 * separately), index size, p50/p95/p99 latency and throughput. Targets (issue "Scale and speed"): p95 ≤ 100 ms at
 * 1,000,000 items; API throughput ≥ 50 % of raw Lucene's.
 *
 * <p>Not a test (surefire excludes {@code *Benchmark}): run
 * {@code ./mvnw -B -Psearch-bench test-compile exec:exec -Dbench.items=100000} (see docs/benchmarks.md). Settings are
 * system properties: {@code bench.items} (100000), {@code bench.dir} (target/search-bench/{items}),
 * {@code bench.reuse} (false: start from an empty directory; true: keep a directory that already holds the N
 * entries and their index), {@code bench.pages} (5, most pages of a body), {@code bench.clients} (8),
 * {@code bench.warmup} (30 s), {@code bench.requests} (20000) and {@code bench.seconds} (120) bound each measurement,
 * {@code bench.port} (0 = random).
 */
public final class CatalogSearchBenchmark {

    static final int PAGE_SIZE = 20;

    /** One search as the portal's visitors would type it; blank text browses by date. */
    record BenchQuery(String text, String topic, String department, Integer year) {

        static BenchQuery q(String text) {
            return new BenchQuery(text, null, null, null);
        }

        BenchQuery topic(String t) {
            return new BenchQuery(text, t, department, year);
        }

        BenchQuery department(String d) {
            return new BenchQuery(text, topic, d, year);
        }

        BenchQuery year(int y) {
            return new BenchQuery(text, topic, department, y);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("q=").append(text);
            if (topic != null) {
                s.append(" topic=").append(topic);
            }
            if (department != null) {
                s.append(" department=").append(department);
            }
            if (year != null) {
                s.append(" year=").append(year);
            }
            return s.toString();
        }
    }

    /** Words of the generator's vocabulary, one word or two, some with the portal's filters. */
    static final List<BenchQuery> QUERIES = List.of(
            BenchQuery.q("交通运输"),
            BenchQuery.q("农村公路"),
            BenchQuery.q("安全生产"),
            BenchQuery.q("春运"),
            BenchQuery.q("超限超载"),
            BenchQuery.q("危险货物"),
            BenchQuery.q("网络预约出租汽车"),
            BenchQuery.q("坑槽病害"),
            BenchQuery.q("充电基础设施"),
            BenchQuery.q("冷链物流"),
            BenchQuery.q("城乡客运一体化"),
            BenchQuery.q("桥梁 检测"),
            BenchQuery.q("行政处罚"),
            BenchQuery.q("信用评价"),
            BenchQuery.q("实施意见"),
            BenchQuery.q("两客一危"),
            BenchQuery.q("除雪防滑"),
            BenchQuery.q("G205国道"),
            BenchQuery.q("滨江新区 公交"),
            BenchQuery.q("政府信息公开工作年度报告"),
            BenchQuery.q("示交发〔2024〕15号"),
            BenchQuery.q("管理办法").topic("工业、交通"),
            BenchQuery.q("养护").year(2024),
            BenchQuery.q("应急").department("运输管理科"),
            BenchQuery.q("智慧交通").topic("工业、交通").year(2025),
            BenchQuery.q("营商环境").topic("综合政务"),
            BenchQuery.q("").topic("工业、交通"),
            BenchQuery.q("").department("公路建设科").year(2023));

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("bench.items", 100_000);
        Path dir = Path.of(System.getProperty("bench.dir", "target/search-bench/" + items)).toAbsolutePath();
        boolean reuse = Boolean.getBoolean("bench.reuse");
        int pages = Integer.getInteger("bench.pages", 5);
        int clients = Integer.getInteger("bench.clients", 8);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 30));
        int maxRequests = Integer.getInteger("bench.requests", 20_000);
        Duration maxTime = Duration.ofSeconds(Integer.getInteger("bench.seconds", 120));
        int port = Integer.getInteger("bench.port", 0);

        Report report = new Report();
        report.line("Catalog search benchmark, " + LocalDateTime.now().withNano(0));
        report.line(String.format(Locale.ROOT, "N=%,d, body 1–%d pages, %d clients, warm-up %d s, measurement ≤ %,d "
                + "requests or ≤ %d s, data in %s", items, pages, clients, warmup.toSeconds(), maxRequests,
                maxTime.toSeconds(), dir));
        report.line("machine: " + Runtime.getRuntime().availableProcessors() + " processors, JVM "
                + System.getProperty("java.vm.name") + " " + Runtime.version() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        if (!reuse) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        Path indexRoot = dir.resolve("index");

        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class).profiles("demo")
                .run("--gongkai.embedded-db.data-dir=" + dir.resolve("pg"),
                        "--gongkai.search.index-dir=" + indexRoot, "--server.port=" + port,
                        "--logging.file.name=" + dir.resolve("gongkai.log"), "--logging.level.root=WARN",
                        "--logging.level.org.hibernate.search.mapper.massindexing=INFO",
                        "--spring.main.banner-mode=off", "--gongkai.demo-content=false",
                        "--gongkai.search.rate-per-minute=0");
        try {
            int httpPort = ((WebServerApplicationContext) app).getWebServer().getPort();
            report.line(String.format(Locale.ROOT, "application started in %.1f s on port %d", seconds(t0), httpPort));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String jdbcUrl = app.getBean(EmbeddedDatabase.class).jdbcUrlWithCredentials();

            // 1. Bulk insert.
            long existing = count(jdbc);
            if (existing == 0) {
                CatalogDataGenerator.Result r = new CatalogDataGenerator(jdbcUrl, pages, CatalogDataGenerator.DEFAULT_SEED)
                        .generate(items);
                report.metric("insert", r.toString());
            } else if (existing == items && reuse) {
                report.line(String.format(Locale.ROOT, "insert: reusing the %,d entries already in %s", existing, dir));
            } else {
                throw new IllegalStateException(dir + " holds " + existing + " catalog entries, not " + items
                        + ": delete it or run without -Dbench.reuse=true");
            }
            report.line("database size: " + jdbc.queryForObject(
                    "select pg_size_pretty(pg_total_relation_size('catalog_entry'))", String.class)
                    + " (catalog_entry with TOAST and indexes)");

            // 2. Index: the mass indexer, as SearchIndexSync.reindex runs it on start (merging the
            // segments into one at the end).
            Path indexDir = indexRoot.resolve("catalog");
            int indexed = indexedDocuments(indexDir);
            if (indexed != items) {
                long ti = System.nanoTime();
                Search.mapping(app.getBean(EntityManagerFactory.class)).scope(CatalogEntry.class).massIndexer()
                        .threadsToLoadObjects(2).mergeSegmentsOnFinish(true).startAndWait();
                double s = seconds(ti);
                report.metric("indexing", String.format(Locale.ROOT, "%,d entries in %.1f s: %,.0f items/s", items, s,
                        items / s));
            } else {
                report.line(String.format(Locale.ROOT, "indexing: reusing the index of %,d documents", indexed));
            }
            // Lucene goes on merging segments in the background after the mass indexer returns: wait until the
            // index files settle, then commit, so that the API (Hibernate Search's reader) and raw Lucene (a reader
            // on the last commit) search the same segments and no merge runs during the measurements.
            long tq = System.nanoTime();
            awaitQuiet(indexRoot);
            var workspace = Search.mapping(app.getBean(EntityManagerFactory.class)).scope(CatalogEntry.class)
                    .workspace();
            workspace.flush();
            workspace.refresh();
            report.line(String.format(Locale.ROOT, "index settled (merges done) and committed %.0f s after indexing",
                    seconds(tq)));
            long indexBytes = size(indexRoot);
            report.metric("index size", String.format(Locale.ROOT, "%,d bytes (%.2f GiB), %.1f KiB per entry, %d "
                    + "segments", indexBytes, indexBytes / (double) (1L << 30), indexBytes / 1024.0 / items,
                    segments(indexDir)));

            // 3. The queries, resolved: department names to ids of the portal agency (the first agency).
            long agencyId = jdbc.queryForObject("select id from agency order by id limit 1", Long.class);
            Map<String, Long> departments = new HashMap<>();
            jdbc.query("select id, name from department where agency_id = ?", rs -> {
                departments.put(rs.getString(2), rs.getLong(1));
            }, agencyId);

            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
                // Raw Lucene counts hits exactly up to the same limit as the application, so that both may skip
                // the same non-competitive entries; a second searcher counting every hit gives the exact totals.
                int limit = app.getBean(CatalogSearch.class).exactCountLimit();
                report.line(String.format(Locale.ROOT, "hits counted exactly up to %,d (gongkai.search.exact-count-limit),"
                        + " in the API and in raw Lucene", limit));
                RawLucene raw = new RawLucene(reader, agencyId, departments, limit);
                RawLucene rawExact = new RawLucene(reader, agencyId, departments, Integer.MAX_VALUE);
                Api api = new Api(httpPort, departments);

                // 4. The API and raw Lucene find the same: totals and the first page, for every query; and the
                // first page is the one that counting every hit gives.
                report.line("");
                report.line("| query | hits | API total | API = raw Lucene | = counting every hit |");
                report.line("|---|---:|---:|---|---|");
                int identical = 0;
                int sameAsExact = 0;
                for (BenchQuery q : QUERIES) {
                    Api.Page a = api.search(q);
                    RawLucene.Page r = raw.search(q);
                    RawLucene.Page e = rawExact.search(q);
                    List<String> rawNumbers = indexNumbers(jdbc, r.ids());
                    boolean same = a.indexNumbers().equals(rawNumbers);
                    boolean asExact = r.ids().equals(e.ids());
                    identical += same ? 1 : 0;
                    sameAsExact += asExact ? 1 : 0;
                    boolean agree = a.exact() == r.exact() && (a.exact() ? a.total() == r.total() && a.total() == e.total()
                            : a.total() >= limit && r.total() >= limit && a.total() <= e.total());
                    if (!agree) {
                        throw new IllegalStateException("API and raw Lucene disagree on " + q + ": " + a + " vs " + r
                                + ", " + e.total() + " hits in all");
                    }
                    report.line("| " + q + " | " + String.format(Locale.ROOT, "%,d", e.total()) + " | "
                            + String.format(Locale.ROOT, "%,d", a.total()) + (a.exact() ? "" : "+") + " | "
                            + (same ? "yes" : "no (order of equal scores)") + " | "
                            + (asExact ? "yes" : "no (order of equal scores)") + " |");
                }
                report.line("");
                report.line(identical + " of " + QUERIES.size() + " queries return the same first page in the same order "
                        + "through the API and raw Lucene; " + sameAsExact + " of " + QUERIES.size() + " the same as "
                        + "when every hit is counted (\"+\": a lower bound)");

                // 5. Load: the HTTP API, then raw Lucene, each after its warm-up.
                Stats apiStats = Load.run("API", clients, warmup, maxRequests, maxTime, (client, i) -> {
                    Api.Page p = api.client(client).search(QUERIES.get(i % QUERIES.size()));
                    return p.total();
                });
                report.metric("API", apiStats.toString());
                Stats rawStats = Load.run("raw Lucene", clients, warmup, maxRequests, maxTime,
                        (client, i) -> raw.search(QUERIES.get(i % QUERIES.size())).total());
                report.metric("raw Lucene", rawStats.toString());
                double ratio = apiStats.throughput() / rawStats.throughput();
                report.metric("ratio", String.format(Locale.ROOT, "API throughput = %.1f %% of raw Lucene's", 100 * ratio));

                // 6. One client, query by query (median of 5 after the load phases): which searches cost what.
                report.line("");
                report.line("| query (1 client, median of 5) | hits | API ms | raw Lucene ms | raw Lucene counting every "
                        + "hit ms |");
                report.line("|---|---:|---:|---:|---:|");
                for (BenchQuery q : QUERIES) {
                    long total = rawExact.search(q).total();
                    double apiMs = median(5, () -> api.search(q));
                    double rawMs = median(5, () -> raw.search(q));
                    double exactMs = median(5, () -> rawExact.search(q));
                    report.line(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |", q, total, apiMs, rawMs,
                            exactMs));
                }
                report.line("");
                report.line(String.format(Locale.ROOT, "target p95 ≤ 100 ms at 1,000,000 items: API p95 %.1f ms at %,d "
                        + "items → %s", apiStats.p95(), items, apiStats.p95() <= 100 ? "met" : "NOT met"
                        + (items < 1_000_000 ? " (measured below 1,000,000 items)" : "")));
                report.line(String.format(Locale.ROOT, "target API throughput ≥ 50 %% of raw Lucene: %.1f %% → %s",
                        100 * ratio, ratio >= 0.5 ? "met" : "NOT met"));
            }
        } finally {
            Path out = dir.getParent().resolve("report-" + items + ".md");
            Files.writeString(out, report.text());
            System.out.println("\n" + report.text() + "\n(written to " + out + ")");
            app.close();
        }
    }

    interface Call {
        Object call() throws Exception;
    }

    static double median(int runs, Call call) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from catalog_entry", Long.class);
    }

    private static List<String> indexNumbers(JdbcTemplate jdbc, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> byId = new HashMap<>();
        String in = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        jdbc.query("select id, index_number from catalog_entry where id in (" + in + ")", rs -> {
            byId.put(rs.getLong(1), rs.getString(2));
        });
        return ids.stream().map(byId::get).toList();
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
                }).collect(java.util.stream.Collectors.joining(","));
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

    /** The public JSON API over HTTP/1.1 on 127.0.0.1, one HttpClient (one connection) per simulated visitor. */
    static final class Api {

        private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
        private static final Pattern EXACT = Pattern.compile("\"totalExact\"\\s*:\\s*(true|false)");
        private static final Pattern INDEX_NUMBER = Pattern.compile("\"indexNumber\"\\s*:\\s*\"([^\"]+)\"");

        record Page(long total, boolean exact, List<String> indexNumbers) {
        }

        private final int port;
        private final Map<String, Long> departments;
        private final HttpClient http;
        private final Map<Integer, Api> clients = new java.util.concurrent.ConcurrentHashMap<>();

        Api(int port, Map<String, Long> departments) {
            this.port = port;
            this.departments = departments;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        Api client(int n) {
            return clients.computeIfAbsent(n, k -> new Api(port, departments));
        }

        URI uri(BenchQuery q) {
            StringBuilder s = new StringBuilder("http://127.0.0.1:").append(port).append("/api/v1/catalog/search?q=")
                    .append(URLEncoder.encode(q.text(), StandardCharsets.UTF_8));
            if (q.topic() != null) {
                s.append("&topic=").append(URLEncoder.encode(q.topic(), StandardCharsets.UTF_8));
            }
            if (q.department() != null) {
                s.append("&department=").append(departments.get(q.department()));
            }
            if (q.year() != null) {
                s.append("&year=").append(q.year());
            }
            return URI.create(s.append("&page=0&size=").append(PAGE_SIZE).toString());
        }

        Page search(BenchQuery q) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(q)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(q + ": HTTP " + response.statusCode() + " " + response.body());
            }
            Matcher total = TOTAL.matcher(response.body());
            if (!total.find()) {
                throw new IllegalStateException(q + ": no total in " + response.body());
            }
            List<String> numbers = new ArrayList<>();
            Matcher m = INDEX_NUMBER.matcher(response.body());
            while (m.find()) {
                numbers.add(m.group(1));
            }
            Matcher exact = EXACT.matcher(response.body());
            return new Page(Long.parseLong(total.group(1)), !exact.find() || Boolean.parseBoolean(exact.group(1)),
                    numbers);
        }
    }

    /**
     * The same search as {@code CatalogSearch.search} written directly against Lucene: the same analyzers (the
     * chains of {@code ChineseAnalysis}), one simple query string over the same fields with the same boosts and AND
     * operator, the same filters (agency, PUBLISHED or REPEALED, PROACTIVE, topic, department, year), the same sort
     * (score, then newest; newest when there is no text), hits counted exactly up to the same threshold (beyond it
     * Lucene skips what cannot reach the page; {@code Integer.MAX_VALUE} counts every hit), and the ids of the first
     * page from the same doc values Hibernate Search reads. No highlighting, no entity loading, no HTTP: the physical
     * limit.
     */
    static final class RawLucene {

        record Page(long total, boolean exact, List<Long> ids) {
        }

        private static final String ID = "__HSEARCH_id";
        private static final String ID_DOCVALUE = "__HSEARCH_id_docvalue";

        final IndexSearcher searcher;
        final int threshold;
        private final long agencyId;
        private final Map<String, Long> departments;
        final Analyzer analyzer;
        private final DocValuesType idType;
        private final Sort relevance = new Sort(SortField.FIELD_SCORE,
                new SortedNumericSortField("publishedAt", SortField.Type.LONG, true));
        private final Sort newest = new Sort(new SortedNumericSortField("publishedAt", SortField.Type.LONG, true));

        RawLucene(DirectoryReader reader, long agencyId, Map<String, Long> departments, int threshold)
                throws IOException {
            this.searcher = new IndexSearcher(reader);
            this.threshold = threshold;
            this.agencyId = agencyId;
            this.departments = departments;
            Analyzer chinese = CustomAnalyzer.builder().withTokenizer(HMMChineseTokenizerFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class).addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .addTokenFilter(PorterStemFilterFactory.class).build();
            Analyzer bigram = CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class).addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(CJKBigramFilterFactory.class).build();
            Map<String, Analyzer> perField = new HashMap<>();
            for (String f : List.of("title_bigram", "summary_bigram", "body_bigram", "attachmentText_bigram")) {
                perField.put(f, bigram);
            }
            this.analyzer = new PerFieldAnalyzerWrapper(chinese, perField);
            FieldInfo id = FieldInfos.getMergedFieldInfos(reader).fieldInfo(ID_DOCVALUE);
            this.idType = id == null ? DocValuesType.NONE : id.getDocValuesType();
        }

        Query query(BenchQuery q) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(LongPoint.newExactQuery("agencyId", agencyId), Occur.FILTER);
            b.add(new BooleanQuery.Builder().add(new TermQuery(new Term("state", "PUBLISHED")), Occur.SHOULD)
                    .add(new TermQuery(new Term("state", "REPEALED")), Occur.SHOULD).build(), Occur.FILTER);
            b.add(new TermQuery(new Term("attribute", "PROACTIVE")), Occur.FILTER);
            if (q.topic() != null) {
                b.add(new TermQuery(new Term("topic", q.topic())), Occur.FILTER);
            }
            if (q.department() != null) {
                b.add(LongPoint.newExactQuery("departmentId", departments.get(q.department())), Occur.FILTER);
            }
            if (q.year() != null) {
                b.add(IntPoint.newExactQuery("publishedYear", q.year()), Occur.FILTER);
            }
            if (q.text().isBlank()) {
                b.add(new MatchAllDocsQuery(), Occur.MUST);
            } else {
                String text = q.text().trim();
                Map<String, Float> fields = new LinkedHashMap<>();
                fields.put("title", 4f);
                fields.put("documentNumber", 3f);
                fields.put("keywords", 2f);
                fields.put("summary", 2f);
                fields.put("body", 1f);
                fields.put("attachmentText", 1f);
                fields.put("title_bigram", 2f);
                fields.put("summary_bigram", 1f);
                fields.put("body_bigram", 1f);
                fields.put("attachmentText_bigram", 1f);
                SimpleQueryParser words = new SimpleQueryParser(analyzer, fields);
                words.setDefaultOperator(Occur.MUST);
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                any.add(words.parse(text), Occur.SHOULD);
                any.add(new BoostQuery(new TermQuery(new Term("documentNumber_keyword", text.toLowerCase(Locale.ROOT))),
                        10f), Occur.SHOULD);
                b.add(any.build(), Occur.MUST);
            }
            return b.build();
        }

        Page search(BenchQuery q) throws IOException {
            return search(q, query(q));
        }

        Page search(BenchQuery q, Query query) throws IOException {
            Sort sort = q.text().isBlank() ? newest : relevance;
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, PAGE_SIZE, null, threshold));
            List<Long> ids = new ArrayList<>(top.scoreDocs.length);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                int doc = sd.doc - leaf.docBase;
                BytesRef value;
                if (idType == DocValuesType.SORTED) {
                    SortedDocValues dv = leaf.reader().getSortedDocValues(ID_DOCVALUE);
                    dv.advanceExact(doc);
                    value = dv.lookupOrd(dv.ordValue());
                } else if (idType == DocValuesType.BINARY) {
                    BinaryDocValues dv = leaf.reader().getBinaryDocValues(ID_DOCVALUE);
                    dv.advanceExact(doc);
                    value = dv.binaryValue();
                } else {
                    value = new BytesRef(leaf.reader().storedFields().document(doc, java.util.Set.of(ID)).get(ID));
                }
                ids.add(Long.parseLong(value.utf8ToString()));
            }
            return new Page(top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO, ids);
        }
    }

    /** Latencies of one measurement. */
    record Stats(String name, int clients, long requests, double seconds, long[] nanos) {

        double percentile(double p) {
            int i = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(i, nanos.length - 1))] / 1e6;
        }

        double p50() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        double p99() {
            return percentile(99);
        }

        double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d requests in %.1f s by %d clients: p50 %.1f ms, p95 %.1f ms, p99 %.1f "
                    + "ms, max %.1f ms, throughput %.1f req/s", requests, seconds, clients, p50(), p95(), p99(),
                    nanos[nanos.length - 1] / 1e6, throughput());
        }
    }

    interface Work {
        Object run(int client, int i) throws Exception;
    }

    /**
     * Clients in threads: together a warm-up by time, then a measurement bounded by a count of requests and by time.
     * Throughput is the measured requests over the time from the end of the warm-up to the last client's end.
     */
    static final class Load {

        static Stats run(String name, int clients, Duration warmup, int maxRequests, Duration maxTime, Work work)
                throws InterruptedException {
            System.out.printf(Locale.ROOT, "%s: warm-up %d s, then ≤ %,d requests or ≤ %d s with %d clients…%n", name,
                    warmup.toSeconds(), maxRequests, maxTime.toSeconds(), clients);
            long warmEnd = System.nanoTime() + warmup.toNanos();
            long deadline = warmEnd + maxTime.toNanos();
            AtomicInteger remaining = new AtomicInteger(maxRequests);
            long[][] latencies = new long[clients][maxRequests];
            int[] counts = new int[clients];
            long[] ends = new long[clients];
            Throwable[] failure = new Throwable[1];
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.add(Thread.ofPlatform().name(name + "-" + c).start(() -> {
                    int i = client * 5;
                    try {
                        while (System.nanoTime() < warmEnd) {
                            work.run(client, i++);
                        }
                        while (System.nanoTime() < deadline && remaining.getAndDecrement() > 0) {
                            long t = System.nanoTime();
                            work.run(client, i++);
                            latencies[client][counts[client]++] = System.nanoTime() - t;
                        }
                    } catch (Throwable t) {
                        failure[0] = t;
                        remaining.set(0);
                    }
                    ends[client] = System.nanoTime();
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            if (failure[0] != null) {
                throw new IllegalStateException(name + " failed", failure[0]);
            }
            double seconds = (Arrays.stream(ends).max().orElseThrow() - warmEnd) / 1e9;
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int k = 0;
            for (int c = 0; c < clients; c++) {
                System.arraycopy(latencies[c], 0, all, k, counts[c]);
                k += counts[c];
            }
            Arrays.sort(all);
            return new Stats(name, clients, total, seconds, all);
        }
    }

    /** The printed and written summary. */
    static final class Report {

        private final StringBuilder text = new StringBuilder();

        void line(String s) {
            text.append(s).append('\n');
            System.out.println(s);
        }

        void metric(String name, String value) {
            line(name + ": " + value);
        }

        String text() {
            return text.toString();
        }
    }
}
