package cn.gongkai.catalog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the Lucene index of the catalog in step with PostgreSQL. Hibernate Search's automatic indexing is off
 * ({@code hibernate.search.indexing.listeners.enabled: false}): every change reaches the index through the
 * {@link SearchOutbox}, applied here; at start, {@link #check()} compares every entry in the database with the index
 * and repairs what differs; {@link #reindex()} rebuilds the index from the database.
 */
@Service
public class SearchIndexSync {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexSync.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final EntityManagerFactory emf;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final CrashPoint crash;
    /** One writer at a time: each run reads the entries' current state after the previous run wrote its own. */
    private final ReentrantLock writer = new ReentrantLock();

    SearchIndexSync(EntityManager em, EntityManagerFactory emf, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, CrashPoint crash) {
        this.em = em;
        this.emf = emf;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.crash = crash;
    }

    /** What a check found and repaired. */
    public record Report(long inDatabase, long inIndex, int added, int removed, int refreshed) {

        public boolean repaired() {
            return added + removed + refreshed > 0;
        }
    }

    /**
     * Applies the queued index changes, oldest first: each entry is indexed as it now stands in the database (or
     * removed from the index when it no longer exists), and its rows are deleted only after the index write has
     * been committed. Returns how many rows were applied.
     */
    public int drain() {
        writer.lock();
        try {
            int applied = 0;
            for (int n; (n = newTransaction.execute(status -> drainBatch())) > 0; ) {
                applied += n;
            }
            return applied;
        } finally {
            writer.unlock();
        }
    }

    /** {@link #drain()} after a commit: a failure is logged, and the rows stay for the next run. */
    void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.error("Search index: applying the queued changes failed; they stay queued and are retried", e);
        }
    }

    private int drainBatch() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, entry_id from search_outbox order by id limit " + BATCH + " for update");
        if (rows.isEmpty()) {
            return 0;
        }
        Set<Long> entryIds = new LinkedHashSet<>();
        rows.forEach(r -> entryIds.add(((Number) r.get("entry_id")).longValue()));
        write(entryIds, Set.of());
        crash.reached(CrashPoint.AFTER_INDEX);
        Long last = ((Number) rows.getLast().get("id")).longValue();
        jdbc.update("delete from search_outbox where id <= ?", last);
        return rows.size();
    }

    /** Indexes the given entries as they stand (removing those that no longer exist) and purges the others. */
    private void write(Set<Long> entryIds, Set<Long> purge) {
        SearchIndexingPlan plan = Search.session(em).indexingPlan();
        for (Long id : entryIds) {
            CatalogEntry entry = em.find(CatalogEntry.class, id);
            if (entry != null) {
                plan.addOrUpdate(entry);
            } else {
                plan.purge(CatalogEntry.class, id, null);
            }
        }
        purge.forEach(id -> plan.purge(CatalogEntry.class, id, null));
        // Written and committed to the index now (synchronization strategy "sync"); a failure throws, and the
        // database transaction that would delete the queue's rows rolls back.
        plan.execute();
        em.clear();
    }

    /**
     * Compares every catalog entry in PostgreSQL (its id and {@link CatalogEntry#getIndexStamp() stamp}) with the
     * documents in the index, and repairs what differs: adds the missing, removes the extra, re-indexes the stale.
     * Logs what it repaired.
     */
    public Report check() {
        writer.lock();
        try {
            Map<Long, String> database = new HashMap<>();
            newTransaction.execute(status -> {
                em.createQuery("select e.id, e.state, e.version, e.publishedAt, e.stateChangedAt from CatalogEntry e",
                        Object[].class).getResultStream().forEach(r -> database.put((Long) r[0], CatalogEntry.stamp(
                                (EntryState) r[1], (Integer) r[2], (java.time.Instant) r[3], (java.time.Instant) r[4])));
                return null;
            });
            Map<Long, String> index = indexed();
            List<Long> missing = new ArrayList<>();
            List<Long> stale = new ArrayList<>();
            database.forEach((id, stamp) -> {
                if (!index.containsKey(id)) {
                    missing.add(id);
                } else if (!stamp.equals(index.get(id))) {
                    stale.add(id);
                }
            });
            List<Long> extra = index.keySet().stream().filter(id -> !database.containsKey(id)).toList();
            List<Long> toIndex = new ArrayList<>(missing);
            toIndex.addAll(stale);
            for (int i = 0; i < Math.max(toIndex.size(), extra.size()); i += BATCH) {
                Set<Long> add = new LinkedHashSet<>(toIndex.subList(Math.min(i, toIndex.size()),
                        Math.min(i + BATCH, toIndex.size())));
                Set<Long> remove = new HashSet<>(extra.subList(Math.min(i, extra.size()),
                        Math.min(i + BATCH, extra.size())));
                newTransaction.execute(status -> {
                    write(add, remove);
                    return null;
                });
            }
            Report report = new Report(database.size(), index.size(), missing.size(), extra.size(), stale.size());
            if (report.repaired()) {
                log.warn("Search index check: {} entries in the database, {} documents in the index; repaired: {} "
                        + "added {}, {} removed {}, {} refreshed {}", report.inDatabase(), report.inIndex(),
                        missing.size(), sample(missing), extra.size(), sample(extra), stale.size(), sample(stale));
            } else {
                log.info("Search index check: the index agrees with the database ({} entries)", report.inDatabase());
            }
            return report;
        } finally {
            writer.unlock();
        }
    }

    private Map<Long, String> indexed() {
        Map<Long, String> index = new HashMap<>();
        newTransaction.execute(status -> {
            SearchSession session = Search.session(em);
            try (SearchScroll<Object[]> scroll = session.search(CatalogEntry.class)
                    .select(f -> f.composite().from(f.id(Long.class), f.field("indexStamp", String.class))
                            .asArray())
                    .where(f -> f.matchAll()).scroll(1_000)) {
                for (SearchScrollResult<Object[]> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                    chunk.hits().forEach(h -> index.put((Long) h[0], (String) h[1]));
                }
            }
            return null;
        });
        return index;
    }

    private static String sample(List<Long> ids) {
        return ids.isEmpty() ? "" : ids.size() <= 20 ? "(ids " + ids + ")" : "(first ids " + ids.subList(0, 20) + ")";
    }

    /**
     * Rebuilds the whole index from the database (the {@code reindex} command): every document is dropped and written
     * again from PostgreSQL, then merged into one segment. Returns the number of entries indexed.
     */
    public long reindex() throws InterruptedException {
        writer.lock();
        try {
            long count = newTransaction.execute(status -> (Long) em.createQuery(
                    "select count(e) from CatalogEntry e").getSingleResult());
            Long queued = jdbc.queryForObject("select coalesce(max(id), 0) from search_outbox", Long.class);
            log.info("Search index: rebuilding from {} catalog entries", count);
            Search.mapping(emf).scope(CatalogEntry.class).massIndexer().purgeAllOnStart(true)
                    .threadsToLoadObjects(2).mergeSegmentsOnFinish(true).startAndWait();
            // What was queued before the rebuild began is in it now; what was queued since is applied as usual.
            jdbc.update("delete from search_outbox where id <= ?", queued);
            log.info("Search index: rebuilt ({} entries)", count);
            return count;
        } finally {
            writer.unlock();
        }
    }
}
