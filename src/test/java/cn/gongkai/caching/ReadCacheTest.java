package cn.gongkai.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import cn.gongkai.support.MovingClock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReadCacheTest {

    private final AtomicInteger reads = new AtomicInteger();
    private String stored = "old";

    private String load(String key) {
        reads.incrementAndGet();
        return stored;
    }

    @Test
    void aValueIsReadOnceUntilItChanges() {
        ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1));
        assertThat(cache.get("k", this::load)).isEqualTo("old");
        assertThat(cache.get("k", this::load)).isEqualTo("old");
        assertThat(reads).hasValue(1);
        stored = "new";
        cache.changed();
        assertThat(cache.get("k", this::load)).isEqualTo("new");
        assertThat(reads).hasValue(2);
    }

    @Test
    void nothingReadWhileAChangingTransactionIsOpenIsKeptAndItsCommitIsSeen() {
        ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1));
        cache.get("k", this::load);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.changed();
            stored = "uncommitted";
            // Another reader during the transaction reads (in its own transaction it would see "old"), keeps nothing.
            cache.get("k", this::load);
            cache.get("k", this::load);
            assertThat(reads).hasValue(3);
            stored = "committed";
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get("k", this::load)).isEqualTo("committed");
        assertThat(cache.get("k", this::load)).isEqualTo("committed");
        assertThat(reads).hasValue(4);
    }

    @Test
    void aValueOlderThanTheMaximumAgeIsReadAgain() {
        MovingClock clock = new MovingClock("2026-12-01T00:00:00Z");
        ReadCache<String, String> cache = new ReadCache<>(Duration.ofSeconds(60), clock);
        cache.get("k", this::load);
        clock.advance(Duration.ofSeconds(59));
        cache.get("k", this::load);
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        cache.get("k", this::load);
        assertThat(reads).hasValue(2);
    }
}
