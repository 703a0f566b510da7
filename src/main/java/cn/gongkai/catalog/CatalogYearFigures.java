package cn.gongkai.catalog;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report's figures from the catalog (table 二 and the facts offered for section 一), as SQL aggregates.
 *
 * <p>For 规章 and 行政规范性文件 (体裁): <em>issued</em> (本年制发) are the entries formed in the year (生成日期), withdrawn
 * ones excepted; <em>repealed</em> (本年废止) are those repealed in the year; <em>in force</em> (现行有效) are those
 * formed by 31 December and neither repealed nor withdrawn by then. Decisions of 行政许可, 行政处罚 and 行政强制 count
 * one per catalogued decision formed in the year.
 */
@Service
public class CatalogYearFigures {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The genres of table 二's first block, in the template's order, and the decision genres of blocks (五), (六). */
    public static final String RULES = "规章";
    public static final String NORMATIVE = "行政规范性文件";
    public static final String LICENSING = "行政许可";
    public static final String PENALTY = "行政处罚";
    public static final String COMPULSION = "行政强制";

    private final JdbcTemplate jdbc;

    CatalogYearFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Table 二's computed cells: {@code RULES.ISSUED}, {@code RULES.REPEALED}, {@code RULES.IN_FORCE}, the same for
     * {@code NORMATIVE}, and {@code LICENSING}, {@code PENALTY}, {@code COMPULSION} decisions.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> disclosures(Long agencyId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Timestamp start = Timestamp.from(first.atStartOfDay(CHINA).toInstant());
        Timestamp end = Timestamp.from(last.plusDays(1).atStartOfDay(CHINA).toInstant());
        Map<String, Long> cells = new LinkedHashMap<>();
        for (String block : new String[] {"RULES", "NORMATIVE"}) {
            cells.put(block + ".ISSUED", 0L);
            cells.put(block + ".REPEALED", 0L);
            cells.put(block + ".IN_FORCE", 0L);
        }
        cells.put("LICENSING", 0L);
        cells.put("PENALTY", 0L);
        cells.put("COMPULSION", 0L);
        jdbc.query("""
                select genre,
                       count(*) filter (where created_on between ? and ? and state <> 'WITHDRAWN') as issued,
                       count(*) filter (where state = 'REPEALED' and state_changed_at >= ? and state_changed_at < ?)
                           as repealed,
                       count(*) filter (where created_on <= ? and not (state in ('REPEALED', 'WITHDRAWN')
                           and state_changed_at < ?)) as in_force
                from catalog_entry
                where agency_id = ? and genre in (?, ?, ?, ?, ?) and created_on <= ?
                group by genre""", rs -> {
            String genre = rs.getString("genre");
            switch (genre) {
                case RULES, NORMATIVE -> {
                    String block = RULES.equals(genre) ? "RULES" : "NORMATIVE";
                    cells.put(block + ".ISSUED", rs.getLong("issued"));
                    cells.put(block + ".REPEALED", rs.getLong("repealed"));
                    cells.put(block + ".IN_FORCE", rs.getLong("in_force"));
                }
                case LICENSING -> cells.put("LICENSING", rs.getLong("issued"));
                case PENALTY -> cells.put("PENALTY", rs.getLong("issued"));
                default -> cells.put("COMPULSION", rs.getLong("issued"));
            }
        }, first, last, start, end, last, end, agencyId, RULES, NORMATIVE, LICENSING, PENALTY, COMPULSION, last);
        return cells;
    }

    /** What the catalog knows about the year, for section 一: published entries, by channel, and filings made. */
    public record YearFacts(long published, long filedNotPublic, Map<String, Long> byChannel, long filings,
            long withdrawn, long repealed) {
    }

    @Transactional(readOnly = true)
    public YearFacts facts(Long agencyId, int year) {
        Timestamp start = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant());
        Timestamp end = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant());
        long[] counts = new long[4];
        Map<String, Long> byChannel = new TreeMap<>();
        jdbc.query("""
                select state, channels, count(*) as n from catalog_entry
                where agency_id = ? and published_at >= ? and published_at < ?
                group by 1, 2""", rs -> {
            long n = rs.getLong("n");
            String state = rs.getString("state");
            if ("FILED".equals(state)) {
                counts[1] += n;
            } else {
                counts[0] += n;
                for (String channel : rs.getString("channels").split(",")) {
                    if (!channel.isBlank()) {
                        byChannel.merge(channel.strip(), n, Long::sum);
                    }
                }
            }
        }, agencyId, start, end);
        jdbc.query("""
                select state, count(*) as n from catalog_entry
                where agency_id = ? and state in ('WITHDRAWN', 'REPEALED')
                  and state_changed_at >= ? and state_changed_at < ?
                group by 1""", rs -> {
            counts["WITHDRAWN".equals(rs.getString("state")) ? 2 : 3] += rs.getLong("n");
        }, agencyId, start, end);
        Long filings = jdbc.queryForObject(
                "select count(*) from filing where agency_id = ? and filed_on between ? and ?", Long.class, agencyId,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return new YearFacts(counts[0], counts[1], byChannel, filings == null ? 0 : filings, counts[2], counts[3]);
    }
}
