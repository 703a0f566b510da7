package cn.gongkai.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One date on the calendar, with its kind and, for holidays and adjusted days, the holiday's name. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
    }

    public boolean workingDay() {
        return kind.isWorking();
    }
}
