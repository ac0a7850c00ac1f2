package com.positionlab.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a closing workspace does with its file once H2 has closed it: compact it and back it up.
 *
 * <p>Workspaces are opened with {@code REUSE_SPACE=FALSE} (see {@link Database}), so every commit appends
 * to the file and nothing inside it is reused: a 200,000-row import leaves a 135 MB file of which 14%
 * is live, and sizing events add about 4 KB each. On close the live data is copied into
 * {@code NAME.mv.db.tempFile} (H2's own compaction, 0.9 s for that file, which comes out at 17 MB),
 * the backup zip is written from that closed, consistent copy, and the copy replaces the file by an
 * atomic move when the file was mostly free space. A kill at any step leaves the original file (H2
 * removes a leftover {@code .tempFile} when it opens) and the previous backups.
 */
final class ClosedFileMaintenance {

    /** Files smaller than this are never compacted for space alone. */
    static final long COMPACT_FROM_BYTES = 8L << 20;
    /** Compact when less than this percentage of the file's chunks is live. */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(ClosedFileMaintenance.class);

    private final BackupFiles files;

    ClosedFileMaintenance(BackupFiles files) {
        this.files = files;
    }

    /** Whether a file of {@code bytes} with {@code fillPercent} of its chunks live is worth compacting. */
    static boolean worthCompacting(long bytes, int fillPercent) {
        return bytes >= COMPACT_FROM_BYTES && fillPercent >= 0 && fillPercent < COMPACT_BELOW_FILL_PERCENT;
    }

    /**
     * Runs after the database is closed. {@code compact}: replace the file by its compacted copy;
     * {@code backup}: write the newest backup generation from that copy. Failures are logged (with the
     * path and the reason), never thrown: the file is then left exactly as H2 closed it.
     */
    void afterClose(boolean compact, boolean backup) {
        if (!compact && !backup) {
            return;
        }
        Path data = files.dataFile();
        Path copy = data.resolveSibling(data.getFileName() + ".tempFile");
        long start = System.nanoTime();
        long before;
        try {
            before = Files.size(data);
            Files.deleteIfExists(copy);
            MVStore.compact(data.toString(), copy.toString(), false, null);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(copy);
            LOG.warn("Could not {} {} on close: {}", backup ? "back up" : "compact", data, OpenFailure.rootMessage(e));
            return;
        }
        try {
            if (backup) {
                writeBackup(copy);
            }
            if (compact) {
                long after = Files.size(copy);
                Files.move(copy, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Compacted {} from {} to {} in {} ms", data, mib(before), mib(after),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not {} {} on close: {}", backup ? "back up" : "compact", data, OpenFailure.rootMessage(e));
        } finally {
            deleteQuietly(copy);
        }
    }

    /** Zips the closed copy as the newest backup generation (through the temporary backup name). */
    private void writeBackup(Path copy) throws IOException {
        Path tmp = files.temporaryBackup();
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out);
             InputStream in = Files.newInputStream(copy)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(files.dataFile().getFileName().toString()));
            in.transferTo(zip);
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        try {
            files.publish(tmp);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
