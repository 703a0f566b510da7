package cn.gongkai.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this node last answered at each public address: the answer's ETag and since when it has been that answer. The
 * {@code Last-Modified} of a public page comes from here, so that it moves whenever the page changes, whatever changed
 * it (an entry, a renamed department or sub-class, a new annual report, a new release of the platform), and not only
 * when the catalog does.
 *
 * <p>HTTP dates count whole seconds, so a changed answer is dated at least one whole second after the answer it
 * replaces: a visitor who kept the old one with its date can never be told that nothing changed since. An answer this
 * node has not seen before (after a start, or at an address it forgot to stay within its capacity) is dated no earlier
 * than the second after that start or forgetting, which is later than any date it gave before.
 */
final class SeenAnswers {

    private record Seen(String etag, Instant since) {
    }

    /**
     * When the answer at an address last changed ({@code at}, whole seconds, possibly a moment ahead of {@code now}
     * when it changed twice within a second) as seen at {@code now}.
     */
    record Modified(Instant at, Instant now) {

        /** The {@code Last-Modified} date: never later than the answer itself is made (RFC 9110, 8.8.2.1). */
        Instant header() {
            return at.isAfter(now) ? now.truncatedTo(ChronoUnit.SECONDS) : at;
        }

        /** Whether an answer dated {@code since} (If-Modified-Since) is still the current one. */
        boolean unchangedSince(Instant since) {
            return !since.isBefore(at) && !since.isAfter(now);
        }
    }

    private final Clock clock;
    private final Map<String, Seen> byAddress;
    /** An answer not remembered is dated no earlier than this: the second after the start or the last forgetting. */
    private Instant unknownBefore;

    SeenAnswers(Clock clock, int capacity) {
        this.clock = clock;
        this.unknownBefore = secondAfter(clock.instant());
        this.byAddress = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                unknownBefore = later(unknownBefore, secondAfter(clock.instant()));
                return true;
            }
        };
    }

    /**
     * Records that the answer at {@code address} is now the one whose ETag is {@code etag}, and says since when it has
     * been: no earlier than {@code changedAt} (the public catalog's last change) and, for an answer that differs from
     * the last one given there, no earlier than now.
     */
    synchronized Modified answer(String address, String etag, Instant changedAt) {
        Instant now = clock.instant();
        Instant changed = changedAt.truncatedTo(ChronoUnit.SECONDS);
        Seen last = byAddress.get(address);
        Instant since;
        if (last == null) {
            since = later(changed, unknownBefore);
        } else if (last.etag().equals(etag)) {
            since = later(changed, last.since());
        } else {
            since = later(later(changed, now.truncatedTo(ChronoUnit.SECONDS)), secondAfter(last.since()));
        }
        byAddress.put(address, new Seen(etag, since));
        return new Modified(since, now);
    }

    synchronized int size() {
        return byAddress.size();
    }

    private static Instant secondAfter(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
