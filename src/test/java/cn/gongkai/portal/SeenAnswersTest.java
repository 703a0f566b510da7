package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import cn.gongkai.support.MovingClock;
import org.junit.jupiter.api.Test;

/**
 * Last-Modified of public answers: it moves whenever an answer changes, by at least a whole second (HTTP dates have no
 * fractions), so that If-Modified-Since can never confirm an answer that changed; it is never in the future.
 */
class SeenAnswersTest {

    static final Instant START = Instant.parse("2026-03-02T08:00:00.400Z");
    static final Instant CATALOG = Instant.parse("2026-03-01T09:30:15.250Z");

    final MovingClock clock = new MovingClock(START);
    final SeenAnswers seen = new SeenAnswers(clock, 3);

    @Test
    void anAnswerFirstSeenAfterAStartIsDatedAfterTheStartNotEarlier() {
        clock.advance(Duration.ofMinutes(5));
        SeenAnswers.Modified m = seen.answer("/", "a", CATALOG);
        assertThat(m.header()).isEqualTo(Instant.parse("2026-03-02T08:00:01Z"));
        assertThat(m.unchangedSince(Instant.parse("2026-03-02T08:00:00Z"))).as("a date given before the start")
                .isFalse();
        assertThat(m.unchangedSince(m.header())).isTrue();
    }

    @Test
    void theSameAnswerKeepsItsDateUntilTheCatalogChanges() {
        clock.advance(Duration.ofMinutes(5));
        Instant first = seen.answer("/", "a", CATALOG).header();
        clock.advance(Duration.ofMinutes(5));
        assertThat(seen.answer("/", "a", CATALOG).header()).isEqualTo(first);
        Instant published = clock.instant().minusSeconds(30);
        SeenAnswers.Modified m = seen.answer("/", "a", published);
        assertThat(m.header()).isEqualTo(published.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(m.unchangedSince(first)).isFalse();
    }

    @Test
    void aChangedAnswerIsDatedAtLeastASecondLaterEvenWithinTheSameSecondAndNeverInTheFuture() {
        clock.advance(Duration.ofMinutes(5).plusMillis(100));
        SeenAnswers.Modified first = seen.answer("/", "a", CATALOG);
        clock.advance(Duration.ofMillis(200)); // still the same second
        SeenAnswers.Modified second = seen.answer("/", "b", CATALOG);
        assertThat(second.unchangedSince(first.header())).isFalse();
        assertThat(second.header()).isBeforeOrEqualTo(clock.instant());
        clock.advance(Duration.ofMillis(100));
        SeenAnswers.Modified third = seen.answer("/", "a", CATALOG);
        assertThat(third.unchangedSince(second.header())).isFalse();
        assertThat(third.unchangedSince(first.header())).as("back to the first answer, still later than it")
                .isFalse();
        clock.advance(Duration.ofSeconds(5));
        SeenAnswers.Modified settled = seen.answer("/", "a", CATALOG);
        assertThat(settled.header()).isAfter(second.header());
        assertThat(settled.unchangedSince(settled.header())).isTrue();
    }

    @Test
    void aDateInTheFutureConfirmsNothing() {
        clock.advance(Duration.ofMinutes(5));
        SeenAnswers.Modified m = seen.answer("/", "a", CATALOG);
        assertThat(m.unchangedSince(clock.instant().plusSeconds(60))).isFalse();
    }

    @Test
    void anAddressForgottenForRoomIsDatedAfterTheForgettingWhenItComesBack() {
        clock.advance(Duration.ofMinutes(5));
        Instant before = seen.answer("/a", "x", CATALOG).header();
        clock.advance(Duration.ofMinutes(1));
        seen.answer("/b", "x", CATALOG);
        seen.answer("/c", "x", CATALOG);
        seen.answer("/d", "x", CATALOG); // the fourth address: /a is forgotten
        assertThat(seen.size()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        SeenAnswers.Modified back = seen.answer("/a", "y", CATALOG);
        assertThat(back.unchangedSince(before)).isFalse();
        assertThat(back.header()).isAfter(before);
    }
}
