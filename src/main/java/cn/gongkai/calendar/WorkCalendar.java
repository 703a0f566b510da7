package cn.gongkai.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The working-day calendar as plain, immutable arithmetic (no Spring).
 *
 * <p>Counting follows Chinese practice: the start date itself is never counted, so {@code plusWorkingDays(d, n)}
 * is the n-th working day after {@code d}, whatever kind of day {@code d} is. Days are precomputed for
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR} into a prefix count and an index of working days, so each addition is
 * two array reads.
 */
public final class WorkCalendar {

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;
    private static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);
    private static final long FIRST_EPOCH = FIRST.toEpochDay();

    private final Map<LocalDate, CalendarDay> specialDays;
    /** workingCount[i] = number of working days in [FIRST, FIRST + i]. */
    private final int[] workingCount;
    /** workingDayIndex[k] = offset from FIRST of the (k+1)-th working day. */
    private final int[] workingDayIndex;

    private WorkCalendar(Map<LocalDate, CalendarDay> specialDays) {
        this.specialDays = Map.copyOf(specialDays);
        int days = (int) (LAST.toEpochDay() - FIRST_EPOCH + 1);
        this.workingCount = new int[days];
        int[] index = new int[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            if (kindOf(FIRST.plusDays(i)).isWorking()) {
                index[count++] = i;
            }
            workingCount[i] = count;
        }
        this.workingDayIndex = java.util.Arrays.copyOf(index, count);
    }

    /** A calendar from the days that differ from the Monday-to-Friday rule (holidays and adjusted working days). */
    public static WorkCalendar of(Collection<CalendarDay> specialDays) {
        Map<LocalDate, CalendarDay> map = new HashMap<>();
        for (CalendarDay day : specialDays) {
            if (day.kind() != DayKind.HOLIDAY && day.kind() != DayKind.ADJUSTED_WORKING_DAY) {
                throw new IllegalArgumentException("only holidays and adjusted working days are special: " + day);
            }
            map.put(day.date(), day);
        }
        return new WorkCalendar(map);
    }

    /** Weekends only: no holidays, no adjusted days. */
    public static WorkCalendar weekendsOnly() {
        return of(java.util.List.of());
    }

    public DayKind kindOf(LocalDate date) {
        CalendarDay special = specialDays.get(date);
        if (special != null) {
            return special.kind();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    public CalendarDay day(LocalDate date) {
        CalendarDay special = specialDays.get(date);
        return special != null ? special : new CalendarDay(date, kindOf(date), "");
    }

    public boolean isWorkingDay(LocalDate date) {
        return kindOf(date).isWorking();
    }

    /** The n-th working day after {@code date} (n ≥ 0; the date itself is never counted; n = 0 gives the date). */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        int i = offset(date);
        if (n == 0) {
            return date;
        }
        int target = workingCount[i] + n;
        if (target > workingDayIndex.length) {
            throw new IllegalArgumentException("date outside the calendar's range: " + date + " + " + n);
        }
        return FIRST.plusDays(workingDayIndex[target - 1]);
    }

    /** Working days in (from, to]: the start is not counted, the end is. Negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return workingCount[offset(to)] - workingCount[offset(from)];
    }

    /** The first working day on or after {@code date}: a request received on a rest day counts from here. */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        return plusWorkingDays(date, isWorkingDay(date) ? 0 : 1);
    }

    /** Clock hours (public-opinion deadlines): not working days, so rest days count too. */
    public LocalDateTime plusClockHours(LocalDateTime start, long hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative: " + hours);
        }
        return start.plusHours(hours);
    }

    public Optional<CalendarDay> special(LocalDate date) {
        return Optional.ofNullable(specialDays.get(date));
    }

    public Collection<CalendarDay> specialDays() {
        return specialDays.values();
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    private static int offset(LocalDate date) {
        if (!inRange(date)) {
            throw new IllegalArgumentException("date outside the calendar's range " + FIRST_YEAR + "–" + LAST_YEAR + ": " + date);
        }
        return (int) (date.toEpochDay() - FIRST_EPOCH);
    }
}
