package com.positionlab.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.h2.mvstore.MVStore;

import com.positionlab.io.AtomicFile;

/**
 * A workspace's database as a file: putting a ready-made one in place on a first start, and writing a
 * compacted copy of a closed one (the build's demo image).
 */
public final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    /** Opens a stream over a database image, or returns null when there is none. */
    @FunctionalInterface
    public interface Image {
        InputStream open() throws IOException;
    }

    /**
     * Puts {@code image} (an H2 data file) in place as the database at {@code jdbcUrl} when that is a file
     * database with neither a data file nor a backup yet: a first start. Returns whether it did. Written
     * through a temporary file, so that a start killed while copying leaves no data file and the next start
     * copies again.
     */
    public static boolean installIfNew(String jdbcUrl, Image image) {
        Optional<Path> base = Database.databaseFileBase(Database.normalise(jdbcUrl));
        if (base.isEmpty()) {
            return false;
        }
        BackupFiles files = new BackupFiles(base.get());
        if (Files.exists(files.dataFile()) || !files.existing().isEmpty()) {
            return false;
        }
        try (InputStream in = image.open()) {
            if (in == null) {
                return false;
            }
            Path data = files.dataFile();
            Files.createDirectories(data.getParent());
            // Written whole under another name, then linked to the data file's name, which fails when the name
            // exists: a second instance starting on the same new folder cannot replace a file the first has
            // already opened. A kill mid-copy leaves only the temporary file.
            Path staged = data.resolveSibling(data.getFileName() + ".image");
            AtomicFile.write(staged, out -> in.transferTo(out));
            try {
                Files.createLink(data, staged);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException noLinks) {
                try {
                    Files.move(staged, data); // no hard links here: a move that still refuses an existing file
                } catch (FileAlreadyExistsException e) {
                    return false;
                }
            } finally {
                Files.deleteIfExists(staged);
            }
            return true;
        } catch (IOException e) {
            throw new StoreException(OpenFailure.of(e).describe(base.get().toString(), files.dataFile(), e), e);
        }
    }

    /** Writes a compacted copy of the closed database file {@code dataFile} to {@code out}, replacing it. */
    public static void compactCopy(Path dataFile, Path out) throws IOException {
        Files.deleteIfExists(out);
        MVStore.compact(dataFile.toString(), out.toString(), false, null);
    }
}
