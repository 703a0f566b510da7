package cn.gongkai.bench;

import cn.gongkai.catalog.CatalogYearFigures;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.RequestYearFigures;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual report's SQL without the application around it, for {@link ReportBenchmark} and
 * {@link ReportDataGeneratorTest}:
 * <ul>
 * <li>the <em>bare aggregates</em>: the three statements of {@link RequestYearFigures} and {@link CatalogYearFigures},
 * copied here word for word with their parameters (the test checks that they give exactly what the application
 * computes, so a change there that is not copied here fails it);</li>
 * <li>the <em>plain counts</em>: one {@code select count(*) … group by} over the same rows per table, the least a
 * database must do to read them;</li>
 * <li>the <em>independent counts</em>: every cell of tables 二, 三 and 四 counted by its definition with a plain
 * {@code where}, one query per row of the tables, and the check 一 + 二 = （七）总计 + 四.</li>
 * </ul>
 */
final class ReportSql {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> COLUMNS = RequestYearFigures.APPLICANT_COLUMNS;

    // ---- the bare aggregates (copies) -------------------------------------------------------------------------------

    /** RequestYearFigures.applications. */
    static final String TABLE_3 = """
            select case when applicant_kind = 'PERSON' then 'PERSON'
                        else coalesce(organisation_kind, 'OTHER') end as col,
                   outcome,
                   count(*) filter (where received_on >= ?) as fresh,
                   count(*) filter (where received_on < ?) as carried_in,
                   count(*) filter (where replied_on is not null and replied_on <= ?) as handled,
                   count(*) filter (where replied_on is null or replied_on > ?) as carried_out
            from info_request
            where agency_id = ? and received_on <= ? and (replied_on is null or replied_on >= ?)
            group by 1, 2""";

    /** RequestYearFigures.challenges. */
    static final String TABLE_4 = """
            select c.kind, c.result, count(*) as n
            from request_challenge c join info_request r on r.id = c.request_id
            where r.agency_id = ? and c.filed_on between ? and ?
            group by 1, 2""";

    /** CatalogYearFigures.disclosures. */
    static final String TABLE_2 = """
            select genre,
                   count(*) filter (where created_on between ? and ? and state <> 'WITHDRAWN') as issued,
                   count(*) filter (where state = 'REPEALED' and state_changed_at >= ? and state_changed_at < ?)
                       as repealed,
                   count(*) filter (where created_on <= ? and not (state in ('REPEALED', 'WITHDRAWN')
                       and state_changed_at < ?)) as in_force
            from catalog_entry
            where agency_id = ? and genre in (?, ?, ?, ?, ?) and created_on <= ?
            group by genre""";

    static Object[] table3Args(long agencyId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return new Object[] {first, first, last, last, agencyId, last, first};
    }

    static Object[] table4Args(long agencyId, int year) {
        return new Object[] {agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
    }

    static Object[] table2Args(long agencyId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Timestamp start = start(year);
        Timestamp end = start(year + 1);
        return new Object[] {first, last, start, end, last, end, agencyId, CatalogYearFigures.RULES,
            CatalogYearFigures.NORMATIVE, CatalogYearFigures.LICENSING, CatalogYearFigures.PENALTY,
            CatalogYearFigures.COMPULSION, last};
    }

    private static Timestamp start(int year) {
        return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant());
    }

    /** The three bare aggregates, read into the report's cells (t2.…, t3.ROW.COLUMN, t4.KIND.RESULT). */
    static Map<String, Long> bare(JdbcTemplate jdbc, long agencyId, int year) {
        Map<String, Long> cells = new HashMap<>();
        jdbc.query(TABLE_3, rs -> {
            String col = COLUMNS.contains(rs.getString("col")) ? rs.getString("col") : "OTHER";
            cells.merge("t3.NEW." + col, rs.getLong("fresh"), Long::sum);
            cells.merge("t3.CARRIED_IN." + col, rs.getLong("carried_in"), Long::sum);
            if (rs.getString("outcome") != null) {
                cells.merge("t3." + rs.getString("outcome") + "." + col, rs.getLong("handled"), Long::sum);
            }
            cells.merge("t3.CARRIED_OUT." + col, rs.getLong("carried_out"), Long::sum);
        }, table3Args(agencyId, year));
        jdbc.query(TABLE_4, rs -> {
            cells.merge("t4." + rs.getString("kind") + "." + rs.getString("result"), rs.getLong("n"), Long::sum);
        }, table4Args(agencyId, year));
        jdbc.query(TABLE_2, rs -> {
            switch (rs.getString("genre")) {
                case CatalogYearFigures.RULES -> block(cells, "RULES", rs.getLong("issued"), rs.getLong("repealed"),
                        rs.getLong("in_force"));
                case CatalogYearFigures.NORMATIVE -> block(cells, "NORMATIVE", rs.getLong("issued"),
                        rs.getLong("repealed"), rs.getLong("in_force"));
                case CatalogYearFigures.LICENSING -> cells.put("t2.LICENSING", rs.getLong("issued"));
                case CatalogYearFigures.PENALTY -> cells.put("t2.PENALTY", rs.getLong("issued"));
                default -> cells.put("t2.COMPULSION", rs.getLong("issued"));
            }
        }, table2Args(agencyId, year));
        cells.values().removeIf(n -> n == 0);
        return cells;
    }

