package cn.gongkai.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, for the classes that take a {@link Clock}. */
public final class MovingClock extends Clock {

    private volatile Instant now;

    public MovingClock(Instant start) {
        this.now = start;
    }

    public MovingClock(String start) {
        this(Instant.parse(start));
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
