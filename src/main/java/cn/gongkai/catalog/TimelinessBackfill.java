package cn.gongkai.catalog;

import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills in the kept 20-working-day result ({@code publish_due_on}, {@code published_on_time}) of entries published
 * before V22 kept it: their first publication against their formation date, worked out once on the calendar as it
 * stands at this start (after the calendar is seeded) and never again. For an entry already at a later version the
 * formation date is the one it carries now (earlier versions' formation dates were not kept). Runs at every start and
 * finds nothing to do once filled; safe on several nodes at once (a row is only written while still empty).
 */
@Component
@Order(-5)
class TimelinessBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TimelinessBackfill.class);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WorkCalendarStore calendars;

    TimelinessBackfill(JdbcTemplate jdbc, TransactionTemplate tx, WorkCalendarStore calendars) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.calendars = calendars;
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = fill();
        if (filled > 0) {
            log.info("Kept the 20-working-day publication result of {} catalog entries published before V22", filled);
        }
    }

    /** Fills every entry still without a result; returns how many. */
    int fill() {
        WorkCalendar calendar = calendars.current();
        int total = 0;
        int filled;
        do {
            filled = tx.execute(s -> fillBatch(calendar));
            total += filled;
        } while (filled == BATCH);
        return total;
    }

    private int fillBatch(WorkCalendar calendar) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("""
                select e.id, e.created_on,
                       (coalesce((select min(v.published_at) from catalog_version v where v.entry_id = e.id),
                                 e.published_at) at time zone 'Asia/Shanghai')::date as first_on
                from catalog_entry e
                where e.published_on_time is null
                order by e.id
                limit ?""", rs -> {
            PublicationTimeliness t = PublicationTimeliness.of(calendar, rs.getDate("created_on").toLocalDate(),
                    rs.getDate("first_on").toLocalDate());
            rows.add(new Object[] {t.dueOn() == null ? null : java.sql.Date.valueOf(t.dueOn()), t.onTime(),
                rs.getLong("id")});
        }, BATCH);
        jdbc.batchUpdate("update catalog_entry set publish_due_on = ?, published_on_time = ? "
                + "where id = ? and published_on_time is null", rows);
        return rows.size();
    }
}