    private static void block(Map<String, Long> cells, String block, long issued, long repealed, long inForce) {
        cells.put("t2." + block + ".ISSUED", issued);
        cells.put("t2." + block + ".REPEALED", repealed);
        cells.put("t2." + block + ".IN_FORCE", inForce);
    }

    // ---- the plain counts ---------------------------------------------------------------------------------------

    static final String COUNT_REQUESTS = """
            select applicant_kind, organisation_kind, outcome, count(*)
            from info_request
            where agency_id = ? and received_on <= ? and (replied_on is null or replied_on >= ?)
            group by 1, 2, 3""";

    static final String COUNT_CHALLENGES = """
            select c.kind, c.result, count(*)
            from request_challenge c join info_request r on r.id = c.request_id
            where r.agency_id = ? and c.filed_on between ? and ?
            group by 1, 2""";

    static final String COUNT_CATALOG = """
            select genre, state, count(*)
            from catalog_entry
            where agency_id = ? and genre in (?, ?, ?, ?, ?) and created_on <= ?
            group by 1, 2""";

    /** The three plain counts; returns the number of rows counted. */
    static long plainCounts(JdbcTemplate jdbc, long agencyId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        long[] rows = new long[1];
        jdbc.query(COUNT_REQUESTS, rs -> {
            rows[0] += rs.getLong(4);
        }, agencyId, last, first);
        jdbc.query(COUNT_CHALLENGES, rs -> {
            rows[0] += rs.getLong(3);
        }, agencyId, first, last);
        jdbc.query(COUNT_CATALOG, rs -> {
            rows[0] += rs.getLong(3);
        }, agencyId, CatalogYearFigures.RULES, CatalogYearFigures.NORMATIVE, CatalogYearFigures.LICENSING,
                CatalogYearFigures.PENALTY, CatalogYearFigures.COMPULSION, last);
        return rows[0];
    }

    // ---- the independent counts ---------------------------------------------------------------------------------

