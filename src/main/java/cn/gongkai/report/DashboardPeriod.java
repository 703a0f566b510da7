package cn.gongkai.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's period: whole months {@code from}..{@code to}, both included. */
public record DashboardPeriod(YearMonth from, YearMonth to) {

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;
    /** Ten years of months still make a readable chart. */
    static final int MAX_MONTHS = 120;

    /** Bad input, as a message key that names the field. */
    static final class Invalid extends RuntimeException {
        Invalid(String key) {
            super(key);
        }
    }

    static DashboardPeriod year(int year) {
        return new DashboardPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    /**
     * From the form: months win when either is given, else the year, else {@code today}'s year.
     *
     * @throws Invalid naming the field that is wrong
     */
    static DashboardPeriod parse(String year, String from, String to, LocalDate today) {
        if (!blank(from) || !blank(to)) {
            YearMonth f = month(from, "dashboard.error.from");
            YearMonth t = month(to, "dashboard.error.to");
            if (t.isBefore(f)) {
                throw new Invalid("dashboard.error.order");
            }
            if (f.until(t, java.time.temporal.ChronoUnit.MONTHS) >= MAX_MONTHS) {
                throw new Invalid("dashboard.error.tooLong");
            }
            return new DashboardPeriod(f, t);
        }
        if (!blank(year)) {
            try {
                int y = Integer.parseInt(year.trim());
                if (y >= FIRST_YEAR && y <= LAST_YEAR) {
                    return year(y);
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new Invalid("dashboard.error.year");
        }
        return year(today.getYear());
    }

    private static YearMonth month(String value, String key) {
        if (blank(value)) {
            throw new Invalid(key);
        }
        try {
            YearMonth m = YearMonth.parse(value.trim());
            if (m.getYear() >= FIRST_YEAR && m.getYear() <= LAST_YEAR) {
                return m;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new Invalid(key);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    /** A calendar year, January to December. */
    public boolean isYear() {
        return from.getYear() == to.getYear() && from.getMonthValue() == 1 && to.getMonthValue() == 12;
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
