package cn.gongkai.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
        Instant[] now = {Instant.parse("2026-12-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ReadCache<String, String> cache = new ReadCache<>(Duration.ofSeconds(60), clock);
        cache.get("k", this::load);
        now[0] = now[0].plusSeconds(59);
        cache.get("k", this::load);
        assertThat(reads).hasValue(1);
        now[0] = now[0].plusSeconds(2);
        cache.get("k", this::load);
        assertThat(reads).hasValue(2);
    }
}
