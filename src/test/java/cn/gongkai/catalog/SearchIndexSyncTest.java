package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search index never silently disagrees with the database: every catalog change reaches the index through a
 * queue written in the change's own transaction, and the check (run at every start, and by the administrator)
 * finds and repairs a document the index lost, one it kept stale and one whose entry no longer exists.
 */
@GongkaiAppTest
class SearchIndexSyncTest {

    private static final AtomicLong ITEM_IDS = new AtomicLong(9_700_000L + System.nanoTime() % 100_000L);

    @Autowired ApplicationContext context;
    @Autowired Catalog catalog;
    @Autowired CatalogSearch search;
    @Autowired SearchIndexSync sync;
    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManager em;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MockMvc mvc;

    TestAgency agency;
    Long department;

    @BeforeEach
    void anAgencyOfItsOwn() {
        agency = TestAgency.create(context, "索引一致性测试局");
        department = agency.department("综合科" + agency.code());
        agency.user("office", department, Role.OFFICE);
    }

    PublishedEntry publish(String title) {
        return catalog.publish(new Publication(agency.id(), "索引一致性测试局", "000014349", ITEM_IDS.incrementAndGet(), 1,
                title, null, title + "的概述", title + "的正文", LocalDate.now().minusDays(1), "工业、交通", "通知", null,
                department, "综合科", DisclosureAttribute.PROACTIVE, "WEBSITE", "吴科员", "DEPT_HEAD 孙科长 同意",
                List.of()));
    }

    long found(String words) {
        return search.searchWithoutHighlights(new CatalogQuery(agency.id(), words, null, null, null, null, 0, 10, null))
                .total();
    }

    long documents(Long entryId) {
        return new TransactionTemplate(transactions).execute(s -> Search.session(em).search(CatalogEntry.class)
                .where(f -> f.id().matching(entryId)).fetchTotalHitCount());
    }

    long queued(Long entryId) {
        return jdbc.queryForObject("select count(*) from search_outbox where entry_id = ?", Long.class, entryId);
    }

    @Test
    void aPublicationIsSearchableWhenItReturnsAndLeavesNothingQueued() {
        PublishedEntry entry = publish("队列测试通告甲" + agency.code());
        assertThat(found("队列测试通告甲" + agency.code())).isOne();
        assertThat(queued(entry.entryId())).isZero();

        catalog.withdraw(agency.id(), entry.entryId(), "内容有误");
        assertThat(found("队列测试通告甲" + agency.code())).isZero();
        assertThat(queued(entry.entryId())).isZero();
    }

    @Test
    void theCheckAddsALostDocumentRefreshesAStaleOneAndRemovesOneWithoutEntry() {
        String code = agency.code();
        PublishedEntry lost = publish("丢失索引的通告" + code);
        PublishedEntry stale = publish("过时索引的通告" + code);
        PublishedEntry gone = publish("多余索引的通告" + code);
        // The damage a crash or a failed index write could leave, made directly: a document lost, an entry withdrawn
        // in the database whose document still says published, and a document whose entry no longer exists.
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            var plan = Search.session(em).indexingPlan();
            plan.purge(CatalogEntry.class, lost.entryId(), null);
            plan.execute();
        });
        jdbc.update("update catalog_entry set state = 'WITHDRAWN', validity = 'INVALID', state_changed_at = now(), "
                + "state_reason = '撤回' where id = ?", stale.entryId());
        jdbc.update("delete from catalog_version where entry_id = ?", gone.entryId());
        jdbc.update("delete from catalog_attachment where entry_id = ?", gone.entryId());
        jdbc.update("delete from catalog_entry where id = ?", gone.entryId());
        assertThat(found("丢失索引的通告" + code)).as("lost").isZero();
        assertThat(found("过时索引的通告" + code)).as("a withdrawn entry still found").isOne();
        assertThat(documents(gone.entryId())).isOne();

        SearchIndexSync.Report report = sync.check();

        assertThat(report.added()).isGreaterThanOrEqualTo(1);
        assertThat(report.refreshed()).isGreaterThanOrEqualTo(1);
        assertThat(report.removed()).isGreaterThanOrEqualTo(1);
        assertThat(found("丢失索引的通告" + code)).isOne();
        assertThat(found("过时索引的通告" + code)).isZero();
        assertThat(documents(gone.entryId())).isZero();
        assertThat(sync.check().repaired()).as("a second check finds nothing to repair").isFalse();
    }

    @Test
    void onlyTheAdministratorChecksOrRebuildsTheIndexAndAPublicEntryIsFoundAfterARebuild() throws Exception {
        String title = "重建索引的通告" + agency.code();
        publish(title);
        mvc.perform(post("/api/v1/admin/search/reindex").with(httpBasic("office", "Gongkai@2026")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/search/check").with(httpBasic("office", "Gongkai@2026")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/search/reindex").with(httpBasic("admin", "Gongkai@2026")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.indexed").isNumber());
        assertThat(found(title)).isOne();
        mvc.perform(post("/api/v1/admin/search/check").with(httpBasic("admin", "Gongkai@2026")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.removed").value(0)).andExpect(jsonPath("$.refreshed").value(0));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SEARCH_REINDEXED'",
                Long.class)).isPositive();
    }
}
