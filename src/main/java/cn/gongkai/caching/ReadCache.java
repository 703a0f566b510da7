package cn.gongkai.caching;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-through cache of values that change rarely and through known methods: each method that changes them calls
 * {@link #changed()} inside its transaction. A value is kept only when it was read while no changing transaction was
 * open and nothing changed during the read, so a reader never keeps what a transaction had not yet committed, nor a
 * copy older than a commit it could have seen. Values are also read again after {@code maxAge}, which bounds how long
 * another node's change can go unseen.
 *
 * <p>One instance per cached kind, a field of the bean that owns the data; values must be immutable (or never changed
 * by callers).
 */
public final class ReadCache<K, V> {

    private record Entry<V>(long generation, long readAt, V value) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger changing = new AtomicInteger();
    private final long maxAgeMillis;
    private final Clock clock;
    /** The key of this cache's synchronization in a transaction's resources: one per transaction. */
    private final Object transactionKey = new Object();

    public ReadCache(Duration maxAge) {
        this(maxAge, Clock.systemUTC());
    }

    ReadCache(Duration maxAge, Clock clock) {
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    /** The cached value, or the loader's, kept when nothing was changing while it was read. */
    public V get(K key, Function<K, V> loader) {
        long now = clock.millis();
        long seen = generation.get();
        Entry<V> e = entries.get(key);
        if (e != null && e.generation() == seen && now - e.readAt() < maxAgeMillis) {
            return e.value();
        }
        V value = loader.apply(key);
        if (changing.get() == 0 && generation.get() == seen) {
            entries.put(key, new Entry<>(seen, now, value));
        }
        return value;
    }

    /**
     * The cached data is being changed: forget every value now and, when the change is part of a transaction, again
     * when it ends (committed or rolled back), and keep nothing read in between.
     */
    public void changed() {
        generation.incrementAndGet();
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(transactionKey)) {
            TransactionSynchronizationManager.bindResource(transactionKey, Boolean.TRUE);
            changing.incrementAndGet();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
                    generation.incrementAndGet();
                    entries.clear();
                    changing.decrementAndGet();
                }
            });
        }
    }
}
