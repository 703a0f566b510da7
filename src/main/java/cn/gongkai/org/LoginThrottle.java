package cn.gongkai.org;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins, counted in memory over a sliding window, so that a stranger cannot lock the office out:
 * <ul>
 * <li>from one address, {@code addressLimit} failures (any names) refuse that address for {@code block};</li>
 * <li>for one account from one address, {@code pairLimit} failures refuse that account from that address for
 * {@code block} (the holder elsewhere is not affected);</li>
 * <li>for one account from everywhere (many addresses), {@code accountLimit} failures slow that account to one
 * attempt per {@code slowInterval}: the holder is delayed, never locked out.</li>
 * </ul>
 * A plain policy object, safe between threads. Address and name are kept only while they count.
 */
final class LoginThrottle {

    /** Why an attempt is refused before its password is checked. */
    enum Scope { ADDRESS, ACCOUNT_ADDRESS, ACCOUNT }

    private static final int MAX_KEYS = 100_000;

    private final int addressLimit;
    private final int pairLimit;
    private final int accountLimit;
    private final Duration window;
    private final Duration block;
    private final Duration slowInterval;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    LoginThrottle(int addressLimit, int pairLimit, int accountLimit, Duration window, Duration block,
            Duration slowInterval) {
        this.addressLimit = addressLimit;
        this.pairLimit = pairLimit;
        this.accountLimit = accountLimit;
        this.window = window;
        this.block = block;
        this.slowInterval = slowInterval;
    }

    /** The scope that refuses this attempt now, if any; an attempt let through a slowed account takes its turn. */
    Optional<Scope> refuse(String username, String address, Instant now) {
        if (blocked("a|" + address, now)) {
            return Optional.of(Scope.ADDRESS);
        }
        if (blocked("p|" + key(username) + "|" + address, now)) {
            return Optional.of(Scope.ACCOUNT_ADDRESS);
        }
        String account = "u|" + key(username);
        if (count(account, now) >= accountLimit) {
            Instant next = blockedUntil.get(account);
            if (next != null && next.isAfter(now)) {
                return Optional.of(Scope.ACCOUNT);
            }
            blockedUntil.put(account, now.plus(slowInterval)); // this attempt goes through; the next one waits
        }
        return Optional.empty();
    }

    /** Counts a failure; returns the scopes that this failure started to refuse. */
    java.util.List<Scope> failed(String username, String address, Instant now) {
        prune(now);
        java.util.List<Scope> started = new java.util.ArrayList<>();
        if (add("a|" + address, now) == addressLimit) {
            blockedUntil.put("a|" + address, now.plus(block));
            started.add(Scope.ADDRESS);
        }
        String pair = "p|" + key(username) + "|" + address;
        if (add(pair, now) == pairLimit) {
            blockedUntil.put(pair, now.plus(block));
            failures.remove(pair);
            started.add(Scope.ACCOUNT_ADDRESS);
        }
        if (add("u|" + key(username), now) == accountLimit) {
            started.add(Scope.ACCOUNT);
        }
        return started;
    }

    /** The right password from this address: the pair's count starts again. */
    void succeeded(String username, String address) {
        failures.remove("p|" + key(username) + "|" + address);
    }

    Duration block() {
        return block;
    }

    Duration slowInterval() {
        return slowInterval;
    }

    private boolean blocked(String key, Instant now) {
        Instant until = blockedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(now)) {
            blockedUntil.remove(key, until);
            if (key.startsWith("a|")) {
                failures.remove(key);
            }
            return false;
        }
        return true;
    }

    private int add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            return times.size();
        }
    }

    private int count(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            expire(times, now);
            return times.size();
        }
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    /** Keeps memory bounded when an attacker sprays names: forgets counts that no longer count. */
    private void prune(Instant now) {
        if (failures.size() + blockedUntil.size() < MAX_KEYS) {
            return;
        }
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                expire(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
        blockedUntil.entrySet().removeIf(e -> !e.getValue().isAfter(now));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
