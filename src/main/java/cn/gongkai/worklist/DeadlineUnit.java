package cn.gongkai.worklist;

public enum DeadlineUnit {
    /** Counted on the working-day calendar; recomputed when the calendar changes. */
    WORKING_DAYS,
    CALENDAR_DAYS,
    /** Clock hours (public-opinion response). */
    CLOCK_HOURS,
    /** A fixed date, e.g. the annual report's 31 March. */
    FIXED_DATE
}
