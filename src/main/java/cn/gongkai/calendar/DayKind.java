package cn.gongkai.calendar;

/** What kind of day a date is on the working-day calendar. */
public enum DayKind {
    WORKDAY(true),
    WEEKEND(false),
    HOLIDAY(false),
    /** 调休上班: a day the State Council's notice makes a working day (usually a weekend day). */
    ADJUSTED_WORKING_DAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean isWorking() {
        return working;
    }
}
