package cn.gongkai.worklist;

import cn.gongkai.calendar.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A deadline kept as its inputs, never as a cached date: the due date is derived from the calendar each time.
 * For working days the start date itself is not counted (Chinese practice).
 */
public record Deadline(DeadlineUnit unit, LocalDate start, int amount, Instant startAt) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Deadline {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (unit == DeadlineUnit.CLOCK_HOURS ? startAt == null : start == null) {
            throw new IllegalArgumentException("a " + unit + " deadline needs its start");
        }
    }

    public static Deadline workingDays(LocalDate start, int days) {
        return new Deadline(DeadlineUnit.WORKING_DAYS, start, days, null);
    }

    public static Deadline calendarDays(LocalDate start, int days) {
        return new Deadline(DeadlineUnit.CALENDAR_DAYS, start, days, null);
    }

    public static Deadline fixedDate(LocalDate date) {
        return new Deadline(DeadlineUnit.FIXED_DATE, date, 0, null);
    }

    public static Deadline clockHours(Instant startAt, int hours) {
        return new Deadline(DeadlineUnit.CLOCK_HOURS, null, hours, startAt);
    }

    /** The last day on which the work is on time. */
    public LocalDate dueOn(WorkCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(start, amount);
            case CALENDAR_DAYS -> start.plusDays(amount);
            case FIXED_DATE -> start;
            case CLOCK_HOURS -> dueAt().atZone(ZONE).toLocalDate();
        };
    }

    /** For clock-hour deadlines, the exact moment; otherwise the end of the due day. */
    public Instant dueAt(WorkCalendar calendar) {
        return unit == DeadlineUnit.CLOCK_HOURS ? dueAt()
                : dueOn(calendar).plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A due day as {@code 2026-10-08}, or a due moment as {@code 2026-10-03 00:30} in China time. */
    public static String label(LocalDate dueOn, Instant dueAt) {
        return dueAt == null ? String.valueOf(dueOn) : MINUTE.format(dueAt.atZone(ZONE));
    }

    private Instant dueAt() {
        return startAt.plusSeconds(3600L * amount);
    }
}
