package com.positionlab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 store: a connection pool over one JDBC URL, migrated to the current schema on open.
 *
 * <p>File databases are opened with {@code WRITE_DELAY=0}, so a committed transaction survives a
 * killed process (measured in STACK.md), and with {@code REUSE_SPACE=FALSE}: when H2 writes a new chunk
 * into free space inside the file, its recovery after kill -9 could miss the newest chunks, and
 * {@code bench/crash/kill9-api.sh} lost the events of 306 of 49,381 answered sizings in 21 runs (6 runs
 * with loss, all once the file had free space); appending every chunk at the end, 14 runs lost none and
 * the file grew by the same 3.9 KB per sizing under load. {@link #backup()} writes a zip beside the file (see
 * {@link BackupFiles}); when the file will not open because it is really corrupt and a backup exists,
 * {@link #open} restores the backup into a temporary file, moves the broken file aside only once the
 * restored one opens, and says so through {@link #restoreNotice()}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String PREFIX = "jdbc:h2:";

    private final String url;
    private final JdbcConnectionPool pool;
    private final Optional<BackupFiles> files;
    private final Optional<String> restoreNotice;
    private final AtomicLong changes = new AtomicLong();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** {@link #changeCount()} when the last backup of this session began; -1 before the first. */
    private final AtomicLong backedUpAtChange = new AtomicLong(-1);
    private final Object backupLock = new Object();

    private Database(String url, Optional<BackupFiles> files, JdbcConnectionPool pool, Optional<String> restoreNotice) {
        this.url = url;
        this.files = files;
        this.pool = pool;
        this.restoreNotice = restoreNotice;
    }

    /**
     * Opens (creating if needed) the database at {@code jdbcUrl} and applies pending migrations.
     *
     * <p>Only a file that is really corrupt (or opens without its schema although a backup exists) is
     * restored; a full disk, a permission problem or a lock is reported as what it is and the file is left
     * where it is. Unfinished imports a killed process left behind are purged or finished
     * ({@link PriceImportJournal#recover}).
     *
     * @throws StoreException with one line naming the database, what happened and what to do
     */
    public static Database open(String jdbcUrl) {
        String url = normalise(jdbcUrl);
        return openAt(url, databaseFileBase(url).map(BackupFiles::new));
    }

    /** {@link #open} for a normalised URL whose files (if any) are {@code files}; tests pass wrapped URLs. */
    static Database openAt(String url, Optional<BackupFiles> files) {
        files.ifPresent(BackupFiles::removeLeftovers);
        boolean fileExisted = files.map(f -> Files.isRegularFile(f.dataFile())).orElse(false);
        boolean hasBackup = files.map(f -> !f.existing().isEmpty()).orElse(false);
        JdbcConnectionPool pool;
        try {
            pool = connect(url);
        } catch (SQLException e) {
            OpenFailure kind = OpenFailure.of(e);
            if (kind != OpenFailure.CORRUPT || files.isEmpty() || !hasBackup) {
                throw new StoreException(kind.describe(displayName(url), files.map(BackupFiles::dataFile)
                        .orElse(null), e), e);
            }
            LOG.warn("Database {} is corrupt ({}); restoring its backup", displayName(url), OpenFailure.rootMessage(e));
            return restoreAndOpen(url, files.get());
        }
        if (fileExisted && hasBackup && !hasSchema(pool, url)) {
            pool.dispose();
            LOG.warn("Database {} opened without its schema although a backup exists; restoring it", displayName(url));
            return restoreAndOpen(url, files.get());
        }
        return finishOpening(url, files, migrate(pool, url), Optional.empty());
    }

    private static Database restoreAndOpen(String url, BackupFiles files) {
        BackupFiles.Restored restored = files.restore();
        String notice = restored.notice(files.dataFile());
        LOG.warn(notice);
        try {
            return finishOpening(url, Optional.of(files), migrate(connect(url), url), Optional.of(notice));
        } catch (SQLException e) {
            throw new StoreException(OpenFailure.of(e).describe(displayName(url), files.dataFile(), e), e);
        }
    }

    private static Database finishOpening(String url, Optional<BackupFiles> files, JdbcConnectionPool pool,
                                          Optional<String> restoreNotice) {
        Database db = new Database(url, files, pool, restoreNotice);
        try {
            ImportJournal.recover(db);
            return db;
        } catch (ImportJournal.DamagedImportException e) {
            db.closed.set(true);
            db.pool.dispose();
            boolean canRestore = files.isPresent() && !files.get().existing().isEmpty() && restoreNotice.isEmpty();
            if (!canRestore) {
                throw new StoreException("The database " + displayName(url) + " was left inconsistent by a process "
                        + "killed during an import (" + e.getMessage() + ") and has no backup to restore", e);
            }
            LOG.warn("Database {} could not finish an interrupted import ({}); restoring its backup", displayName(url),
                    e.getMessage());
            return restoreAndOpen(url, files.get());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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
        } else {
            if (!upper.contains("WRITE_DELAY")) {
                url += ";WRITE_DELAY=0";
            }
            if (!upper.contains("REUSE_SPACE")) {
                url += ";REUSE_SPACE=FALSE";
            }
        }
        return url;
    }

    private static boolean isInMemory(String url) {
        return url.startsWith(PREFIX + "mem:");
    }

    private static JdbcConnectionPool connect(String url) throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try (Connection ignored = pool.getConnection()) {
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            throw e;
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
            throw new StoreException(OpenFailure.of(e).describe(displayName(url), null, e), e);
        }
    }

    /**
     * The newest schema version, that of the last migration in {@code db/migration} (a test keeps the two
     * equal). A workspace already at this version opens without Flyway, which costs a quarter of a second
     * of a two-core machine's start-up to find that there is nothing to do.
     */
    static final int SCHEMA_VERSION = 36;

    /** Whether Flyway's history says every migration ran and the newest one is {@link #SCHEMA_VERSION}. */
    static boolean schemaIsCurrent(JdbcConnectionPool pool) {
        // Asked without an error on a new database: H2 writes every failed statement to a .trace.db file.
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from information_schema.tables "
                    + "where table_name = 'flyway_schema_history' and table_schema = schema()")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return false;
                }
            }
            try (ResultSet rs = st.executeQuery("select max(cast(\"version\" as int)), "
                    + "count(case when not \"success\" then 1 end) from \"flyway_schema_history\" "
                    + "where \"version\" is not null")) {
                return rs.next() && rs.getInt(1) == SCHEMA_VERSION && !rs.wasNull() && rs.getInt(2) == 0;
            }
        } catch (SQLException e) {
            return false; // a history Flyway should look at
        }
    }

    private static JdbcConnectionPool migrate(JdbcConnectionPool pool, String url) {
        if (schemaIsCurrent(pool)) {
            return pool;
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            return pool;
        } catch (FlywayException e) {
            pool.dispose();
            OpenFailure kind = OpenFailure.of(e);
            if (kind != OpenFailure.OTHER && kind != OpenFailure.CORRUPT) {
                throw new StoreException(kind.describe(displayName(url), databaseFileBase(url)
                        .map(p -> p.resolveSibling(p.getFileName() + ".mv.db")).orElse(null), e), e);
            }
            throw new StoreException("Could not bring the database " + displayName(url)
                    + " to the current schema: " + OpenFailure.rootMessage(e), e);
        }
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

    /** Held by every write transaction of the store ({@link Jdbc}): they run one at a time. */
    ReentrantLock writeLock() {
        return writeLock;
    }

    void markChanged() {
        changes.incrementAndGet();
    }

    public String url() {
        return url;
    }

    /** Whether this open replaced a corrupt file with a backup. */
    public boolean restoredFromBackup() {
        return restoreNotice.isPresent();
    }

    /**
     * When this open replaced a corrupt file with a backup: one line saying which backup, taken when, and
     * where the damaged file was kept. Show it to the user (CLI stderr, a notification, the log).
     */
    public Optional<String> restoreNotice() {
        return restoreNotice;
    }

    /** Whether the database lives in a file (and so can be backed up). */
    public boolean isFileBased() {
        return files.isPresent();
    }

    /**
     * Writes a consistent backup zip beside the database file (through a temporary file moved into
     * place, keeping {@value BackupFiles#GENERATIONS} generations), and returns its path. In-memory
     * databases have no backup: returns empty.
     *
     * @throws StoreException when it cannot be written; the previous backups are kept, no temporary remains
     */
    public Optional<Path> backup() {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        synchronized (backupLock) {
            long at = changes.get();
            // H2 stores the file before copying it: no write transaction may be open meanwhile (see Jdbc).
            writeLock.lock();
            try (Connection c = connection()) {
                Path written = files.get().write(c);
                backedUpAtChange.set(at);
                return Optional.of(written);
            } catch (SQLException e) {
                throw new StoreException("Could not write the backup of " + displayName(url) + ": "
                        + OpenFailure.rootMessage(e), e);
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * Writes a backup only when the data changed since the last backup of this session (or none was
     * written yet in it and something changed): what periodic backups and a stop call, so that a stop
     * after a read-only session costs nothing. Returns the backup written, if any.
     */
    public Optional<Path> backupIfChanged() {
        long last = backedUpAtChange.get();
        long now = changes.get();
        if (now == 0 || now == last) {
            return Optional.empty();
        }
        return backup();
    }

    /** Whether the database answers a trivial query; used by health checks. */
    public boolean isHealthy() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            return s.executeQuery("SELECT 1").next();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Closes the workspace. A file workspace whose data changed since the last backup of this session is
     * then backed up, and one whose file is mostly free space is compacted, both from the closed file
     * ({@link ClosedFileMaintenance}); failures there are logged, and the file stays as H2 closed it.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (files.isEmpty()) {
            pool.dispose();
            return;
        }
        long now = changes.get();
        boolean backupDue = now != 0 && now != backedUpAtChange.get();
        boolean compactionDue = compactionDue();
        pool.dispose();
        if (pool.getActiveConnections() > 0) {
            LOG.warn("{} is still in use by {} connection(s); it was neither compacted nor backed up on close",
                    displayName(url), pool.getActiveConnections());
            return;
        }
        new ClosedFileMaintenance(files.get()).afterClose(compactionDue, backupDue);
    }

    /** Whether the file is large and mostly free space (H2's own figures); false when they cannot be read. */
    private boolean compactionDue() {
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
            long size = -1;
            int fill = -1;
            while (rs.next()) {
                if ("info.FILE_SIZE".equals(rs.getString(1))) {
                    size = Long.parseLong(rs.getString(2).strip());
                } else {
                    fill = Integer.parseInt(rs.getString(2).strip());
                }
            }
            return ClosedFileMaintenance.worthCompacting(size, fill);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not read the file figures of {}: {}", displayName(url), e.getMessage());
            return false;
        }
    }
}
