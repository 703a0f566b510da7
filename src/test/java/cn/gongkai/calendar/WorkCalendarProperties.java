package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of working-day arithmetic on the real calendar, over start dates 2019–2026 and 0–60 working days. */
class WorkCalendarProperties {

    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    private static final WorkCalendar WEEKENDS_ONLY = WorkCalendar.weekendsOnly();

    private final WorkCalendar calendar = ShippedNotices.calendar();

    /** Whether a date is worked, straight from the notices and the Monday-to-Friday rule (no {@link WorkCalendar}). */
    private static final Map<LocalDate, Boolean> WORKED_BY_NOTICE = new HashMap<>();

    static {
        ShippedNotices.days().forEach(d -> WORKED_BY_NOTICE.put(d.date(), d.kind() == DayKind.ADJUSTED_WORKING_DAY));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        long span = LAST.toEpochDay() - FIRST.toEpochDay();
        return Arbitraries.longs().between(0, span).map(FIRST::plusDays);
    }

    @Provide
    Arbitrary<LocalDate> weekdays() {
        return dates().filter(d -> d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue());
    }

    @Property
    void theResultIsAWorkingDay(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int n) {
        assertThat(calendar.isWorkingDay(calendar.plusWorkingDays(start, n))).isTrue();
    }

    @Property
    void theResultIsAfterTheStart(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int n) {
        assertThat(calendar.plusWorkingDays(start, n)).isAfter(start);
    }

    @Property
    void zeroWorkingDaysIsTheStartItself(@ForAll("dates") LocalDate start) {
        assertThat(calendar.plusWorkingDays(start, 0)).isEqualTo(start);
    }

    @Property
    void workingDaysBetweenTheStartAndTheResultIsN(@ForAll("dates") LocalDate start,
            @ForAll @IntRange(min = 0, max = 60) int n) {
        assertThat(calendar.workingDaysBetween(start, calendar.plusWorkingDays(start, n))).isEqualTo(n);
    }

    @Property
    void addingInTwoStepsIsAddingTheSum(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 0, max = 60) int a,
            @ForAll @IntRange(min = 0, max = 60) int b) {
        assertThat(calendar.plusWorkingDays(calendar.plusWorkingDays(start, a), b))
                .isEqualTo(calendar.plusWorkingDays(start, a + b));
    }

    @Property
    void moreWorkingDaysNeverGiveAnEarlierDate(@ForAll("dates") LocalDate start,
            @ForAll @IntRange(min = 0, max = 59) int n) {
        LocalDate result = calendar.plusWorkingDays(start, n);
        LocalDate oneMore = calendar.plusWorkingDays(start, n + 1);
        assertThat(oneMore).isAfter(result);
        assertThat(calendar.workingDaysBetween(result, oneMore)).isEqualTo(1);
    }

    @Property
    void itAgreesWithCountingDayByDay(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 0, max = 60) int n) {
        assertThat(calendar.plusWorkingDays(start, n)).isEqualTo(naivePlusWorkingDays(start, n));
    }

    @Property
    void workingDaysBetweenAgreesWithCountingDayByDay(@ForAll("dates") LocalDate from,
            @ForAll @IntRange(min = 0, max = 90) int days) {
        LocalDate to = from.plusDays(days);
        assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(naiveWorkingDaysBetween(from, to));
        assertThat(calendar.workingDaysBetween(to, from)).isEqualTo(-naiveWorkingDaysBetween(from, to));
    }

    @Property
    void nextWorkingDayOnOrAfterIsTheFirstWorkingDayFromTheDate(@ForAll("dates") LocalDate date) {
        LocalDate d = date;
        while (!naiveIsWorkingDay(d)) {
            d = d.plusDays(1);
        }
        assertThat(calendar.nextWorkingDayOnOrAfter(date)).isEqualTo(d);
    }

    @Property
    void withWeekendsOnlyFiveWorkingDaysFromAWeekdayIsOneWeekLater(@ForAll("weekdays") LocalDate weekday) {
        assertThat(WEEKENDS_ONLY.plusWorkingDays(weekday, 5)).isEqualTo(weekday.plusWeeks(1));
    }

    private static boolean naiveIsWorkingDay(LocalDate date) {
        Boolean worked = WORKED_BY_NOTICE.get(date);
        if (worked != null) {
            return worked;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static LocalDate naivePlusWorkingDays(LocalDate start, int n) {
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (naiveIsWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    private static int naiveWorkingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (naiveIsWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
