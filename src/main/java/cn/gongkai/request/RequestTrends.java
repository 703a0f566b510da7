package cn.gongkai.request;

import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Request figures for the dashboard (考评 三.5: replies within the statutory period), computed by SQL aggregates so
 * that they stay fast over a million requests. The on-time test reuses {@link ReplyClock}: rows are grouped by the
 * clock's inputs and the reply date, and each group's due date is derived once from the working-day calendar, so the
 * numbers equal {@link RequestStatistics} for the same period.
 */
@Service
public class RequestTrends {

    private final JdbcTemplate jdbc;
    private final WorkCalendarStore calendars;

    RequestTrends(JdbcTemplate jdbc, WorkCalendarStore calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /** Replies of one department: how many were replied, how many of them on or before their due date. */
    public record OnTime(long replied, long onTime) {

        public double rate() {
            return replied == 0 ? 0 : (double) onTime / replied;
        }

        OnTime add(OnTime other) {
            return new OnTime(replied + other.replied, onTime + other.onTime);
        }
    }

    /**
     * Replies dated {@code from}..{@code to} (both included) by the month of the reply date and the outcome's
     * category (the six groups of the annual report's table 三). Months without replies are absent.
     */
    @Transactional(readOnly = true)
    public Map<YearMonth, Map<Outcome.Category, Long>> repliesByMonth(Long agencyId, LocalDate from, LocalDate to) {
        Map<YearMonth, Map<Outcome.Category, Long>> result = new TreeMap<>();
        jdbc.query("""
                select date_trunc('month', replied_on)::date as month, outcome, count(*) as n
                from info_request
                where agency_id = ? and replied_on >= ? and replied_on <= ? and outcome is not null
                group by 1, 2""", rs -> {
            YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
            Outcome.Category category = Outcome.valueOf(rs.getString("outcome")).category();
            result.computeIfAbsent(month, m -> new EnumMap<>(Outcome.Category.class))
                    .merge(category, rs.getLong("n"), Long::sum);
        }, agencyId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /**
     * Per department (id), the requests received {@code from}..{@code to} that have been replied, and how many of
     * those were replied on or before the due date: the base of {@code /workbench/requests/statistics}.
     */
    @Transactional(readOnly = true)
    public Map<Long, OnTime> onTimeByDepartment(Long agencyId, LocalDate from, LocalDate to) {
        Map<Long, OnTime> result = new LinkedHashMap<>();
        // on_time is frozen when the request is answered or closed (InfoRequest.closeClock): a later calendar
        // change does not rewrite history.
        jdbc.query("""
                select department_id, count(*) as n, count(*) filter (where on_time) as in_time
                from info_request
                where agency_id = ? and received_on >= ? and received_on <= ? and department_id is not null
                  and outcome is not null and replied_on is not null
                group by department_id
                """, rs -> {
            result.merge(rs.getLong("department_id"), new OnTime(rs.getLong("n"), rs.getLong("in_time")),
                    OnTime::add);
        }, agencyId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }
}
