package cn.gongkai.calendar;

import java.time.LocalDate;

/**
 * A change to a day before today: past days are history (the deadlines counted on them were counted as the calendar
 * then stood), so an administrator can change only today and later.
 */
public class CalendarDayInPast extends InvalidCalendarImport {

    public static final String MESSAGE_KEY = "calendar.day.error.past";

    private final LocalDate date;

    public CalendarDayInPast(LocalDate date) {
        super(MESSAGE_KEY);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
