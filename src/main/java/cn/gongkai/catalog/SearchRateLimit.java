package cn.gongkai.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code gongkai.search.rate-per-minute} searches (portal page and open-data API together) per remote address
 * and minute, as a token bucket: a full bucket holds a minute's searches and refills steadily. Counted in memory, per
 * node: behind a load balancer each node counts its own, and behind a reverse proxy the proxy must pass the client's
 * address ({@code server.forward-headers-strategy}), else every visitor shares the proxy's. IPv6 addresses count per
 * /64 network, the block one subscriber usually holds. 0 turns the limit off.
 */
@Component
class SearchRateLimit {

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSwept = new AtomicReference<>(Instant.EPOCH);

    SearchRateLimit(Clock clock, @Value("${gongkai.search.rate-per-minute:60}") int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("gongkai.search.rate-per-minute must not be negative: " + perMinute);
        }
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** True when this address may search now (and the search is counted); false when it has searched enough. */
    boolean tryAcquire(String address) {
        if (perMinute == 0) {
            return true;
        }
        Instant now = Instant.now(clock);
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key(address), k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.refill(now, perMinute);
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Seconds until one more search is allowed: what a refused client is told to wait (Retry-After). */
    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60.0 / Math.max(perMinute, 1)));
    }

    static String key(String address) {
        if (address == null) {
            return "-";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A string with ':' is read as an IPv6 literal, never looked up.
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
        } catch (java.net.UnknownHostException e) {
            // not a literal: count it as it is
        }
        return address;
    }

    /** A bucket that has refilled completely holds nothing worth keeping: forgotten, at most once a minute. */
    private void sweep(Instant now) {
        Instant last = lastSwept.get();
        if (last.plus(Duration.ofMinutes(1)).isBefore(now) && lastSwept.compareAndSet(last, now)) {
            Instant full = now.minus(Duration.ofMinutes(1));
            buckets.values().removeIf(b -> {
                synchronized (b) {
                    return b.updated.isBefore(full);
                }
            });
        }
    }

    private static final class Bucket {

        double tokens;
        Instant updated;

        Bucket(int perMinute, Instant now) {
            this.tokens = perMinute;
            this.updated = now;
        }

        void refill(Instant now, int perMinute) {
            long nanos = Duration.between(updated, now).toNanos();
            if (nanos > 0) {
                tokens = Math.min(perMinute, tokens + perMinute * (nanos / 60_000_000_000.0));
                updated = now;
            }
        }
    }
}
