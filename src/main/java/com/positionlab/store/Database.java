package com.positionlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Restore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 store: a connection pool over one JDBC URL, migrated to the current schema on open.
 *
 * <p>File databases are opened with {@code WRITE_DELAY=0}, so a committed transaction survives a
 * killed process (measured in STACK.md). {@link #backup()} writes a zip beside the file; when the file
 * will not open because it is corrupt and a backup exists, {@link #open} moves the broken file aside,
 * restores the backup and says so through {@link #restoredFromBackup()}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String PREFIX = "jdbc:h2:";

    private final String url;
    private final JdbcConnectionPool pool;
    private final boolean restoredFromBackup;
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    private Database(String url, JdbcConnectionPool pool, boolean restoredFromBackup) {
        this.url = url;
        this.pool = pool;
        this.restoredFromBackup = restoredFromBackup;
    }

    /**
     * Opens (creating if needed) the database at {@code jdbcUrl} and applies pending migrations.
     *
     * @throws StoreException with a message naming the URL and what to do, when it cannot be opened
     */
    public static Database open(String jdbcUrl) {
        String url = normalise(jdbcUrl);
        Optional<Path> backup = backupFile(url).filter(Files::isRegularFile);
        boolean fileExisted = dataFile(url).filter(Files::isRegularFile).isPresent();
        JdbcConnectionPool pool;
        try {
            pool = connect(url);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !isCorruption(sql) || backup.isEmpty()) {
                throw e;
            }
            LOG.warn("Database {} is corrupt; restoring {}", url, backup.get(), e);
            return restoreAndOpen(url, backup.get());
        }
        if (fileExisted && backup.isPresent() && !hasSchema(pool, url)) {
            pool.dispose();
            LOG.warn("Database {} opened without its schema although backup {} exists; restoring it", url,
                    backup.get());
            return restoreAndOpen(url, backup.get());
        }
        return new Database(url, migrate(pool, url), false);
    }

    private static Database restoreAndOpen(String url, Path backup) {
        restore(url, backup);
        return new Database(url, migrate(connect(url), url), true);
    }

    /** Adds the settings PositionLab relies on to a user-supplied H2 URL. */
    static String normalise(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new StoreException("Database URL is empty: give a JDBC URL such as jdbc:h2:file:/path/to/db");
        }
        String url = jdbcUrl.strip();
        if (!url.startsWith(PREFIX)) {
            throw new StoreException("Database URL '" + url + "' is not supported: only H2 URLs (jdbc:h2:...) are");
        }
        String upper = url.toUpperCase();
        if (isInMemory(url)) {
            if (!upper.contains("DB_CLOSE_DELAY")) {
                url += ";DB_CLOSE_DELAY=-1";
            }
        } else if (!upper.contains("WRITE_DELAY")) {
            url += ";WRITE_DELAY=0";
        }
        return url;
    }

    private static boolean isInMemory(String url) {
        return url.startsWith(PREFIX + "mem:");
    }

    private static JdbcConnectionPool connect(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try (Connection ignored = pool.getConnection()) {
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException(describe(url, e), e);
        }
    }

    /**
     * Whether the database holds PositionLab's schema. H2 opens some damaged files (an empty file, or
     * one whose chunks are all unreadable) as a new, empty database instead of failing.
     */
    private static boolean hasSchema(JdbcConnectionPool pool, String url) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_NAME = 'flyway_schema_history'")) {
            return rs.next() && rs.getInt(1) > 0;
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException(describe(url, e), e);
        }
    }

    private static JdbcConnectionPool migrate(JdbcConnectionPool pool, String url) {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            return pool;
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("Could not bring the database " + displayName(url)
                    + " to the current schema: " + e.getMessage(), e);
        }
    }

    private static String describe(String url, SQLException e) {
        String name = displayName(url);
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 ->
                    "The database " + name + " is in use by another process (is PositionLab already open?). "
                            + "Close it, or pass another database with --db.";
            case ErrorCode.FILE_CORRUPTED_1 ->
                    "The database " + name + " is damaged and no backup was found. Move it aside to start afresh.";
            case ErrorCode.WRONG_USER_OR_PASSWORD, ErrorCode.FILE_VERSION_ERROR_1 ->
                    "The database " + name + " could not be opened: " + firstLine(e.getMessage());
            default -> "Could not open the database " + name + ": " + firstLine(e.getMessage());
        };
    }

    private static boolean isCorruption(SQLException e) {
        return e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1 || e.getErrorCode() == ErrorCode.GENERAL_ERROR_1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String displayName(String url) {
        int semi = url.indexOf(';');
        return semi < 0 ? url : url.substring(0, semi);
    }

    /** The file path of an H2 file database, without the {@code .mv.db} suffix; empty otherwise. */
    static Optional<Path> databaseFileBase(String url) {
        String base = displayName(url).substring(PREFIX.length());
        if (base.startsWith("file:")) {
            base = base.substring("file:".length());
        } else if (base.startsWith("mem:") || base.startsWith("tcp:") || base.startsWith("ssl:")
                || base.startsWith("zip:")) {
            return Optional.empty();
        }
        if (base.startsWith("~")) {
            base = System.getProperty("user.home") + base.substring(1);
        }
        return Optional.of(Path.of(base).toAbsolutePath());
    }

    private static Optional<Path> dataFile(String url) {
        return databaseFileBase(url).map(p -> p.resolveSibling(p.getFileName() + ".mv.db"));
    }

    private static Optional<Path> backupFile(String url) {
        return databaseFileBase(url).map(p -> p.resolveSibling(p.getFileName() + ".backup.zip"));
    }

    private static void restore(String url, Path backup) {
        Path base = databaseFileBase(url).orElseThrow();
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        try {
            if (Files.exists(file)) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt-" + stamp));
            }
            Restore.execute(backup.toString(), base.getParent().toString(), base.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            throw new StoreException("The database " + base + " is damaged and its backup " + backup
                    + " could not be restored: " + e.getMessage(), e);
        }
    }

    /** A pooled connection; close it with try-with-resources. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * How many transactions have changed the workspace's data since it was opened. Caches compare it to
     * know when to drop what they hold; appends to logs (history, events, metrics) do not count.
     */
    public long changeCount() {
        return changes.get();
    }

    void markChanged() {
        changes.incrementAndGet();
    }

    public String url() {
        return url;
    }

    /** Whether this open replaced a corrupt file with the last backup. */
    public boolean restoredFromBackup() {
        return restoredFromBackup;
    }

    /** Whether the database lives in a file (and so can be backed up). */
    public boolean isFileBased() {
        return databaseFileBase(url).isPresent();
    }

    /**
     * Writes a consistent backup zip beside the database file (through a temporary file moved into
     * place), and returns its path. In-memory and server databases have no backup: returns empty.
     */
    public Optional<Path> backup() {
        Optional<Path> target = backupFile(url);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Path tmp = target.get().resolveSibling(target.get().getFileName() + ".tmp");
        try (Connection c = connection(); Statement s = c.createStatement()) {
            Files.deleteIfExists(tmp);
            s.execute("BACKUP TO '" + tmp.toString().replace("'", "''") + "'");
            Files.move(tmp, target.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (SQLException | IOException e) {
            throw new StoreException("Could not write the backup " + target.get() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the database answers a trivial query; used by health checks. */
    public boolean isHealthy() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            return s.executeQuery("SELECT 1").next();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
