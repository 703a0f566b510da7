package cn.gongkai.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When an agency's public catalog last changed: the latest publication (a first one or a new version) of a public
 * entry, or the latest withdrawal or repeal. The portal's pages, feed, sitemap and open-data answers take their
 * {@code Last-Modified} from it, so reading it must cost next to nothing: it is read from the database once per agency
 * (two lookups on the index {@code catalog_entry_public_idx}) and kept in memory, and every catalog transition that
 * touches a public entry moves it forward once its transaction has committed. Filings of on-request and exempt items
 * are not public and do not move it. In memory per node, like the search index it describes.
 */
@Component
public class CatalogChanges {

    private final JdbcTemplate jdbc;
    private final Map<Long, Instant> lastChange = new ConcurrentHashMap<>();

    CatalogChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The moment of the agency's latest public catalog change; the epoch for a catalog with nothing public yet. */
    public Instant lastPublicChange(Long agencyId) {
        return lastChange.computeIfAbsent(agencyId, this::load);
    }

    /**
     * Moves the agency's last change to {@code at} once the current transaction commits (a rolled-back change changed
     * nothing). Never moves it back: a change replayed on a past day leaves it where it is.
     */
    void changedAfterCommit(Long agencyId, Instant at) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a catalog change is recorded inside the change's transaction");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lastChange.merge(agencyId, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
    }

    private Instant load(Long agencyId) {
        // A published entry changed when it was published; a withdrawn or repealed one when its state changed.
        Timestamp latest = jdbc.queryForObject("""
                select greatest(
                    (select max(published_at) from catalog_entry
                      where agency_id = ? and state = 'PUBLISHED' and attribute = 'PROACTIVE'),
                    (select max(state_changed_at) from catalog_entry
                      where agency_id = ? and state in ('WITHDRAWN', 'REPEALED')))""", Timestamp.class, agencyId,
                agencyId);
        return latest == null ? Instant.EPOCH : latest.toInstant();
    }
}
