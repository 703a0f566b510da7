package cn.gongkai.worklist;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffMember;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open and overdue work (待办、督办) per department at a moment, for the dashboard, by one SQL aggregate. An item
 * owned by a department counts there; one owned by a person counts in that person's department; one owned by a role
 * of the whole agency (the office's intake, for instance) counts under {@link #AGENCY_WIDE}.
 */
@Service
public class WorkloadFigures {

    /** The key of work owned by a role of the whole agency rather than a department. */
    public static final long AGENCY_WIDE = 0L;

    private final JdbcTemplate jdbc;
    private final OrgDirectory org;

    WorkloadFigures(JdbcTemplate jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** Work items open at a moment, and how many of those were past due then (the red light). */
    public record Load(long open, long overdue) {

        Load add(Load other) {
            return new Load(open + other.open, overdue + other.overdue);
        }
    }

    /**
     * Per department id (or {@link #AGENCY_WIDE}), the items opened no later than {@code at} and not closed by then,
     * and of those the ones whose due time had come.
     */
    @Transactional(readOnly = true)
    public Map<Long, Load> byDepartment(Long agencyId, Instant at) {
        var moment = at.atOffset(ZoneOffset.UTC);
        Map<Long, Load> result = new LinkedHashMap<>();
        Map<Long, Long> departmentOfUser = new HashMap<>();
        jdbc.query("""
                select owner_department_id, case when owner_department_id is null then owner_user_id end as user_id,
                       count(*) as open, count(*) filter (where due_at <= ?) as overdue
                from work_item
                where agency_id = ? and opened_at <= ? and (closed_at is null or closed_at > ?)
                group by 1, 2""", rs -> {
            long department = rs.getLong("owner_department_id");
            if (rs.wasNull()) {
                long user = rs.getLong("user_id");
                department = rs.wasNull() ? AGENCY_WIDE : departmentOfUser.computeIfAbsent(user,
                        u -> org.member(u).map(StaffMember::departmentId).orElse(AGENCY_WIDE));
            }
            result.merge(department, new Load(rs.getLong("open"), rs.getLong("overdue")), Load::add);
        }, moment, agencyId, moment, moment);
        return result;
    }
}
