package com.positionlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.h2.tools.Restore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup zips beside one H2 file database ({@code NAME.mv.db}): {@code NAME.backup.zip} is the newest,
 * {@code NAME.backup-1.zip} and {@code NAME.backup-2.zip} the two before it, so a backup taken of a
 * store that was already damaged cannot destroy the last good one.
 *
 * <p>Every file is written under a temporary name and moved into place only when complete: a backup
 * goes through {@code NAME.backup.zip.tmp}, a restore through the folder {@code NAME.restore.tmp}, and a
 * failed write removes its temporary file. The damaged database is moved aside (never deleted) only once
 * a restored copy has opened with PositionLab's schema.
 */
final class BackupFiles {

    /** How many backup zips are kept, newest first. */
    static final int GENERATIONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(BackupFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final Path base;

    /** {@code base}: the database path without its {@code .mv.db} suffix. */
    BackupFiles(Path base) {
        this.base = base.toAbsolutePath();
    }

    Path dataFile() {
        return sibling(".mv.db");
    }

    /** Generation {@code n} (0 = newest). */
    Path backup(int n) {
        return sibling(n == 0 ? ".backup.zip" : ".backup-" + n + ".zip");
    }

    Path temporaryBackup() {
        return sibling(".backup.zip.tmp");
    }

    private Path restoreFolder() {
        return sibling(".restore.tmp");
    }

    private Path sibling(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    /** The backups that exist, newest first. */
    List<Path> existing() {
        List<Path> out = new ArrayList<>();
        for (int n = 0; n < GENERATIONS; n++) {
            if (Files.isRegularFile(backup(n))) {
                out.add(backup(n));
            }
        }
        return out;
    }

    /** Removes what an interrupted backup or restore left behind. */
    void removeLeftovers() {
        try {
            Files.deleteIfExists(temporaryBackup());
            deleteTree(restoreFolder());
        } catch (IOException e) {
            throw new StoreException("Could not remove the leftover " + temporaryBackup() + " or " + restoreFolder()
                    + ": " + e.getMessage() + ". Delete them by hand.", e);
        }
    }

    /**
     * Writes a consistent backup of the database behind {@code c} to the newest generation, shifting the
     * older ones; a failure leaves every existing backup as it was and no temporary file.
     */
    Path write(Connection c) {
        Path tmp = temporaryBackup();
        try (Statement s = c.createStatement()) {
            Files.deleteIfExists(tmp);
            s.execute("BACKUP TO '" + tmp.toString().replace("'", "''") + "'");
            return publish(tmp);
        } catch (SQLException | IOException e) {
            deleteQuietly(tmp, e);
            OpenFailure kind = OpenFailure.of(e);
            String why = kind == OpenFailure.DISK_FULL ? "the disk is full" : OpenFailure.rootMessage(e);
            throw new StoreException("Could not write the backup " + backup(0) + ": " + why
                    + ". The previous backups were kept.", e);
        }
    }

    /** Moves a complete backup zip in as the newest generation, shifting the older ones; returns its path. */
    Path publish(Path completeZip) throws IOException {
        for (int n = GENERATIONS - 1; n > 0; n--) {
            if (Files.exists(backup(n - 1))) {
                Files.move(backup(n - 1), backup(n), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(completeZip, backup(0), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return backup(0);
    }

    /** What a restore did: which backup, taken when, and where the damaged file was moved. */
    record Restored(Path backup, Instant takenAt, Optional<Path> damagedCopy) {

        /** One line for the user: what was restored and from when. */
        String notice(Path dataFile) {
            String when = takenAt.atZone(ZoneId.systemDefault()).format(SHOWN);
            return "Restored " + dataFile + " from the backup " + backup.getFileName() + " taken " + when
                    + "; changes made after that are lost"
                    + damagedCopy.map(p -> ". The damaged file was kept as " + p.getFileName()).orElse("") + ".";
        }
    }

    /**
     * Replaces the damaged database with the newest backup that restores into a database holding the
     * schema. The damaged file stays where it is unless a restored copy is ready to take its place.
     *
     * @throws StoreException when no backup could be restored (disk full, all damaged), naming why
     */
    Restored restore() {
        List<Path> candidates = existing();
        Exception last = null;
        for (Path zip : candidates) {
            try {
                Path restored = restoreToFolder(zip);
                Optional<Path> damaged = moveDamagedAside();
                Files.move(restored, dataFile(), StandardCopyOption.ATOMIC_MOVE);
                deleteTree(restoreFolder());
                return new Restored(zip, Files.getLastModifiedTime(zip).toInstant(), damaged);
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.warn("Could not restore {} from {}: {}", dataFile(), zip, OpenFailure.rootMessage(e));
                deleteQuietly(restoreFolder(), e);
                last = e;
            }
        }
        if (last == null) {
            throw new StoreException("The database " + dataFile() + " is damaged and no backup was found beside it. "
                    + "Move it aside to start afresh.");
        }
        String why = OpenFailure.of(last) == OpenFailure.DISK_FULL
                ? "the disk is full: free some space and start again" : OpenFailure.rootMessage(last);
        throw new StoreException("The database " + dataFile() + " is damaged and none of its " + candidates.size()
                + " backup(s) could be restored (" + why + "). The damaged file was left where it is.", last);
    }

    private Path restoreToFolder(Path zip) throws IOException, SQLException {
        Path folder = restoreFolder();
        deleteTree(folder);
        Files.createDirectories(folder);
        String name = base.getFileName().toString();
        Restore.execute(zip.toString(), folder.toString(), name);
        Path restored = folder.resolve(name + ".mv.db");
        if (!Files.isRegularFile(restored) || Files.size(restored) == 0) {
            throw new IOException("the backup " + zip + " holds no database file");
        }
        String url = "jdbc:h2:file:" + folder.resolve(name) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_NAME = 'flyway_schema_history'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                throw new IOException("the backup " + zip + " holds no PositionLab workspace");
            }
        }
        return restored;
    }

    private Optional<Path> moveDamagedAside() throws IOException {
        Path file = dataFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(aside);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path path, Exception cause) {
        try {
            deleteTree(path);
        } catch (IOException e) {
            cause.addSuppressed(e);
            LOG.warn("Could not remove the temporary {}: {}", path, e.getMessage());
        }
    }
}
