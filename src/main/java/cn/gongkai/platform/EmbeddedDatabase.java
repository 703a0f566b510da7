package cn.gongkai.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gongkai's embedded PostgreSQL 17 (zonky binaries) on a data directory that survives restarts, made safe to kill:
 *
 * <ul>
 * <li>Before starting, a server left running by an application that died without closing it (kill -9, power-off of
 * the JVM only) is found through the data directory's {@code postmaster.pid} and stopped (fast shutdown, bounded
 * wait). The lock file is never deleted while the process it names lives; a file naming a dead process, or a process
 * that is not a PostgreSQL server (pid reused after a reboot), is stale and removed.</li>
 * <li>Durable by default: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on (zonky's own
 * default, {@code -F}, turns fsync off). {@code durable=false} is for throw-away test databases only.</li>
 * <li>No trust authentication: every connection is TCP to localhost with SCRAM-SHA-256, there is no Unix socket. The
 * application connects as the role {@value #APP_ROLE} (not a superuser), owner of the database {@value #APP_DATABASE}.
 * The generated passwords of that role and of the superuser {@code postgres} are kept in {@value #CREDENTIALS_FILE}
 * in the data directory, readable by its owner only (0600).</li>
 * <li>A data directory made before all this (trust authentication, the application's tables in the database
 * {@code postgres} owned by the superuser) is migrated on its first start: passwords set, that database renamed to
 * {@value #APP_DATABASE} and its objects handed to {@value #APP_ROLE}, pg_hba.conf rewritten.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements Closeable {

    static final String APP_ROLE = "gongkai";
    static final String APP_DATABASE = "gongkai";
    static final String SUPERUSER = "postgres";
    static final String CREDENTIALS_FILE = "gongkai-credentials.properties";
    /** The first line of the pg_hba.conf this class writes; a data directory with it has been secured. */
    static final String HBA_MARKER = "# Written by Gongkai (platform.EmbeddedDatabase): SCRAM passwords only.";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Where and how to run. */
    public record Settings(Path dataDirectory, int port, boolean clean, boolean durable) {
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Credentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Credentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
    }

    /** Starts the server on the settings' data directory (creating it on first start) and prepares the app role. */
    public static EmbeddedDatabase start(Settings settings) throws IOException {
        Path dir = settings.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        if (!settings.clean()) {
            stopOrphanedServer(dir);
        }
        boolean fresh = settings.clean() || !Files.exists(dir.resolve("postgresql.conf"));
        Path credentialsFile = dir.resolve(CREDENTIALS_FILE);
        Credentials credentials;
        boolean legacy;
        Path pwFile = null;
        if (fresh) {
            credentials = Credentials.generate();
            legacy = false;
            // initdb sets the superuser's password, so that the server never runs with trust authentication.
            pwFile = Files.createTempFile(dir.getParent(), ".gongkai-pg-", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwFile, credentials.superuserPassword() + "\n");
        } else if (Files.exists(credentialsFile)) {
            credentials = Credentials.read(credentialsFile);
            legacy = false;
        } else if (Files.readString(dir.resolve("pg_hba.conf")).startsWith(HBA_MARKER)) {
            throw new IllegalStateException("The embedded database in " + dir + " requires passwords but "
                    + credentialsFile + " is missing: restore it from a backup of the data directory");
        } else {
            credentials = Credentials.generate();
            legacy = true;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.toFile())
                .setCleanDataDirectory(settings.clean())
                // No shutdown hook of its own: it raced Spring's and stopped the server while beans were still
                // closing. Whoever starts this closes it (Spring: last, as a destroy method).
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "Asia/Shanghai").setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "localhost").setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60));
        String durable = settings.durable() ? "on" : "off";
        // After zonky's -F (fsync off) on the command line, so these win.
        builder.setServerConfig("fsync", durable).setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable);
        if (pwFile != null) {
            builder.setLocaleConfig("pwfile", pwFile.toString()); // passed to initdb as --pwfile=…
        }
        if (!legacy) {
            // zonky's readiness check connects as the superuser over TCP.
            builder.setConnectConfig("password", credentials.superuserPassword());
            builder.setDataDirectoryCustomizer(d -> secure(d.toPath(), credentials));
        }
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } finally {
            if (pwFile != null) {
                Files.deleteIfExists(pwFile);
            }
        }
        try {
            if (legacy) {
                migrateTrustDirectory(pg, dir, credentials);
            }
            ensureAppRoleAndDatabase(pg, credentials);
        } catch (SQLException | IOException | RuntimeException e) {
            pg.close();
            throw e instanceof IOException io ? io : new IOException("Could not prepare the embedded database", e);
        }
        log.info("Embedded PostgreSQL started on port {} with data in {} (durable: {})", pg.getPort(), dir,
                settings.durable());
        return new EmbeddedDatabase(pg, dir, credentials);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_DATABASE;
    }

    /** The URL with the app role's user and password in it, for tools that take one string. */
    public String jdbcUrlWithCredentials() {
        return jdbcUrl() + "?user=" + APP_ROLE + "&password=" + credentials.appPassword(); // URL-safe base64
    }

    public String username() {
        return APP_ROLE;
    }

    public String password() {
        return credentials.appPassword();
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (fast shutdown) and releases the data directory. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    // --- orphans -----------------------------------------------------------------------------------------------

    /**
     * If the data directory's postmaster.pid names a live PostgreSQL server (left by an application killed without
     * closing it), stops it and waits until it has exited; if it names a dead process or one that is not PostgreSQL,
     * removes the stale file. Never removes the file while its server lives.
     */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgres(process.get())) {
            log.info("Removing the stale {} (process {} {})", pidFile, pid.get(),
                    process.isEmpty() ? "is gone" : "is not PostgreSQL");
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle server = process.get();
        log.warn("A PostgreSQL server (pid {}) left running by an earlier run still holds {}: stopping it", pid.get(),
                dir);
        // Fast shutdown: roll back what is open, write a checkpoint, exit. pg_ctl sends SIGINT and waits.
        Optional<Path> pgCtl = server.info().command().map(Path::of).map(p -> p.resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isPresent()) {
            run(List.of(pgCtl.get().toString(), "stop", "-D", dir.toString(), "-m", "fast", "-w", "-t",
                    Long.toString(STOP_WAIT.toSeconds())));
        } else {
            run(List.of("kill", "-INT", Long.toString(server.pid())));
        }
        if (!awaitExit(server, STOP_WAIT)) {
            // SIGTERM: smart shutdown, the sessions of the dead application are already gone.
            server.destroy();
            if (!awaitExit(server, STOP_WAIT)) {
                throw new IllegalStateException("The PostgreSQL server " + server.pid() + " left running on " + dir
                        + " did not stop within " + STOP_WAIT.multipliedBy(2).toSeconds() + " s; stop it and start again");
            }
        }
        log.info("Stopped the orphaned PostgreSQL server {}", server.pid());
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process is a PostgreSQL server; if its command cannot be read, assume it is (the safe side). */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postmaster") || name.equals("postgres.exe"))
                .orElse(true);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(STOP_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            log.info("{}: {}", String.join(" ", command), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    // --- authentication ----------------------------------------------------------------------------------------

    /** Writes the credentials file (if missing) and a pg_hba.conf that asks every connection for its password. */
    private static void secure(Path dir, Credentials credentials) {
        try {
            Path file = dir.resolve(CREDENTIALS_FILE);
            if (!Files.exists(file)) {
                credentials.write(file);
            }
            writeHba(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not secure " + dir, e);
        }
    }

    private static void writeHba(Path dir) throws IOException {
        String hba = HBA_MARKER + "\n"
                + "# No Unix socket (unix_socket_directories is empty): TCP on localhost,\n"
                + "# SCRAM passwords for every role.\n"
                + "# The passwords are in " + CREDENTIALS_FILE + " (owner-only).\n"
                + "host    all    all    127.0.0.1/32    scram-sha-256\n"
                + "host    all    all    ::1/128         scram-sha-256\n";
        Path tmp = dir.resolve("pg_hba.conf.gongkai-tmp");
        Files.writeString(tmp, hba);
        Files.move(tmp, dir.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Connection superuser(EmbeddedPostgres pg, String database, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/" + database, p);
    }

    /** Creates the app role and its database if missing, and keeps the role's password that of the file. */
    private static void ensureAppRoleAndDatabase(EmbeddedPostgres pg, Credentials credentials) throws SQLException {
        try (Connection c = superuser(pg, "postgres", credentials.superuserPassword());
                Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", APP_ROLE)) {
                s.execute("create role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole");
            }
            s.execute("alter role " + APP_ROLE + " password " + literal(credentials.appPassword()));
            if (!exists(c, "select 1 from pg_database where datname = ?", APP_DATABASE)) {
                s.execute("create database " + APP_DATABASE + " owner " + APP_ROLE
                        + " encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0");
            }
        }
    }

    /**
     * A data directory from before passwords: the application's tables are in the database {@code postgres}, owned
     * by the superuser, and pg_hba.conf trusts everyone. The credentials file is written last (it marks the migration
     * done), pg_hba.conf after it; a crash in between is repaired by the next start.
     */
    private static void migrateTrustDirectory(EmbeddedPostgres pg, Path dir, Credentials credentials)
            throws SQLException, IOException {
        log.warn("Migrating the embedded database in {} from trust to password authentication", dir);
        try (Connection c = superuser(pg, "template1", null); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", APP_ROLE)) {
                s.execute("create role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole");
            }
            s.execute("alter role " + APP_ROLE + " password " + literal(credentials.appPassword()));
            if (!exists(c, "select 1 from pg_database where datname = ?", APP_DATABASE)) {
                // zonky's readiness check has disconnected; nobody else is connected to it yet.
                s.execute("alter database postgres rename to " + APP_DATABASE);
                s.execute("create database postgres template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'");
            }
            s.execute("alter database " + APP_DATABASE + " owner to " + APP_ROLE);
        }
        try (Connection c = superuser(pg, APP_DATABASE, null); Statement s = c.createStatement()) {
            s.execute(REASSIGN_TO_APP_ROLE);
        }
        try (Connection c = superuser(pg, "template1", null); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password " + literal(credentials.superuserPassword()));
        }
        credentials.write(dir.resolve(CREDENTIALS_FILE));
        writeHba(dir);
        try (Connection c = superuser(pg, "postgres", credentials.superuserPassword());
                Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
        log.warn("Migrated {}: the application now connects as {}; passwords in {}", dir, APP_ROLE, CREDENTIALS_FILE);
    }

    /** Hands everything the superuser owns in the application's schemas (not extensions' members) to the app role. */
    private static final String REASSIGN_TO_APP_ROLE = """
            do $$
            declare
              r record;
              me oid := 'postgres'::regrole;
            begin
              for r in select n.nspname from pg_namespace n
                       where n.nspowner = me and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                         and n.nspname <> 'public' loop
                execute format('alter schema %I owner to gongkai', r.nspname);
              end loop;
              for r in select c.oid::regclass as name,
                              case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                             when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end as kind
                       from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where c.relowner = me and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                         and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                         and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                         and d.objid = c.oid and d.deptype in ('e', 'a', 'i')) loop
                execute format('alter %s %s owner to gongkai', r.kind, r.name);
              end loop;
              for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                       where p.proowner = me and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                         and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                         and d.objid = p.oid and d.deptype = 'e') loop
                execute format('alter routine %s owner to gongkai', r.name);
              end loop;
              for r in select t.oid::regtype as name, t.typtype from pg_type t join pg_namespace n on n.oid = t.typnamespace
                       where t.typowner = me and t.typtype in ('e', 'd', 'r')
                         and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                         and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                                         and d.objid = t.oid and d.deptype = 'e') loop
                execute format('alter %s %s owner to gongkai', case r.typtype when 'd' then 'domain' else 'type' end,
                               r.name);
              end loop;
              for r in select oid from pg_largeobject_metadata where lomowner = me loop
                execute format('alter large object %s owner to gongkai', r.oid);
              end loop;
            end
            $$""";

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The generated passwords, kept in the data directory (0600). */
    record Credentials(String superuserPassword, String appPassword) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Credentials generate() {
            return new Credentials(randomPassword(), randomPassword());
        }

        private static String randomPassword() {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        static Credentials read(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            String su = p.getProperty("superuser.password");
            String app = p.getProperty("app.password");
            if (su == null || app == null) {
                throw new IllegalStateException(file + " lacks superuser.password or app.password");
            }
            return new Credentials(su, app);
        }

        /** Writes the file owner-only from the start (created 0600, then moved into place). */
        void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("superuser", SUPERUSER);
            p.setProperty("superuser.password", superuserPassword);
            p.setProperty("app.user", APP_ROLE);
            p.setProperty("app.database", APP_DATABASE);
            p.setProperty("app.password", appPassword);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "Embedded PostgreSQL passwords (generated). Keep owner-only; back up with the data.");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
