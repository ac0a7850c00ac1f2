package com.positionlab.store;

import com.positionlab.testing.FullDiskFilePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.PriceBar;

/**
 * Defect 3 of issue 8: a full disk was taken for corruption, the healthy file moved aside and replaced by
 * a failed restore. Here the workspace lives on {@link FullDiskFilePath}; with the disk full, opening and
 * writing fail with a one-line "disk is full" error, and the file is left exactly where it was: no
 * restore, no {@code .corrupt-*} copy, and after space is freed it opens with every row.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    @BeforeEach
    void register() {
        FullDiskFilePath.register();
        FullDiskFilePath.FULL.set(false);
    }

    @AfterEach
    void free() throws java.sql.SQLException {
        FullDiskFilePath.FULL.set(false);
        // A connection that H2 failed to close on the full disk is reported, once collected, in the trace file
        // of whichever database opens a connection next: CompactOnCloseTest then found a t.trace.db. Collect it
        // here and let an in-memory connection (no trace file) take the report.
        for (int i = 0; i < 3; i++) {
            System.gc();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:")) {
                c.isValid(1);
            }
        }
    }

    @Test
    void fullDiskWhileWritingIsReportedAndNotRestored() throws IOException {
        List<PriceBar> bars = writeWithBackup();
        byte[] before = Files.readAllBytes(dataFile());
        try (Database db = openOnFullDiskFs()) {
            FullDiskFilePath.FULL.set(true);
            assertThatThrownBy(() -> new Store(db).prices().saveAll(more()))
                    .isInstanceOf(StoreException.class);
        }
        // A workspace at the current schema opens without writing: on the still-full disk it reads as it was,
        // and the next write says the disk is full.
        try (Database db = openOnFullDiskFs()) {
            assertThat(db.restoredFromBackup()).isFalse();
            assertThat(new Store(db).prices().history("QQQ")).isEqualTo(bars);
            assertThatThrownBy(() -> new Store(db).prices().saveAll(more())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("disk holding the workspace is full");
        } catch (StoreException closing) {
            assertThat(OpenFailure.of(closing)).isNotEqualTo(OpenFailure.CORRUPT);
        }
        assertLeftInPlace();
        FullDiskFilePath.FULL.set(false);
        assertIntact(bars);
        assertThat(before.length).isPositive();
    }

    @Test
    void fullDiskWhenOpeningSaysSoInOneLine() {
        List<PriceBar> bars = writeWithBackup();
        FullDiskFilePath.FULL.set(true);
        Optional<String> message = Optional.empty();
        try (Database db = openOnFullDiskFs()) {
            new Store(db).prices().saveAll(more());
        } catch (StoreException e) {
            message = Optional.of(e.getMessage());
        }
        assertThat(message).as("a write on a full disk must fail").isPresent();
        assertThat(message.get()).doesNotContain("\n").doesNotContainIgnoringCase("damaged");
        assertLeftInPlace();
        FullDiskFilePath.FULL.set(false);
        assertIntact(bars);
    }

    @Test
    void wrappedFileSystemReadsAndWritesUntilTheDiskIsFull() {
        List<PriceBar> bars = writeWithBackup();
        try (Database db = openOnFullDiskFs()) {
            assertThat(new Store(db).prices().history("QQQ")).isEqualTo(bars);
        }
    }

    @Test
    void fullDiskIsNotCorruption() {
        Exception wrapped = new java.sql.SQLException("General error", "HY000", 50000,
                new IllegalStateException("Could not write",
                        new IOException("No space left on device")));
        assertThat(OpenFailure.of(wrapped)).isEqualTo(OpenFailure.DISK_FULL);
        assertThat(OpenFailure.DISK_FULL.describe("jdbc:h2:file:/w/ws", Path.of("/w/ws.mv.db"), wrapped))
                .isEqualTo("The disk holding /w is full: free some space and start again. "
                        + "The workspace jdbc:h2:file:/w/ws was left as it is.");
    }

    private Database openOnFullDiskFs() {
        String url = Database.normalise("jdbc:h2:" + FullDiskFilePath.SCHEME + ":" + dir.resolve("t"));
        return Database.openAt(url, Optional.of(new BackupFiles(dir.resolve("t"))));
    }

    private Path dataFile() {
        return dir.resolve("t.mv.db");
    }

    private List<PriceBar> writeWithBackup() {
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            bars.add(PriceBar.close("QQQ", LocalDate.of(2000, 1, 1).plusDays(i), 100 + i * 0.25));
        }
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("t"))) {
            new Store(db).prices().saveAll(bars);
            db.backup();
        }
        return bars;
    }

    private static List<PriceBar> more() {
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            bars.add(PriceBar.close("SPY", LocalDate.of(1950, 1, 1).plusDays(i), 50 + i * 0.01));
        }
        return bars;
    }

    private void assertLeftInPlace() {
        assertThat(dataFile()).exists();
        assertThat(dataFile().toFile().length()).isPositive();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains(".corrupt-") || n.endsWith(".tmp"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void assertIntact(List<PriceBar> bars) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("t"))) {
            assertThat(db.restoredFromBackup()).isFalse();
            assertThat(new Store(db).prices().history("QQQ")).isEqualTo(bars);
            assertThat(new Store(db).prices().history("SPY")).isEmpty();
        }
    }
}
