package cn.gongkai.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The search a typical government CMS runs instead of a search engine: the same public filter as the catalog's
 * (agency, published or repealed, proactive) and the same topic, department and year filters, every word as
 * {@code like '%word%'} over title, document number, summary and body, the newest 20 first, and a {@code count(*)}
 * for the total. A phrase in quotes is one pattern; words are not analysed, so a word matches where it occurs as
 * characters, whatever the segmentation. The same statements run on the application's database (no index can help a
 * pattern that starts with {@code %}) and on a copy with pg_trgm GIN indexes ({@link TrigramDatabase}). A small pool,
 * one connection per client.
 */
final class SqlSearch implements AutoCloseable {

    record Page(long total, List<String> indexNumbers) {
    }

    private static final String PUBLIC = "agency_id = ? and state in ('PUBLISHED', 'REPEALED') "
            + "and attribute = 'PROACTIVE'";
    private static final String WORD = " and (title like ? or document_number like ? or summary like ? or body like ?)";

    private final HikariDataSource pool;
    private final long agencyId;
    private final Map<String, Long> departments;

    SqlSearch(String name, String jdbcUrl, String user, String password, int connections, long agencyId,
            Map<String, Long> departments) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setReadOnly(true);
        this.pool = new HikariDataSource(config);
        this.agencyId = agencyId;
        this.departments = departments;
    }

    /** The words of the query as LIKE patterns: whitespace separates words, quotes only mark a phrase. */
    static List<String> patterns(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.replace("\"", " ").strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add("%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return out;
    }

    /** The where clause of a search and its arguments. */
    private record Where(String sql, List<Object> args) {
    }

    private Where where(BenchQuery q) {
        StringBuilder where = new StringBuilder(PUBLIC);
        List<Object> args = new ArrayList<>();
        args.add(agencyId);
        if (q.topic() != null) {
            where.append(" and topic = ?");
            args.add(q.topic());
        }
        if (q.department() != null) {
            where.append(" and department_id = ?");
            args.add(departments.get(q.department()));
        }
        if (q.year() != null) {
            where.append(" and published_year = ?");
            args.add(q.year());
        }
        for (String p : patterns(q.text())) {
            where.append(WORD);
            for (int i = 0; i < 4; i++) {
                args.add(p);
            }
        }
        return new Where(where.toString(), args);
    }

    Page search(BenchQuery q) throws SQLException {
        Where where = where(q);
        try (Connection c = pool.getConnection()) {
            List<String> numbers = new ArrayList<>(RawLucene.PAGE_SIZE);
            try (PreparedStatement ps = c.prepareStatement("select index_number from catalog_entry where "
                    + where.sql() + " order by published_at desc limit " + RawLucene.PAGE_SIZE)) {
                bind(ps, where.args());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        numbers.add(rs.getString(1));
                    }
                }
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from catalog_entry where " + where.sql())) {
                bind(ps, where.args());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new Page(total, numbers);
        }
    }

    /** PostgreSQL's plan for the count of a search (EXPLAIN without running it). */
    List<String> plan(BenchQuery q) throws SQLException {
        Where where = where(q);
        List<String> lines = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("explain (costs off) select count(*) from catalog_entry "
                        + "where " + where.sql())) {
            bind(ps, where.args());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        ps.setQueryTimeout(300);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
