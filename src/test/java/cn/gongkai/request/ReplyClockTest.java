package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.calendar.CalendarDay;
import cn.gongkai.calendar.DayKind;
import cn.gongkai.calendar.ShippedNotices;
import cn.gongkai.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reply clock on the real calendar (Regulations Art. 30–33; the bureau's 15 working days). */
class ReplyClockTest {

    static final WorkCalendar CAL = ShippedNotices.calendar();

    static ReplyClock received(LocalDate day) {
        return new ReplyClock(ReplyClock.effectiveReceivedOn(CAL, RequestChannel.ONLINE, day),
                ReplyClock.DEFAULT_ALLOWANCE, 0, 0, null);
    }

    @Test
    void aLetterSignedForOnASaturdayIsDueOnTheEleventhOfDecemberAndAnOnlineOneOnTheFourteenth() {
        LocalDate saturday = LocalDate.of(2026, 11, 21);
        LocalDate letter = ReplyClock.effectiveReceivedOn(CAL, RequestChannel.LETTER, saturday);
        assertThat(letter).isEqualTo(saturday);
        assertThat(new ReplyClock(letter, 15, 0, 0, null).due(CAL, saturday)).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(received(saturday).due(CAL, saturday)).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(ReplyClock.effectiveReceivedOn(CAL, RequestChannel.IN_PERSON, saturday)).isEqualTo(saturday);
        assertThat(ReplyClock.effectiveReceivedOn(CAL, RequestChannel.FAX, saturday))
                .isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(ReplyClock.effectiveReceivedOn(CAL, RequestChannel.EMAIL, saturday))
                .isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void overlappingConsultationsAreNotCountedOnceAndASilentOneOnlyUntilItsOwnDueDate() {
        LocalDate start = LocalDate.of(2025, 11, 3);
        // Two consultations overlapping 5–12 and 10–14 November: not counted 6, 7, 10, 11, 12, 13, 14 = 7 days.
        ReplyClock both = new ReplyClock(start, 15, 0, 0, null, List.of(
                new ReplyClock.Pause(LocalDate.of(2025, 11, 5), LocalDate.of(2025, 11, 12), LocalDate.of(2025, 11, 26)),
                new ReplyClock.Pause(LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 14),
                        LocalDate.of(2025, 11, 24))));
        assertThat(both.notCounted(CAL, LocalDate.of(2025, 12, 1))).isEqualTo(7);
        // Still unanswered, but its own due date (19 November) has passed: only 6–19 November stay uncounted.
        ReplyClock silent = new ReplyClock(start, 15, 0, 0, null, List.of(
                new ReplyClock.Pause(LocalDate.of(2025, 11, 5), null, LocalDate.of(2025, 11, 19))));
        assertThat(silent.notCounted(CAL, LocalDate.of(2025, 11, 12))).isEqualTo(5);
        assertThat(silent.notCounted(CAL, LocalDate.of(2025, 12, 10))).isEqualTo(10);
        assertThat(silent.notCounted(CAL, LocalDate.of(2025, 12, 20))).isEqualTo(10);
    }

    @Test
    void aRequestReceivedOnTheEveOfNationalDayIsDueOnTheTwentyEighthOfOctober() {
        assertThat(received(LocalDate.of(2025, 9, 30)).due(CAL, LocalDate.of(2025, 9, 30)))
                .isEqualTo(LocalDate.of(2025, 10, 28));
    }

    @Test
    void aRequestReceivedOnAHolidayCountsFromTheNextWorkingDay() {
        assertThat(ReplyClock.effectiveReceivedOn(CAL, RequestChannel.ONLINE, LocalDate.of(2025, 10, 3))).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(received(LocalDate.of(2025, 10, 3)).due(CAL, LocalDate.of(2025, 10, 9)))
                .isEqualTo(CAL.plusWorkingDays(LocalDate.of(2025, 10, 9), 15));
    }

    @Test
    void anAmendmentRestartsTheClockFromItsReceipt() {
        ReplyClock restarted = received(LocalDate.of(2025, 9, 30)).restartOn(LocalDate.of(2025, 10, 20));
        assertThat(restarted.due(CAL, LocalDate.of(2025, 10, 20))).isEqualTo(LocalDate.of(2025, 11, 10));
    }

    @Test
    void consultationDaysAreNotCounted() {
        ReplyClock clock = received(LocalDate.of(2025, 11, 3));
        LocalDate before = clock.due(CAL, LocalDate.of(2025, 11, 5));
        ReplyClock paused = clock.pause(LocalDate.of(2025, 11, 5));
        // While the consultation runs the due date moves day by day…
        assertThat(paused.due(CAL, LocalDate.of(2025, 11, 12))).isEqualTo(CAL.plusWorkingDays(before, 5));
        // …and once it ends the five working days stay added.
        ReplyClock resumed = paused.resume(CAL, LocalDate.of(2025, 11, 12));
        assertThat(resumed.pausedDays()).isEqualTo(5);
        assertThat(resumed.due(CAL, LocalDate.of(2025, 12, 1))).isEqualTo(CAL.plusWorkingDays(before, 5));
    }

    @Test
    void anApprovedExtensionAddsToTheDueDateButNotToTheOriginalDue() {
        ReplyClock extended = received(LocalDate.of(2025, 9, 30)).extend(15);
        assertThat(extended.originalDue(CAL, LocalDate.of(2025, 10, 9))).isEqualTo(LocalDate.of(2025, 10, 28));
        assertThat(extended.due(CAL, LocalDate.of(2025, 10, 9)))
                .isEqualTo(CAL.plusWorkingDays(LocalDate.of(2025, 9, 30), 30));
    }

    @Test
    void theAllowanceMayNotExceedTheRegulationsTwentyDaysNorTheExtensionTwenty() {
        assertThatThrownBy(() -> new ReplyClock(LocalDate.of(2025, 1, 2), 21, 0, 0, null))
                .hasMessageContaining("Art. 33");
        assertThatThrownBy(() -> received(LocalDate.of(2025, 9, 30)).extend(21))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAmendmentMayBeAskedOnlyWithinSevenWorkingDaysOfReceipt() {
        ReplyClock clock = received(LocalDate.of(2025, 11, 3));
        assertThat(clock.amendmentWindowOpen(CAL, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 12))).isTrue();
        assertThat(clock.amendmentWindowOpen(CAL, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 13))).isFalse();
    }

    @Test
    void aCalendarChangeMovesTheDueDateBecauseOnlyTheInputsAreKept() {
        ReplyClock clock = received(LocalDate.of(2026, 12, 1));
        LocalDate before = clock.due(CAL, LocalDate.of(2026, 12, 1));
        List<CalendarDay> days = new ArrayList<>(ShippedNotices.days());
        days.add(new CalendarDay(LocalDate.of(2026, 12, 8), DayKind.HOLIDAY, "测试"));
        WorkCalendar changed = WorkCalendar.of(days);
        assertThat(clock.due(changed, LocalDate.of(2026, 12, 1))).isEqualTo(CAL.plusWorkingDays(before, 1));
    }
}
