package cn.gongkai.catalog;

import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog figures for the dashboard, computed by SQL aggregates: proactive items (主动公开) counted by the day of
 * their first publication, whatever happened to them since (a new version, withdrawal or repeal does not move it).
 */
@Service
public class CatalogTrends {

    /** 主动公开制度 五: proactive information is published within 20 working days of its formation or change. */
    public static final int PUBLICATION_WORKING_DAYS = PublicationTimeliness.WORKING_DAYS;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Before any publication: the growth counts everything published before the period too. */
    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    /**
     * Every proactive entry of an agency whose first publication falls in [?, ?), with that instant. An entry still at
     * version 1 was published once, so its {@code published_at} is the first (and the planner can estimate the range
     * from the column's statistics); a later version replaced it, so the first is the earliest version's. Parameters:
     * agency, from, until, agency, from, until.
     */
    private static final String FIRST_PUBLICATIONS = """
            select e.department_id, e.created_on, e.published_on_time, e.published_at as first_at
            from catalog_entry e
            where e.agency_id = ? and e.attribute = 'PROACTIVE' and e.version = 1
              and e.published_at >= ? and e.published_at < ?
            union all
            select e.department_id, e.created_on, e.published_on_time, v.first_at
            from catalog_entry e
            cross join lateral (select min(published_at) as first_at from catalog_version where entry_id = e.id) v
            where e.agency_id = ? and e.attribute = 'PROACTIVE' and e.version > 1
              and v.first_at >= ? and v.first_at < ?""";

    private final JdbcTemplate jdbc;
    private final WorkCalendarStore calendars;

    CatalogTrends(JdbcTemplate jdbc, WorkCalendarStore calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /** Growth of the public catalog: items first published before the period, and per month within it. */
    public record Growth(long before, Map<YearMonth, Long> byMonth) {

        /** Items published up to the end of {@code month}. */
        public long cumulative(YearMonth month) {
            return before + byMonth.entrySet().stream().filter(e -> !e.getKey().isAfter(month))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** Proactive items of one department first published in the period, and how many within 20 working days. */
    public record Timeliness(long published, long inTime) {

        public double rate() {
            return published == 0 ? 0 : (double) inTime / published;
        }

        Timeliness add(Timeliness other) {
            return new Timeliness(published + other.published, inTime + other.inTime);
        }
    }

    /** Proactive items first published {@code from}..{@code to} (days in China), per month, and all before. */
    @Transactional(readOnly = true)
    public Growth growth(Long agencyId, LocalDate from, LocalDate to) {
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        long[] before = {0};
        OffsetDateTime start = start(from);
        jdbc.query("""
                select case when first_at < ? then null
                            else date_trunc('month', first_at at time zone 'Asia/Shanghai')::date end as month,
                       count(*) as n
                from (%s) f
                group by 1""".formatted(FIRST_PUBLICATIONS), rs -> {
            java.sql.Date month = rs.getDate("month");
            if (month == null) {
                before[0] = rs.getLong("n");
            } else {
                byMonth.put(YearMonth.from(month.toLocalDate()), rs.getLong("n"));
            }
        }, start, agencyId, EPOCH, start(to.plusDays(1)), agencyId, EPOCH, start(to.plusDays(1)));
        return new Growth(before[0], byMonth);
    }

    /**
     * Per department (id), the proactive items first published {@code from}..{@code to}, and how many of them no
     * later than 20 working days after their date of formation (生成日期). The result is the one kept at the first
     * publication ({@code catalog_entry.published_on_time}), so a later calendar change does not move it. An entry
     * whose result is not filled in yet (published before it was kept; the start-up backfill fills it) is worked out
     * on the current calendar, grouped by its date pair so the calendar is asked once per pair, not once per item.
     */
    @Transactional(readOnly = true)
    public Map<Long, Timeliness> timelinessByDepartment(Long agencyId, LocalDate from, LocalDate to) {
        WorkCalendar calendar = calendars.current();
        Map<Long, Timeliness> result = new LinkedHashMap<>();
        // At most departments × formation days × publication days groups: let them be hashed in memory, not sorted
        // on disk (the default 4 MB is too small for the planner's estimate over a million entries).
        jdbc.execute("set local work_mem = '64MB'");
        jdbc.query("""
                select department_id, published_on_time,
                       case when published_on_time is null then created_on end as created_on,
                       case when published_on_time is null
                            then (first_at at time zone 'Asia/Shanghai')::date end as first_on,
                       count(*) as n
                from (%s) f
                group by 1, 2, 3, 4""".formatted(FIRST_PUBLICATIONS), rs -> {
            boolean inTime = rs.getObject("published_on_time") != null ? rs.getBoolean("published_on_time")
                    : PublicationTimeliness.of(calendar, rs.getDate("created_on").toLocalDate(),
                            rs.getDate("first_on").toLocalDate()).onTime();
            long n = rs.getLong("n");
            result.merge(rs.getLong("department_id"), new Timeliness(n, inTime ? n : 0), Timeliness::add);
        }, agencyId, start(from), start(to.plusDays(1)), agencyId, start(from), start(to.plusDays(1)));
        return result;
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }
}
