package cn.gongkai.catalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional queue of index changes: a catalog transition queues its entry here, in its own transaction, so
 * that the index change commits (or rolls back) with the database change. After the commit the queue is applied at
 * once ({@link SearchIndexSync#drain()}), so a published item is searchable when the office's request returns; a row
 * left by a crash or an index failure is applied at the next start or by the job that runs every minute.
 */
@Component
class SearchOutbox {

    private final JdbcTemplate jdbc;
    private final SearchIndexSync sync;
    private final CrashPoint crash;

    SearchOutbox(JdbcTemplate jdbc, SearchIndexSync sync, CrashPoint crash) {
        this.jdbc = jdbc;
        this.sync = sync;
        this.crash = crash;
    }

    /** Queues the entry's index change in the current transaction, applied after its commit. */
    void enqueue(Long entryId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("an index change must be queued inside the change's transaction");
        }
        jdbc.update("insert into search_outbox (entry_id) values (?)", entryId);
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // the transaction already applies the queue after its commit
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                crash.reached(CrashPoint.BEFORE_COMMIT);
            }

            @Override
            public void afterCommit() {
                crash.reached(CrashPoint.AFTER_COMMIT);
                sync.drainQuietly();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(SearchOutbox.this);
            }
        });
    }
}
