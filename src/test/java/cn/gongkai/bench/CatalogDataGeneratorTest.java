package cn.gongkai.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.CatalogEntry;
import cn.gongkai.catalog.CatalogListing;
import cn.gongkai.catalog.CatalogHit;
import cn.gongkai.catalog.CatalogPage;
import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.catalog.Taxonomy;
import cn.gongkai.support.GongkaiAppTest;
import cn.gongkai.platform.EmbeddedDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The benchmark's data generator writes what the catalog itself would, and on that data the search without
 * highlights (the JSON API's) finds exactly what the highlighted search finds. Its own application context (and
 * database), so that the generated entries stay out of the other tests' catalog; hits are counted exactly only up to
 * {@value #EXACT_COUNT_LIMIT} here, so that broad words go past the limit with a few hundred entries.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.test.context=generated-catalog", "gongkai.demo-content=false",
        "gongkai.search.exact-count-limit=" + CatalogDataGeneratorTest.EXACT_COUNT_LIMIT})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogDataGeneratorTest {

    static final int N = 300;
    static final int EXACT_COUNT_LIMIT = 100;

    @Autowired JdbcTemplate jdbc;
    @Autowired EmbeddedDatabase pg;
    @Autowired EntityManagerFactory emf;
    @Autowired CatalogSearch search;
    @Autowired MockMvc mvc;

    long agencyId;

    @BeforeAll
    void generateAndIndex() throws Exception {
        CatalogDataGenerator.Result result = new CatalogDataGenerator(pg.jdbcUrlWithCredentials(), 2,
                CatalogDataGenerator.DEFAULT_SEED).generate(N);
        assertThat(result.entries()).isEqualTo(N);
        Search.mapping(emf).scope(CatalogEntry.class).massIndexer().startAndWait();
        agencyId = jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
    }

    @Test
    void entriesArePublishedProactiveWithUniqueIndexNumbersCountedInTheSerials() {
        assertThat(jdbc.queryForObject("select count(*) from catalog_entry where agency_id = ? and state = 'PUBLISHED' "
                + "and attribute = 'PROACTIVE' and validity = 'VALID' and version = 1", Long.class, agencyId))
                .isEqualTo(N);
        assertThat(jdbc.queryForObject("select count(distinct index_number) from catalog_entry", Long.class))
                .isEqualTo(N);
        assertThat(jdbc.queryForList("select index_number from catalog_entry", String.class))
                .allMatch(n -> n.matches("000014349/20(19|2[0-6])-\\d{5}"));
        // The serial of each year is the number of entries of that year (the database was empty).
        List<Map<String, Object>> years = jdbc.queryForList("""
                select s.year, s.last_serial, count(e.id) as entries,
                       max(cast(substring(e.index_number from 16) as int)) as highest
                from index_serial s join catalog_entry e on e.index_number like '000014349/' || s.year || '-%'
                where s.agency_id = ? group by s.year, s.last_serial""", agencyId);
        assertThat(years).isNotEmpty().allSatisfy(y -> {
            assertThat(((Number) y.get("last_serial")).longValue()).isEqualTo(((Number) y.get("entries")).longValue());
            assertThat(((Number) y.get("highest")).longValue()).isEqualTo(((Number) y.get("entries")).longValue());
        });
        assertThat(jdbc.queryForObject("select count(*) from catalog_version v join catalog_entry e on e.id = v.entry_id "
                + "and v.version = 1 and v.title = e.title", Long.class)).isEqualTo(N);
        assertThat(jdbc.queryForList("select distinct topic from catalog_entry", String.class))
                .isSubsetOf(Taxonomy.TOPICS).contains("工业、交通");
        assertThat(jdbc.queryForList("select distinct genre from catalog_entry", String.class))
                .isSubsetOf(Taxonomy.GENRES);
        assertThat(jdbc.queryForList("select department_name from catalog_entry e join department d "
                + "on d.id = e.department_id and d.agency_id = e.agency_id and d.name = e.department_name",
                String.class)).hasSize(N);
        assertThat(jdbc.queryForObject("select min(published_at) >= timestamptz '2019-01-01 00:00+08' "
                + "and max(published_at) < timestamptz '2027-01-01 00:00+08' from catalog_entry", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList("select body from catalog_entry", String.class))
                .allMatch(b -> b.length() >= CatalogDataGenerator.PAGE / 2 && b.contains("示例市交通运输局"));
        assertThat(jdbc.queryForList("select document_number from catalog_entry where document_number is not null",
                String.class)).isNotEmpty().allMatch(n -> n.matches("示(交[发办规函告许罚强]〔20\\d\\d〕|例市人民政府令第)\\d+号"));
    }

    @Test
    void withoutHighlightsTheSearchFindsTheSameEntriesInTheSameOrder() {
        List<CatalogQuery> queries = List.of(query("交通运输", null, null, 0), query("坑槽病害", null, null, 0),
                query("农村公路", "工业、交通", null, 1), query("", null, 2024, 0), query("桥梁 检测", null, 2025, 0),
                query("示交发〔2020〕1号", null, null, 0));
        for (CatalogQuery q : queries) {
            CatalogPage highlighted = search.search(q);
            CatalogPage plain = search.searchWithoutHighlights(q);
            assertThat(plain.total()).as(q.toString()).isEqualTo(highlighted.total());
            assertThat(plain.hits()).as(q.toString()).extracting(h -> h.entry().getId())
                    .containsExactlyElementsOf(highlighted.hits().stream().map(h -> h.entry().getId()).toList());
            assertThat(plain.hits()).allSatisfy(h -> {
                assertThat(h.titleHtml()).doesNotContain("<mark>");
                assertThat(h.snippetHtml()).doesNotContain("<mark>");
            });
        }
        assertThat(search.search(queries.getFirst()).totalExact()).isFalse();
        assertThat(search.search(queries.get(5))).satisfies(p -> {
            assertThat(p.totalExact()).isTrue();
            assertThat(p.total()).isEqualTo(p.hits().size());
        });
        assertThat(search.search(queries.get(1)).hits()).extracting(CatalogHit::snippetHtml)
                .anyMatch(s -> s.contains("<mark>"));
    }

    @Test
    void theJsonApiListsTheHitsOfTheSearch() throws Exception {
        CatalogPage page = search.search(query("危险货物", null, null, 0));
        var result = mvc.perform(get("/api/v1/catalog/search").param("q", "危险货物")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(page.total()));
        for (int i = 0; i < page.hits().size(); i++) {
            CatalogListing e = page.hits().get(i).entry();
            // The hits come from the index's stored fields: they are the database's.
            assertThat(jdbc.queryForMap("select title, summary from catalog_entry where index_number = ?",
                    e.getIndexNumber())).containsEntry("title", e.getTitle()).containsEntry("summary", e.getSummary());
            result.andExpect(jsonPath("$.items[" + i + "].indexNumber").value(e.getIndexNumber()))
                    .andExpect(jsonPath("$.items[" + i + "].title").value(e.getTitle()))
                    .andExpect(jsonPath("$.items[" + i + "].summary").value(e.getSummary()));
        }
    }

    @Test
    void pastTheExactCountLimitTheTotalIsALowerBoundAndTheFirstPageStaysTheNewest() throws Exception {
        // 交通运输 is in every entry (the agency's name is in each body): more hits than are counted exactly.
        CatalogPage broad = search.searchWithoutHighlights(query("交通运输", null, null, 0));
        assertThat(broad.totalExact()).isFalse();
        assertThat(broad.total()).isBetween((long) EXACT_COUNT_LIMIT, (long) N);
        assertThat(broad.hits()).hasSize(20);
        assertThat(broad.hasNextPage()).isTrue();
        mvc.perform(get("/api/v1/catalog/search").param("q", "交通运输")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(broad.total()))
                .andExpect(jsonPath("$.totalExact").value(false))
                .andExpect(jsonPath("$.items.length()").value(20));
        String portal = mvc.perform(get("/portal/catalog").param("q", "交通运输")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(portal).contains("约 " + broad.total() + " 条以上").contains("页以上").contains("page=1");

        // Browsing by date skips entries too once the limit is passed, and still lists the newest first.
        CatalogPage newest = search.searchWithoutHighlights(query("", null, null, 0));
        assertThat(newest.totalExact()).isFalse();
        assertThat(newest.hits()).extracting(h -> h.entry().getIndexNumber()).containsExactlyElementsOf(jdbc.queryForList(
                "select index_number from catalog_entry order by published_at desc limit 20", String.class));

        // Under the limit the count is exact, in the API too.
        CatalogPage one = search.searchWithoutHighlights(query("示交发〔2020〕1号", null, null, 0));
        assertThat(one.totalExact()).isTrue();
        mvc.perform(get("/api/v1/catalog/search").param("q", "示交发〔2020〕1号")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(one.total()))
                .andExpect(jsonPath("$.totalExact").value(true));
    }

    private CatalogQuery query(String text, String topic, Integer year, int page) {
        return new CatalogQuery(agencyId, text, topic, null, null, year, page, 20, null);
    }
}
