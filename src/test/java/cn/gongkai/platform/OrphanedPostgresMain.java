package cn.gongkai.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a separate JVM by {@link EmbeddedDatabaseCrashTest}: starts the embedded database on the data directory
 * given as the first argument, writes a row, prints {@code READY} and waits to be killed (kill -9), which leaves the
 * PostgreSQL server it started running as an orphan.
 */
public final class OrphanedPostgresMain {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(Path.of(args[0]), 0, false, true));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            s.execute("create table before_crash (note text)");
            s.execute("insert into before_crash values ('written before kill -9')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
