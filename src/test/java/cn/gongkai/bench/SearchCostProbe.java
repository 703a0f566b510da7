package cn.gongkai.bench;

import cn.gongkai.catalog.CatalogEntry;
import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.org.OrgDirectory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.store.FSDirectory;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a catalog search's time goes, one search at a time: the benchmark's query mix run through the API's search
 * service and through the steps between it and raw Lucene, each search through every variant back to back (in an
 * order that turns each round), single-threaded, so that drift and background load fall on all of them alike. The
 * mean time per search, by kind, goes to stdout and to {@code target/search-bench/probe-{items}.md}.
 *
 * <p>Not a test: run on the data a {@link CatalogSearchBenchmark} run left ({@code -Dbench.reuse=true}):
 * {@code ./mvnw -B -Psearch-bench test-compile exec:exec -Dbench.main=cn.gongkai.bench.SearchCostProbe
 * -Dbench.items=100000} ({@code bench.rounds}, 8 by default, the first two not counted). See docs/benchmarks.md.
 */
public class SearchCostProbe {

    private interface Variant {
        void run(BenchQuery q) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("bench.items", 100_000);
        String dirName = System.getProperty("bench.dir", "");
        Path dir = dirName.isBlank() ? Path.of("target", "search-bench", Integer.toString(items)) : Path.of(dirName);
        int rounds = Integer.getInteger("bench.rounds", 8);
        int warmup = 2;
        if (!Files.isDirectory(dir.resolve("index"))) {
            throw new IllegalStateException(dir + " has no index: run CatalogSearchBenchmark first");
        }
        ConfigurableApplicationContext app = CatalogSearchBenchmark.start(dir, 0, false);
        try (EntityManager em = app.getBean(EntityManagerFactory.class).createEntityManager();
                DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index/catalog")))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long agencyId = app.getBean(OrgDirectory.class).portalAgency().orElseThrow().getId();
            Map<String, Long> departments = CatalogSearchBenchmark.departments(jdbc, agencyId);
            CatalogSearch service = app.getBean(CatalogSearch.class);
            int limit = service.exactCountLimit();
            RawLucene raw = new RawLucene(reader, agencyId, departments, limit);
            List<BenchQuery> mix = CatalogSearchBenchmark.mix(raw, CatalogDataGenerator.DEFAULT_SEED, 400)
                    .generated(CatalogSearchBenchmark.documentNumbers(jdbc, agencyId),
                            List.copyOf(departments.keySet()));
            Sort relevance = new Sort(SortField.FIELD_SCORE,
                    new SortedNumericSortField("publishedAt", SortField.Type.LONG, true));
            Sort newest = new Sort(new SortedNumericSortField("publishedAt", SortField.Type.LONG, true));

            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("service (`CatalogSearch.searchWithoutHighlights`)",
                    q -> service.searchWithoutHighlights(new CatalogQuery(agencyId, q.text(), q.topic(),
                            q.department() == null ? null : departments.get(q.department()), null, q.year(), 0,
                            RawLucene.PAGE_SIZE, null)));
            variants.put("Hibernate Search, raw query, listing fields", q -> Search.session(em)
                    .search(CatalogEntry.class).extension(LuceneExtension.get())
                    .select(f -> f.composite().from(listing(f)).asList())
                    .where(f -> f.fromLuceneQuery(raw.query(q)))
                    .sort(f -> f.fromLuceneSort(q.hasText() ? relevance : newest))
                    .totalHitCountThreshold(limit).truncateAfter(2, TimeUnit.SECONDS).fetch(0, RawLucene.PAGE_SIZE));
            variants.put("Hibernate Search, raw query, ids", q -> Search.session(em)
                    .search(CatalogEntry.class).extension(LuceneExtension.get())
                    .select(f -> f.id(Long.class))
                    .where(f -> f.fromLuceneQuery(raw.query(q)))
                    .sort(f -> f.fromLuceneSort(q.hasText() ? relevance : newest))
                    .totalHitCountThreshold(limit).truncateAfter(2, TimeUnit.SECONDS).fetch(0, RawLucene.PAGE_SIZE));
            variants.put("raw Lucene, listing fields", raw::searchWithFields);
            variants.put("raw Lucene, ids", raw::search);

            List<String> names = List.copyOf(variants.keySet());
            Map<String, Map<BenchQuery.Kind, double[]>> sums = new LinkedHashMap<>();
            names.forEach(n -> sums.put(n, new EnumMap<>(BenchQuery.Kind.class)));
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < mix.size(); i++) {
                    BenchQuery q = mix.get(i);
                    for (int v = 0; v < names.size(); v++) {
                        String name = names.get((v + i + r) % names.size());
                        long t = System.nanoTime();
                        variants.get(name).run(q);
                        long ns = System.nanoTime() - t;
                        if (r >= warmup) {
                            double[] s = sums.get(name).computeIfAbsent(q.kind(), k -> new double[2]);
                            s[0] += ns;
                            s[1]++;
                        }
                    }
                }
                System.out.println("round " + (r + 1) + " of " + rounds + " done");
            }
            StringBuilder md = new StringBuilder();
            md.append("# Search cost probe, ").append(items).append(" items\n\n");
            md.append(String.format(Locale.ROOT, "%s, %d processors, %s; %d searches of the benchmark's mix, %d rounds "
                    + "counted after %d; load average %s at the end.%n%n", LocalDateTime.now().withNano(0),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), mix.size(), rounds - warmup,
                    warmup, InterleavedLoad.loadAverage()));
            md.append("| mean ms per search |");
            for (BenchQuery.Kind k : BenchQuery.Kind.values()) {
                md.append(' ').append(k.label).append(" |");
            }
            md.append(" all |\n|---|").append("---:|".repeat(BenchQuery.Kind.values().length + 1)).append('\n');
            for (String n : names) {
                md.append("| ").append(n).append(" |");
                double total = 0;
                double count = 0;
                for (BenchQuery.Kind k : BenchQuery.Kind.values()) {
                    double[] s = sums.get(n).getOrDefault(k, new double[] {0, 1});
                    md.append(String.format(Locale.ROOT, " %.3f |", s[0] / s[1] / 1e6));
                    total += s[0];
                    count += s[1];
                }
                md.append(String.format(Locale.ROOT, " %.3f |%n", total / count / 1e6));
            }
            System.out.println(md);
            Path out = dir.getParent().resolve("probe-" + dir.getFileName() + ".md");
            Files.writeString(out, md);
            System.out.println("(written to " + out + ")");
        } finally {
            app.close();
        }
    }

    /** The id and the listing's stored fields, as {@code CatalogSearch} projects them for the API. */
    private static SearchProjection<?>[] listing(
            org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory<?, ?> f) {
        List<SearchProjection<?>> fields = new ArrayList<>();
        fields.add(f.id(Long.class).toProjection());
        RawLucene.LISTING_FIELDS.forEach(name -> fields.add(f.field(name).toProjection()));
        return fields.toArray(SearchProjection<?>[]::new);
    }
}
