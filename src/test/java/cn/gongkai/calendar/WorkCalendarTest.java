package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic on the real calendar, built from every notice in {@code calendar/holidays-cn/}. */
class WorkCalendarTest {

    private final WorkCalendar calendar = ShippedNotices.calendar();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class TheShippedNotices {

        @Test
        void everyNoticeFrom2019To2026IsLoaded() {
            for (int year = 2019; year <= 2026; year++) {
                int y = year;
                assertThat(calendar.specialDays())
                        .as("holidays in %d", y)
                        .anyMatch(d -> d.date().getYear() == y && d.kind() == DayKind.HOLIDAY);
            }
        }

        @Test
        void aNoticeMayCarryThePreviousDecember() {
            // 2019.json: 元旦 2018-12-30..2019-01-01 off, Saturday 2018-12-29 worked.
            assertThat(calendar.day(date("2018-12-29")))
                    .isEqualTo(new CalendarDay(date("2018-12-29"), DayKind.ADJUSTED_WORKING_DAY, "元旦"));
            assertThat(calendar.kindOf(date("2018-12-31"))).isEqualTo(DayKind.HOLIDAY);
            // 2023.json: Saturday 2022-12-31 is part of 元旦.
            assertThat(calendar.kindOf(date("2022-12-31"))).isEqualTo(DayKind.HOLIDAY);
        }

        @Test
        void aYearWithoutANoticeFollowsTheWeekendRuleOnly() {
            // 2027.json is shipped empty: no notice published yet.
            assertThat(calendar.specialDays()).noneMatch(d -> d.date().getYear() == 2027);
            assertThat(calendar.kindOf(date("2027-10-01"))).isEqualTo(DayKind.WORKDAY);
            assertThat(calendar.kindOf(date("2027-10-02"))).isEqualTo(DayKind.WEEKEND);
        }

        @Test
        void aYearHasTheWorkingDaysTheStateCouncilArranged() {
            assertThat(calendar.workingDaysBetween(date("2023-12-31"), date("2024-12-31"))).isEqualTo(251);
            assertThat(calendar.workingDaysBetween(date("2024-12-31"), date("2025-12-31"))).isEqualTo(248);
            assertThat(calendar.workingDaysBetween(date("2025-12-31"), date("2026-12-31"))).isEqualTo(248);
        }
    }

    @Nested
    class KindsOfDay {

        @Test
        void aSaturdayWorkedAfterNationalDay2025IsAnAdjustedWorkingDayWithTheHolidaysName() {
            CalendarDay day = calendar.day(date("2025-10-11"));
            assertThat(day.kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
            assertThat(day.name()).isEqualTo("国庆节、中秋节");
            assertThat(day.workingDay()).isTrue();
            assertThat(calendar.isWorkingDay(date("2025-10-11"))).isTrue();
        }

        @Test
        void aStatutoryHolidayIsNotAWorkingDay() {
            CalendarDay day = calendar.day(date("2025-10-01"));
            assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY);
            assertThat(day.name()).isEqualTo("国庆节、中秋节");
            assertThat(calendar.isWorkingDay(date("2025-10-01"))).isFalse();
        }

        @Test
        void anOrdinaryWeekdayIsAWorkdayAndAnOrdinaryWeekendDayIsRestWithoutName() {
            assertThat(calendar.day(date("2025-10-17"))).isEqualTo(new CalendarDay(date("2025-10-17"), DayKind.WORKDAY, ""));
            assertThat(calendar.day(date("2025-10-18"))).isEqualTo(new CalendarDay(date("2025-10-18"), DayKind.WEEKEND, ""));
            assertThat(calendar.special(date("2025-10-18"))).isEmpty();
        }