    /**
     * Every cell counted from its definition (RequestYearFigures' and CatalogYearFigures' Javadoc): zero cells left
     * out, like {@link #bare}.
     */
    static Map<String, Long> independent(JdbcTemplate jdbc, long agencyId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<String, Long> cells = new HashMap<>();
        String column = "case when applicant_kind = 'PERSON' then 'PERSON' else organisation_kind end";
        // 一 new: received in the year.
        byColumn(jdbc, cells, "t3.NEW.", "select " + column + ", count(*) from info_request where agency_id = ? "
                + "and received_on >= ? and received_on <= ? group by 1", agencyId, first, last);
        // 二 carried in: received before the year, not answered on 1 January.
        byColumn(jdbc, cells, "t3.CARRIED_IN.", "select " + column + ", count(*) from info_request where agency_id = ? "
                + "and received_on < ? and (replied_on is null or replied_on >= ?) group by 1", agencyId, first, first);
        // 三 each outcome: answered (or closed) in the year.
        for (Outcome o : Outcome.values()) {
            byColumn(jdbc, cells, "t3." + o.name() + ".", "select " + column + ", count(*) from info_request "
                    + "where agency_id = ? and outcome = ? and replied_on >= ? and replied_on <= ? group by 1", agencyId,
                    o.name(), first, last);
        }
        // 四 carried out: received by 31 December, not answered by then.
        byColumn(jdbc, cells, "t3.CARRIED_OUT.", "select " + column + ", count(*) from info_request where agency_id = ? "
                + "and received_on <= ? and (replied_on is null or replied_on > ?) group by 1", agencyId, last, last);
        // Table 四: filed in the year, by kind and result.
        jdbc.query("select c.kind || '.' || c.result, count(*) from request_challenge c where c.filed_on >= ? "
                + "and c.filed_on <= ? and c.request_id in (select id from info_request where agency_id = ?) group by 1",
                rs -> {
                    cells.put("t4." + rs.getString(1), rs.getLong(2));
                }, first, last, agencyId);
        // Table 二.
        Timestamp start = start(year);
        Timestamp end = start(year + 1);
        for (String[] block : new String[][] {{"RULES", CatalogYearFigures.RULES},
            {"NORMATIVE", CatalogYearFigures.NORMATIVE}}) {
            count(jdbc, cells, "t2." + block[0] + ".ISSUED", "select count(*) from catalog_entry where agency_id = ? "
                    + "and genre = ? and created_on >= ? and created_on <= ? and state <> 'WITHDRAWN'", agencyId,
                    block[1], first, last);
            count(jdbc, cells, "t2." + block[0] + ".REPEALED", "select count(*) from catalog_entry where agency_id = ? "
                    + "and genre = ? and state = 'REPEALED' and state_changed_at >= ? and state_changed_at < ?",
                    agencyId, block[1], start, end);
            count(jdbc, cells, "t2." + block[0] + ".IN_FORCE", "select count(*) from catalog_entry where agency_id = ? "
                    + "and genre = ? and created_on <= ? and (state in ('PUBLISHED', 'FILED') or state_changed_at >= ?)",
                    agencyId, block[1], last, end);
        }
        for (String[] decision : new String[][] {{"LICENSING", CatalogYearFigures.LICENSING},
            {"PENALTY", CatalogYearFigures.PENALTY}, {"COMPULSION", CatalogYearFigures.COMPULSION}}) {
            count(jdbc, cells, "t2." + decision[0], "select count(*) from catalog_entry where agency_id = ? and genre = ? "
                    + "and created_on >= ? and created_on <= ? and state <> 'WITHDRAWN'", agencyId, decision[1], first,
                    last);
        }
        cells.values().removeIf(n -> n == 0);
        return cells;
    }

    private static void byColumn(JdbcTemplate jdbc, Map<String, Long> cells, String prefix, String sql,
            Object... args) {
        jdbc.query(sql, rs -> {
            cells.merge(prefix + rs.getString(1), rs.getLong(2), Long::sum);
        }, args);
    }

    private static void count(JdbcTemplate jdbc, Map<String, Long> cells, String cell, String sql, Object... args) {
        cells.put(cell, jdbc.queryForObject(sql, Long.class, args));
    }

    /** The application's computed figures as whole numbers, zero cells left out. */
    static Map<String, Long> nonZero(Map<String, BigDecimal> computed) {
        Map<String, Long> cells = new HashMap<>();
        computed.forEach((cell, v) -> {
            if (v != null && v.signum() != 0) {
                cells.put(cell, v.longValueExact());
            }
        });
        return cells;
    }

    // ---- the check of table 三 ----------------------------------------------------------------------------------

    /** 一 + 二 and （七）总计 + 四 of one column (or of 总计). */
    record Balance(String column, long received, long accounted) {

        boolean holds() {
            return received == accounted;
        }
    }

    /** The check in every applicant column and in 总计, from the report's cells (missing cells are zero). */
    static List<Balance> balances(Map<String, ? extends Number> cells) {
        List<Balance> result = new ArrayList<>();
        long receivedTotal = 0;
        long accountedTotal = 0;
        for (String c : COLUMNS) {
            long received = value(cells, "t3.NEW." + c) + value(cells, "t3.CARRIED_IN." + c);
            long accounted = handled(cells, c) + value(cells, "t3.CARRIED_OUT." + c);
            result.add(new Balance(c, received, accounted));
            receivedTotal += received;
            accountedTotal += accounted;
        }
        result.add(new Balance("TOTAL", receivedTotal, accountedTotal));
        return result;
    }

    /** （七）总计 of a column: the sum of every outcome. */
    static long handled(Map<String, ? extends Number> cells, String column) {
        long sum = 0;
        for (Outcome o : Outcome.values()) {
            sum += value(cells, "t3." + o.name() + "." + column);
        }
        return sum;
    }

    static long value(Map<String, ? extends Number> cells, String cell) {
        Number n = cells.get(cell);
        return n == null ? 0 : n.longValue();
    }

    private ReportSql() {
    }
}
