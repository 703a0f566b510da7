package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import cn.gongkai.support.MovingClock;
import org.junit.jupiter.api.Test;

/** The portal form's protection against scripts, without any outside service. */
class IntakeGuardTest {

    /** Spent tokens in a map, as the table keeps them. */
    static class SpentInMemory implements IntakeGuard.SpentTokens {
        final Map<String, Instant> spent = new ConcurrentHashMap<>();

        @Override
        public boolean spend(String tokenHash, Instant at) {
            return spent.putIfAbsent(tokenHash, at) == null;
        }

        @Override
        public void forgetBefore(Instant instant) {
            spent.values().removeIf(at -> at.isBefore(instant));
        }
    }

    static IntakeGuard guard(Clock clock, int perHour, long minimumSeconds) {
        return new IntakeGuard(clock, new SpentInMemory(), perHour, minimumSeconds);
    }

    @Test
    void aFilledHiddenFieldAForgedTokenOrAnInstantSubmissionIsRefused() {
        MovingClock clock = new MovingClock("2026-11-25T02:00:00Z");
        IntakeGuard guard = guard(clock, 10, 3);
        String token = guard.issue();
        assertThat(guard.check("1.2.3.4", token, "http://spam")).isEqualTo("request.guard.script");
        assertThat(guard.check("1.2.3.4", token.substring(0, token.length() - 2) + "xx", null))
                .isEqualTo("request.guard.token");
        assertThat(guard.check("1.2.3.4", token, null)).isEqualTo("request.guard.tooFast");
        clock.advance(Duration.ofSeconds(5));
        assertThat(guard.check("1.2.3.4", token, null)).isNull();
        clock.advance(Duration.ofSeconds(86_400));
        assertThat(guard.check("1.2.3.4", token, null)).isEqualTo("request.guard.token");
    }

    @Test
    void oneAddressMaySubmitOnlyTheConfiguredNumberOfTimesPerHour() {
        MovingClock clock = new MovingClock("2026-11-25T02:00:00Z");
        IntakeGuard guard = guard(clock, 3, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check("5.6.7.8", guard.issue(), null)).isNull();
        }
        assertThat(guard.check("5.6.7.8", guard.issue(), null)).isEqualTo("request.guard.rateLimited");
        assertThat(guard.check("9.9.9.9", guard.issue(), null)).isNull();
        clock.advance(Duration.ofSeconds(3_601));
        assertThat(guard.check("5.6.7.8", guard.issue(), null)).isNull();
    }

    @Test
    void aFormTokenIsSpentOnceAndForgottenOnlyAfterItsDayIsOver() {
        MovingClock clock = new MovingClock("2026-11-25T02:00:00Z");
        SpentInMemory spent = new SpentInMemory();
        IntakeGuard guard = new IntakeGuard(clock, spent, 10, 0);
        String token = guard.issue();
        assertThat(guard.check("1.2.3.4", token, null)).isNull();
        assertThat(guard.spend(token)).isTrue();
        assertThat(guard.spend(token)).isFalse();
        clock.advance(Duration.ofSeconds(86_000));
        guard.check("1.2.3.4", guard.issue(), null);
        assertThat(guard.spend(token)).isFalse();
        clock.advance(Duration.ofSeconds(1_000));
        guard.check("1.2.3.4", guard.issue(), null);
        assertThat(spent.spent).isEmpty();
        assertThat(guard.check("1.2.3.4", token, null)).isEqualTo("request.guard.token");
    }

    @Test
    void twoFormsOpenedInTheSameMillisecondCarryDifferentTokens() {
        IntakeGuard guard = guard(new MovingClock("2026-11-25T02:00:00Z"), 10, 0);
        assertThat(guard.issue()).isNotEqualTo(guard.issue());
    }
}
