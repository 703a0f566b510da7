package cn.gongkai.calendar;

/** What kind of day a date is on the working-day calendar. */
public enum DayKind {
    WORKDAY(true),
    WEEKEND(false),
    HOLIDAY(false),
    /** 调休上班: a weekend day made a working day by the State Council's notice. */
    ADJUSTED_WORKING_DAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean isWorking() {
        return working;
    }
}
