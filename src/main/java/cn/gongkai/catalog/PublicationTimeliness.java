package cn.gongkai.catalog;

import cn.gongkai.calendar.WorkCalendar;
import java.time.LocalDate;

/**
 * Whether an item was published within 20 working days of its formation (生成日期), worked out once, on the calendar
 * of the day it was first published. The result is fixed from then on: a later change to the calendar (a holiday
 * added inside the window) does not make a late item punctual or a punctual one late. {@code dueOn} is null when the
 * formation date lies outside the calendar (before 1990: decades late).
 */
record PublicationTimeliness(LocalDate dueOn, boolean onTime) {

    /** 主动公开制度 五: proactive information is published within 20 working days of its formation or change. */
    static final int WORKING_DAYS = 20;

    static PublicationTimeliness of(WorkCalendar calendar, LocalDate createdOn, LocalDate publishedOn) {
        if (!WorkCalendar.inRange(createdOn)) {
            return new PublicationTimeliness(null, false);
        }
        LocalDate due;
        try {
            due = calendar.plusWorkingDays(createdOn, WORKING_DAYS);
        } catch (IllegalArgumentException beyondTheCalendar) {
            return new PublicationTimeliness(null, true);
        }
        // 主动公开制度 五: published no later than the 20th working day after formation.
        return new PublicationTimeliness(due, !publishedOn.isAfter(due));
    }
}
