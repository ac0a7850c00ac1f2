package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.PriceBar;

/**
 * Issue 8, defects 3 and 6: backups keep {@value BackupFiles#GENERATIONS} generations written through a
 * temporary file, leftovers of an interrupted backup are removed on open, and a restore never makes
 * things worse: it never replaces a file that opens, falls back to an older backup when the newest is
 * damaged, leaves the damaged file in place when no backup restores, and says what it restored and when.
 */
class BackupGenerationsTest {

    @TempDir
    Path dir;

    @Test
    void backupsKeepThreeGenerationsNewestFirst() throws IOException {
        try (Database db = Database.open(url())) {
            Store store = new Store(db);
            for (int n = 1; n <= 4; n++) {
                store.prices().saveAll(bars("G" + n, 10));
                db.backup();
            }
        }
        assertThat(names()).contains("t.backup.zip", "t.backup-1.zip", "t.backup-2.zip")
                .doesNotContain("t.backup-3.zip", "t.backup.zip.tmp");
        assertThat(tickersIn("t.backup.zip")).containsExactly("G1", "G2", "G3", "G4");
        assertThat(tickersIn("t.backup-1.zip")).containsExactly("G1", "G2", "G3");
        assertThat(tickersIn("t.backup-2.zip")).containsExactly("G1", "G2");
    }

    @Test
    void leftoverTemporaryBackupIsRemovedOnOpen() throws IOException {
        try (Database db = Database.open(url())) {
            db.backup();
        }
        Files.writeString(dir.resolve("t.backup.zip.tmp"), "half a zip");
        Files.createDirectories(dir.resolve("t.restore.tmp"));
        Files.writeString(dir.resolve("t.restore.tmp").resolve("t.mv.db"), "half a database");
        try (Database db = Database.open(url())) {
            assertThat(db.restoredFromBackup()).isFalse();
        }
        assertThat(names()).doesNotContain("t.backup.zip.tmp", "t.restore.tmp");
    }

    @Test
    void backupIfChangedWritesNothingWhenNothingChanged() throws IOException {
        try (Database db = Database.open(url())) {
            assertThat(db.backupIfChanged()).isEmpty();
            new Store(db).prices().saveAll(bars("A", 5));
            assertThat(db.backupIfChanged()).contains(dir.resolve("t.backup.zip").toAbsolutePath());
            assertThat(db.backupIfChanged()).isEmpty();
        }
        assertThat(names()).contains("t.backup.zip").doesNotContain("t.backup-1.zip");
    }

    @Test
    void damagedNewestBackupFallsBackToTheOlderOneAndSaysWhen() throws IOException {
        try (Database db = Database.open(url())) {
            new Store(db).prices().saveAll(bars("OLD", 50));
            db.backup();
            new Store(db).prices().saveAll(bars("NEW", 50));
            db.backup();
        }
        Files.write(dir.resolve("t.backup.zip"), new byte[] {1, 2, 3});
        Instant taken = Instant.parse("2026-03-04T05:06:07Z");
        Files.setLastModifiedTime(dir.resolve("t.backup-1.zip"), FileTime.from(taken));
        garble(dir.resolve("t.mv.db"));
        try (Database db = Database.open(url())) {
            assertThat(db.restoredFromBackup()).isTrue();
            assertThat(new Store(db).prices().history("OLD")).hasSize(50);
            assertThat(db.restoreNotice().orElseThrow())
                    .startsWith("Restored " + dir.resolve("t.mv.db").toAbsolutePath() + " from the backup t.backup-1.zip taken ")
                    .contains(taken.atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString())
                    .contains("The damaged file was kept as t.mv.db.corrupt-")
                    .doesNotContain("\n");
        }
        assertThat(names()).anyMatch(n -> n.startsWith("t.mv.db.corrupt-")).doesNotContain("t.restore.tmp");
    }

    @Test
    void restoreThatFailsLeavesTheDamagedFileWhereItWas() throws IOException {
        try (Database db = Database.open(url())) {
            new Store(db).prices().saveAll(bars("A", 50));
            db.backup();
        }
        Files.write(dir.resolve("t.backup.zip"), new byte[] {1, 2, 3});
        garble(dir.resolve("t.mv.db"));
        byte[] damaged = Files.readAllBytes(dir.resolve("t.mv.db"));
        assertThatThrownBy(() -> Database.open(url()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("none of its 1 backup(s) could be restored")
                .hasMessageContaining("left where it is");
        assertThat(Files.readAllBytes(dir.resolve("t.mv.db"))).isEqualTo(damaged);
        assertThat(names()).noneMatch(n -> n.contains(".corrupt-")).doesNotContain("t.restore.tmp");
    }

    @Test
    void fileThatOpensIsNeverReplacedByItsBackup() {
        try (Database db = Database.open(url())) {
            new Store(db).prices().saveAll(bars("A", 20));
            db.backup();
            new Store(db).prices().saveAll(bars("B", 20));
        }
        try (Database db = Database.open(url())) {
            assertThat(db.restoredFromBackup()).isFalse();
            assertThat(new Store(db).prices().count()).isEqualTo(40);
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("t");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Restores {@code zip} over an emptied file in a fresh folder and lists its tickers. */
    private List<String> tickersIn(String zip) throws IOException {
        Path into = Files.createTempDirectory(dir, "check");
        Files.copy(dir.resolve(zip), into.resolve("c.backup.zip"));
        Files.write(into.resolve("c.mv.db"), new byte[0]);
        try (Database db = Database.open("jdbc:h2:file:" + into.resolve("c"))) {
            assertThat(db.restoredFromBackup()).isTrue();
            return new Store(db).instruments().findAll().stream().map(i -> i.id()).sorted().toList();
        }
    }

    private static void garble(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] garbage = new byte[bytes.length];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
    }

    private static List<PriceBar> bars(String ticker, int n) {
        List<PriceBar> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(PriceBar.close(ticker, LocalDate.of(2010, 1, 1).plusDays(i), 10 + i));
        }
        return out;
    }
}
