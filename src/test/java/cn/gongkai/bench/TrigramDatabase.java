package cn.gongkai.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A second database in the benchmark's embedded PostgreSQL cluster with pg_trgm GIN indexes over the catalog's
 * searchable text, for the trigram baseline. The application's database is created with the C locale, in which pg_trgm
 * counts only ASCII letters and digits as word characters and so ignores Chinese text entirely; this one is created
 * with a UTF-8 ctype ({@code C.UTF-8}), checked with {@code show_trgm('安全生产')}. It holds a copy of
 * {@code catalog_entry}'s searchable and filtered columns (copied with COPY through the benchmark), the same
 * public-list index as the application's table, and a GIN {@code gin_trgm_ops} index on each of title, document
 * number, summary and body. Created and indexed as the superuser of the benchmark's own throw-away cluster (its
 * password is in the cluster's credentials file), queried as the application's role.
 */
final class TrigramDatabase {

    static final String NAME = "gongkai_trgm";
    private static final String COLUMNS = "id, agency_id, index_number, title, document_number, summary, body, topic, "
            + "department_id, published_year, published_at, state, attribute";

    /** What was set up and what it cost. */
    record Setup(String jdbcUrl, List<String> facts) {
    }

    private TrigramDatabase() {
    }

    /**
     * Creates (or, with reuse and the same number of rows, keeps) the trigram database next to the application's.
     *
     * @param pgDataDir the embedded cluster's data directory (its credentials file names the superuser's password)
     */
    static Setup prepare(Path pgDataDir, int port, String appUser, String appPassword, String appJdbcUrl,
            boolean reuse) throws SQLException, IOException {
        List<String> facts = new ArrayList<>();
        String superPassword = superuserPassword(pgDataDir);
        String admin = "jdbc:postgresql://localhost:" + port + "/postgres";
        String url = "jdbc:postgresql://localhost:" + port + "/" + NAME;
        long rows;
        try (Connection app = DriverManager.getConnection(appJdbcUrl)) {
            rows = single(app, "select count(*) from catalog_entry");
        }
        try (Connection su = DriverManager.getConnection(admin, "postgres", superPassword);
                Statement s = su.createStatement()) {
            facts.add("collation / ctype of the application's database: " + text(s, "select datcollate || ' / ' "
                    + "|| datctype from pg_database where datname = 'gongkai'") + " (server "
                    + text(s, "select version()").replaceAll(" on .*", "") + ")");
            boolean exists = single(su, "select count(*) from pg_database where datname = '" + NAME + "'") > 0;
            if (exists && reuse && rowsIn(url, appUser, appPassword) == rows) {
                facts.add("trigram database: reusing " + NAME + " (" + String.format(Locale.ROOT, "%,d", rows)
                        + " rows)");
                try (Connection t = DriverManager.getConnection(url, appUser, appPassword)) {
                    facts.add(showTrgm(t, NAME + " (" + text(t.createStatement(), "select datctype from pg_database "
                            + "where datname = current_database()") + ")"));
                }
                return new Setup(url, facts);
            }
            if (exists) {
                s.execute("drop database " + NAME + " with (force)");
            }
            // What pg_trgm does with Chinese text under the C ctype of the application's database.
            s.execute("drop database if exists gongkai_trgm_c with (force)");
            s.execute("create database gongkai_trgm_c template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/gongkai_trgm_c",
                    "postgres", superPassword)) {
                c.createStatement().execute("create extension pg_trgm");
                facts.add(showTrgm(c, "a C-ctype database (as the application's)"));
            }
            s.execute("drop database gongkai_trgm_c");
            s.execute("create database " + NAME + " owner " + appUser
                    + " template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'");
        }
        try (Connection su = DriverManager.getConnection(url, "postgres", superPassword)) {
            su.createStatement().execute("create extension pg_trgm");
            facts.add(showTrgm(su, NAME + " (C.UTF-8)"));
        }
        try (Connection t = DriverManager.getConnection(url, appUser, appPassword);
                Connection app = DriverManager.getConnection(appJdbcUrl)) {
            Statement s = t.createStatement();
            s.execute("""
                    create table catalog_entry (id bigint primary key, agency_id bigint not null,
                        index_number varchar(64) not null, title text not null, document_number text, summary text,
                        body text, topic text, department_id bigint, published_year int,
                        published_at timestamptz, state varchar(32) not null, attribute varchar(32) not null)""");
            long t0 = System.nanoTime();
            copy(app, t);
            facts.add(String.format(Locale.ROOT, "copied %,d rows of catalog_entry (%s) in %.1f s", rows, COLUMNS,
                    (System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            s.execute("set maintenance_work_mem = '256MB'");
            s.execute("create index catalog_entry_public_idx on catalog_entry "
                    + "(agency_id, state, attribute, published_at desc)");
            for (String column : List.of("title", "document_number", "summary", "body")) {
                s.execute("create index catalog_entry_" + column + "_trgm on catalog_entry using gin (" + column
                        + " gin_trgm_ops)");
            }
            s.execute("vacuum analyze catalog_entry");
            facts.add(String.format(Locale.ROOT, "GIN trigram indexes on title, document_number, summary, body built "
                    + "in %.1f s: %s (table with TOAST %s)", (System.nanoTime() - t0) / 1e9,
                    text(s, "select pg_size_pretty(sum(pg_relation_size(indexrelid))) from pg_index i "
                            + "join pg_class c on c.oid = i.indexrelid where c.relname like '%_trgm'"),
                    text(s, "select pg_size_pretty(pg_table_size('catalog_entry'))")));
        }
        return new Setup(url, facts);
    }

    private static String showTrgm(Connection c, String where) throws SQLException {
        return "show_trgm('安全生产') in " + where + ": " + text(c.createStatement(), "select show_trgm('安全生产')::text");
    }

    /** COPY from the application's table into this one, 2,000 ids at a time. */
    private static void copy(Connection from, Connection to) throws SQLException, IOException {
        CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
        CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
        long min = single(from, "select coalesce(min(id), 0) from catalog_entry");
        long max = single(from, "select coalesce(max(id), -1) from catalog_entry");
        for (long lo = min; lo <= max; lo += 2_000) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 << 20);
            out.copyOut("copy (select " + COLUMNS + " from catalog_entry where id >= " + lo + " and id < "
                    + (lo + 2_000) + ") to stdout", buffer);
            in.copyIn("copy catalog_entry (" + COLUMNS + ") from stdin",
                    new ByteArrayInputStream(buffer.toByteArray()));
        }
    }

    private static long rowsIn(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return single(c, "select count(*) from catalog_entry");
        } catch (SQLException e) {
            return -1;
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String superuserPassword(Path pgDataDir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(pgDataDir.resolve("gongkai-credentials.properties"))) {
            p.load(r);
        }
        String password = p.getProperty("superuser.password");
        if (password == null) {
            throw new IllegalStateException("no superuser.password in " + pgDataDir);
        }
        return password;
    }
}
