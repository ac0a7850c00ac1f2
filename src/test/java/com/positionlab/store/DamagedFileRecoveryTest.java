package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.PriceBar;

/**
 * Damage that H2 does not report: an emptied {@code .mv.db}, or one whose chunks are all unreadable
 * behind an intact header, opens as a new empty database. With a backup beside it, {@link Database#open}
 * must restore the backup rather than migrate a fresh schema over the loss.
 */
class DamagedFileRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void emptiedFileIsRestoredFromTheBackup() throws IOException {
        List<PriceBar> bars = writeAndBackUp();
        Files.write(dir.resolve("t.mv.db"), new byte[0]);
        assertRestored(bars);
    }

    @Test
    void fileWithOnlyItsHeaderIntactIsRestoredFromTheBackup() throws IOException {
        List<PriceBar> bars = writeAndBackUp();
        Path file = dir.resolve("t.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        byte[] garbage = new byte[bytes.length - 4096];
        new Random(3).nextBytes(garbage);
        System.arraycopy(garbage, 0, bytes, 4096, garbage.length);
        Files.write(file, bytes);
        assertRestored(bars);
    }

    @Test
    void freshFileWithoutBackupIsNotReportedAsRestored() {
        try (Database db = Database.open(url())) {
            assertThat(db.restoredFromBackup()).isFalse();
        }
        try (Database db = Database.open(url())) {
            db.backup();
        }
        try (Database db = Database.open(url())) {
            assertThat(db.restoredFromBackup()).isFalse();
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("t");
    }

    private List<PriceBar> writeAndBackUp() {
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            bars.add(PriceBar.close("QQQ", LocalDate.of(2000, 1, 1).plusDays(i), 100 + i * 0.25));
        }
        try (Database db = Database.open(url())) {
            new Store(db).prices().saveAll(bars);
            db.backup();
        }
        return bars;
    }

    private void assertRestored(List<PriceBar> bars) {
        try (Database db = Database.open(url())) {
            assertThat(db.restoredFromBackup()).isTrue();
            assertThat(new Store(db).prices().history("QQQ")).isEqualTo(bars);
        }
    }
}