        @Test
        void onlyHolidaysAndAdjustedWorkingDaysCanBeSpecial() {
            assertThatThrownBy(() -> WorkCalendar.of(List.of(new CalendarDay(date("2025-10-18"), DayKind.WEEKEND, "x"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WorkCalendar.of(List.of(new CalendarDay(date("2025-10-17"), DayKind.WORKDAY, "x"))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class PlusWorkingDays {

        @Test
        void anAdjustedWorkingSundayCounts() {
            // Friday 2025-09-26; Saturday 09-27 rest; Sunday 09-28 worked (调休上班).
            assertThat(calendar.plusWorkingDays(date("2025-09-26"), 1)).isEqualTo(date("2025-09-28"));
            assertThat(calendar.plusWorkingDays(date("2025-09-26"), 2)).isEqualTo(date("2025-09-29"));
        }

        @Test
        void theNationalDayHolidayIsSkipped() {
            assertThat(calendar.plusWorkingDays(date("2025-09-30"), 1)).isEqualTo(date("2025-10-09"));
        }

        @Test
        void fifteenWorkingDaysAcrossNationalDayIncludeTheWorkedSaturday() {
            assertThat(calendar.plusWorkingDays(date("2025-09-30"), 15)).isEqualTo(date("2025-10-28"));
        }

        @Test
        void theStartDayIsNeverCounted() {
            assertThat(calendar.plusWorkingDays(date("2025-09-29"), 1)).as("from a workday").isEqualTo(date("2025-09-30"));
            assertThat(calendar.plusWorkingDays(date("2025-09-28"), 1)).as("from an adjusted working day")
                    .isEqualTo(date("2025-09-29"));
            assertThat(calendar.plusWorkingDays(date("2025-09-27"), 1)).as("from a weekend").isEqualTo(date("2025-09-28"));
        }

        @Test
        void aStartOnAHolidayGivesTheFirstWorkingDayAfterTheHolidayForOneDay() {
            assertThat(calendar.plusWorkingDays(date("2025-10-01"), 1)).isEqualTo(date("2025-10-09"));
            assertThat(calendar.plusWorkingDays(date("2025-10-03"), 1)).isEqualTo(date("2025-10-09"));
            assertThat(calendar.plusWorkingDays(date("2025-10-08"), 1)).isEqualTo(date("2025-10-09"));
            assertThat(calendar.plusWorkingDays(date("2025-10-08"), 3)).as("Saturday 10-11 is worked")
                    .isEqualTo(date("2025-10-11"));
        }

        @Test
        void zeroWorkingDaysGivesTheStartDateWhateverItsKind() {
            assertThat(calendar.plusWorkingDays(date("2025-10-01"), 0)).isEqualTo(date("2025-10-01"));
            assertThat(calendar.plusWorkingDays(date("2025-10-18"), 0)).isEqualTo(date("2025-10-18"));
            assertThat(calendar.plusWorkingDays(date("2025-10-17"), 0)).isEqualTo(date("2025-10-17"));
        }

        @Test
        void theSpringFestival2026WindowIsBridgedByTwoWorkedSaturdays() {
            // 春节 2026: Saturday 02-14 worked, 02-15..02-23 off, Saturday 02-28 worked.
            assertThat(calendar.kindOf(date("2026-02-14"))).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
            for (LocalDate d = date("2026-02-15"); !d.isAfter(date("2026-02-23")); d = d.plusDays(1)) {
                assertThat(calendar.day(d)).as(d.toString())
                        .isEqualTo(new CalendarDay(d, DayKind.HOLIDAY, "春节"));
            }
            assertThat(calendar.kindOf(date("2026-02-28"))).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);

            assertThat(calendar.plusWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-14"));
            assertThat(calendar.plusWorkingDays(date("2026-02-13"), 2)).isEqualTo(date("2026-02-24"));
            assertThat(calendar.plusWorkingDays(date("2026-02-14"), 1)).isEqualTo(date("2026-02-24"));
            assertThat(calendar.plusWorkingDays(date("2026-02-18"), 1)).isEqualTo(date("2026-02-24"));
            assertThat(calendar.plusWorkingDays(date("2026-02-27"), 1)).isEqualTo(date("2026-02-28"));
            assertThat(calendar.plusWorkingDays(date("2026-02-28"), 1)).isEqualTo(date("2026-03-02"));
        }

        @Test
        void theNewYearArrangementCrossesTheYearBoundary() {
            // 2026.json: 01-01..01-03 off, Sunday 01-04 worked.
            assertThat(calendar.plusWorkingDays(date("2025-12-31"), 1)).isEqualTo(date("2026-01-04"));
            assertThat(calendar.plusWorkingDays(date("2025-12-31"), 2)).isEqualTo(date("2026-01-05"));
            // 2023.json: Saturday 2022-12-31 .. Monday 2023-01-02 off.
            assertThat(calendar.plusWorkingDays(date("2022-12-30"), 1)).isEqualTo(date("2023-01-03"));
            // 2019.json: Saturday 2018-12-29 worked, 12-30..01-01 off.
            assertThat(calendar.plusWorkingDays(date("2018-12-28"), 1)).isEqualTo(date("2018-12-29"));
            assertThat(calendar.plusWorkingDays(date("2018-12-28"), 2)).isEqualTo(date("2019-01-02"));
        }

        @Test
        void negativeWorkingDaysAreRefused() {
            assertThatThrownBy(() -> calendar.plusWorkingDays(date("2025-09-30"), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }

        @Test
        void datesOutside1990To2100AreRefused() {
            assertThat(WorkCalendar.inRange(date("1990-01-01"))).isTrue();
            assertThat(WorkCalendar.inRange(date("2100-12-31"))).isTrue();
            assertThat(WorkCalendar.inRange(date("1989-12-31"))).isFalse();
            assertThat(WorkCalendar.inRange(date("2101-01-01"))).isFalse();

            assertThat(calendar.plusWorkingDays(date("1990-01-01"), 1)).isEqualTo(date("1990-01-02"));
            assertThatThrownBy(() -> calendar.plusWorkingDays(date("1989-12-29"), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
            assertThatThrownBy(() -> calendar.plusWorkingDays(date("2101-01-03"), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
            assertThatThrownBy(() -> calendar.workingDaysBetween(date("1989-12-29"), date("2025-01-02")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.workingDaysBetween(date("2025-01-02"), date("2101-01-03")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void zeroWorkingDaysFromADateOutsideTheRangeIsRefusedToo() {
            assertThatThrownBy(() -> calendar.plusWorkingDays(date("1989-12-29"), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
            assertThatThrownBy(() -> calendar.plusWorkingDays(date("2101-01-03"), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
        }

        @Test
        void aResultBeyondTheLastCalendarDayIsRefused() {
            // Friday 2100-12-31 is the last day; nothing after it can be counted.
            assertThat(calendar.plusWorkingDays(date("2100-12-30"), 1)).isEqualTo(date("2100-12-31"));
            assertThatThrownBy(() -> calendar.plusWorkingDays(date("2100-12-31"), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
        }
    }

    @Nested
    class NextWorkingDayOnOrAfter {

        @Test
        void onAHolidayItIsTheFirstWorkingDayAfterTheHoliday() {
            assertThat(calendar.nextWorkingDayOnOrAfter(date("2025-10-01"))).isEqualTo(date("2025-10-09"));
            assertThat(calendar.nextWorkingDayOnOrAfter(date("2026-02-17"))).isEqualTo(date("2026-02-24"));
        }

        @Test
        void onAWorkingDayItIsThatDay() {
            assertThat(calendar.nextWorkingDayOnOrAfter(date("2025-10-17"))).isEqualTo(date("2025-10-17"));
            assertThat(calendar.nextWorkingDayOnOrAfter(date("2025-10-11"))).as("worked Saturday")
                    .isEqualTo(date("2025-10-11"));
        }

        @Test
        void onAnOrdinaryWeekendItIsTheFollowingMonday() {
            assertThat(calendar.nextWorkingDayOnOrAfter(date("2025-10-18"))).isEqualTo(date("2025-10-20"));
            assertThat(calendar.nextWorkingDayOnOrAfter(date("2025-10-19"))).isEqualTo(date("2025-10-20"));
        }

        @Test
        void outsideTheRangeItIsRefusedWhateverTheKindOfDay() {
            // 2101-01-03 is a Monday, 2101-01-01 a Saturday; both are outside the calendar.
            assertThatThrownBy(() -> calendar.nextWorkingDayOnOrAfter(date("2101-01-03")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.nextWorkingDayOnOrAfter(date("2101-01-01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WorkingDaysBetween {

        @Test
        void theStartIsNotCountedAndTheEndIs() {
            assertThat(calendar.workingDaysBetween(date("2025-10-16"), date("2025-10-17"))).isEqualTo(1);
            assertThat(calendar.workingDaysBetween(date("2025-10-17"), date("2025-10-17"))).isZero();
            assertThat(calendar.workingDaysBetween(date("2025-09-26"), date("2025-09-29"))).as("Sunday 09-28 worked")
                    .isEqualTo(2);
        }

        @Test
        void aWholeHolidayHasNoWorkingDays() {
            assertThat(calendar.workingDaysBetween(date("2025-09-30"), date("2025-10-08"))).isZero();
            assertThat(calendar.workingDaysBetween(date("2026-02-14"), date("2026-02-23"))).isZero();
        }

        @Test
        void itUndoesPlusWorkingDays() {
            assertThat(calendar.workingDaysBetween(date("2025-09-30"), date("2025-10-28"))).isEqualTo(15);
            assertThat(calendar.workingDaysBetween(date("2026-02-13"), date("2026-02-27"))).isEqualTo(5);
        }

        @Test
        void itIsNegativeWhenTheEndIsBeforeTheStart() {
            assertThat(calendar.workingDaysBetween(date("2025-10-28"), date("2025-09-30"))).isEqualTo(-15);
        }
    }

    @Nested
    class ClockHours {

        @Test
        void clockHoursAddAcrossWeekends() {
            // Friday 16:00 + 72 h = Monday 16:00: rest days count for clock-hour deadlines.
            assertThat(calendar.plusClockHours(LocalDateTime.of(2025, Month.OCTOBER, 17, 16, 0), 72))
                    .isEqualTo(LocalDateTime.of(2025, Month.OCTOBER, 20, 16, 0));
        }

        @Test
        void clockHoursAddAcrossHolidays() {
            assertThat(calendar.plusClockHours(LocalDateTime.of(2025, Month.SEPTEMBER, 30, 10, 30), 24))
                    .isEqualTo(LocalDateTime.of(2025, Month.OCTOBER, 1, 10, 30));
        }

        @Test
        void negativeClockHoursAreRefused() {
            assertThatThrownBy(() -> calendar.plusClockHours(LocalDateTime.of(2025, Month.OCTOBER, 17, 16, 0), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
