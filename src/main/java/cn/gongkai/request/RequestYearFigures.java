package cn.gongkai.request;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report's figures about requests, as SQL aggregates over the agency's records (one pass each, so that
 * they stay fast over millions of requests).
 *
 * <p>Table 三: a request is <em>new</em> in the year it was received; it is <em>carried over from last year</em> when
 * it was received before the year and not yet answered on 1 January; it is <em>handled</em> (counted under its
 * outcome) in the year of its reply, or of its closing without reply (no amendment, fee unpaid); it is <em>carried
 * over to next year</em> when it was received by 31 December and not answered by then. So row 一 + row 二 = row （七）
 * + row 四 holds for the records by construction; the report checks it again on the figures it shows, which may
 * include hand corrections.
 *
 * <p>Table 四: 行政复议 and 行政诉讼 filed in the year, by their result as recorded now.
 */
@Service
public class RequestYearFigures {

    /** Table 三's applicant columns (without 总计): 自然人, then 法人或其他组织's five sub-kinds. */
    public static final List<String> APPLICANT_COLUMNS = List.of("PERSON", "COMMERCIAL_ENTERPRISE",
            "RESEARCH_INSTITUTION", "PUBLIC_INTEREST_ORGANISATION", "LAW_SERVICE", "OTHER");

    /** Table 三's counted rows in order: 一, 二, every outcome of 三 (（一）…（六）), 四. */
    public static final List<String> ROWS = rows();

    /** Table 四's groups and results. */
    public static final List<String> CHALLENGE_KINDS = List.of("REVIEW", "LAWSUIT_DIRECT", "LAWSUIT_AFTER_REVIEW");
    public static final List<String> CHALLENGE_RESULTS = List.of("MAINTAINED", "CORRECTED", "OTHER", "PENDING");

    private final JdbcTemplate jdbc;

    RequestYearFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static List<String> rows() {
        List<String> rows = new java.util.ArrayList<>();
        rows.add("NEW");
        rows.add("CARRIED_IN");
        for (Outcome o : Outcome.values()) {
            rows.add(o.name());
        }
        rows.add("CARRIED_OUT");
        return List.copyOf(rows);
    }

    /** Table 三 for the year: row → applicant column → count (every row and column present, zeros included). */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Long>> applications(Long agencyId, int year) {
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        for (String row : ROWS) {
            Map<String, Long> cells = new LinkedHashMap<>();
            APPLICANT_COLUMNS.forEach(c -> cells.put(c, 0L));
            table.put(row, cells);
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        jdbc.query("""
                select case when applicant_kind = 'PERSON' then 'PERSON'
                            else coalesce(organisation_kind, 'OTHER') end as col,
                       outcome,
                       count(*) filter (where received_on >= ?) as fresh,
                       count(*) filter (where received_on < ?) as carried_in,
                       count(*) filter (where replied_on is not null and replied_on <= ?) as handled,
                       count(*) filter (where replied_on is null or replied_on > ?) as carried_out
                from info_request
                where agency_id = ? and received_on <= ? and (replied_on is null or replied_on >= ?)
                group by 1, 2""", rs -> {
            String col = rs.getString("col");
            String outcome = rs.getString("outcome");
            add(table, "NEW", col, rs.getLong("fresh"));
            add(table, "CARRIED_IN", col, rs.getLong("carried_in"));
            if (outcome != null) {
                add(table, outcome, col, rs.getLong("handled"));
            }
            add(table, "CARRIED_OUT", col, rs.getLong("carried_out"));
        }, first, first, last, last, agencyId, last, first);
        return table;
    }

    /** Table 四 for the year: {@code KIND.RESULT} → count, e.g. {@code REVIEW.MAINTAINED}. */
    @Transactional(readOnly = true)
    public Map<String, Long> challenges(Long agencyId, int year) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String kind : CHALLENGE_KINDS) {
            for (String result : CHALLENGE_RESULTS) {
                counts.put(kind + "." + result, 0L);
            }
        }
        jdbc.query("""
                select c.kind, c.result, count(*) as n
                from request_challenge c join info_request r on r.id = c.request_id
                where r.agency_id = ? and c.filed_on between ? and ?
                group by 1, 2""", rs -> {
            counts.merge(rs.getString("kind") + "." + rs.getString("result"), rs.getLong("n"), Long::sum);
        }, agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return counts;
    }

    private static void add(Map<String, Map<String, Long>> table, String row, String col, long n) {
        if (n != 0) {
            table.get(row).merge(APPLICANT_COLUMNS.contains(col) ? col : "OTHER", n, Long::sum);
        }
    }
}
