package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import cn.gongkai.support.MovingClock;
import org.junit.jupiter.api.Test;

/** The per-address search limit as a token bucket, on a clock the test moves. */
class SearchRateLimitTest {

    @Test
    void aMinutesSearchesAreAllowedThenOneMorePerSecondOfWaiting() {
        MovingClock clock = new MovingClock("2026-03-01T08:00:00Z");
        SearchRateLimit limit = new SearchRateLimit(clock, 60);
        for (int i = 0; i < 60; i++) {
            assertThat(limit.tryAcquire("10.0.0.9")).isTrue();
        }
        assertThat(limit.tryAcquire("10.0.0.9")).isFalse();
        assertThat(limit.tryAcquire("10.0.0.10")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.tryAcquire("10.0.0.9")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.9")).isFalse();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 60; i++) {
            assertThat(limit.tryAcquire("10.0.0.9")).isTrue();
        }
    }

    @Test
    void anIpv6NetworkCountsAsOneAddress() {
        SearchRateLimit limit = new SearchRateLimit(new MovingClock("2026-03-01T08:00:00Z"), 2);
        assertThat(limit.tryAcquire("2001:db8:1:2::1")).isTrue();
        assertThat(limit.tryAcquire("2001:db8:1:2::ffff")).isTrue();
        assertThat(limit.tryAcquire("2001:db8:1:2:abcd::7")).isFalse();
        assertThat(limit.tryAcquire("2001:db8:1:3::1")).isTrue();
    }

    @Test
    void zeroTurnsTheLimitOff() {
        SearchRateLimit limit = new SearchRateLimit(new MovingClock("2026-03-01T08:00:00Z"), 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(limit.tryAcquire("10.0.0.9")).isTrue();
        }
    }
}
