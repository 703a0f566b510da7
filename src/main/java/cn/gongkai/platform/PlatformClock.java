package cn.gongkai.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The application's clock: the system's, except on a thread that is replaying history. Replaying lets the system walk
 * records through their real transitions on past dates (demo mode's year of workflow data, tests of a whole year),
 * so that every rule that reads "today" (the 7-day amendment window, a lapsed amendment or fee notice) is checked
 * exactly as it was on that day. Nothing reachable from a web request replays.
 */
public final class PlatformClock extends Clock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    private final Clock system;

    public PlatformClock(Clock system) {
        this.system = Objects.requireNonNull(system, "system");
    }

    /** Runs the step with "now" at 10:00 Beijing time on the given day, on this thread only. */
    public static <T> T replayOn(LocalDate day, Supplier<T> step) {
        return replayAt(day.atTime(10, 0).atZone(CHINA).toInstant(), step);
    }

    /** Runs the step with "now" at the given moment, on this thread only (hour clocks, e.g. a 1-hour report). */
    public static <T> T replayAt(Instant moment, Supplier<T> step) {
        Instant previous = REPLAYED.get();
        REPLAYED.set(Objects.requireNonNull(moment, "moment"));
        try {
            return step.get();
        } finally {
            if (previous == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(previous);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant replayed = REPLAYED.get();
        return replayed != null ? replayed : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new PlatformClock(system.withZone(zone));
    }
}
