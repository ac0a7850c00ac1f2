package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.PriceBar;

/**
 * Defect 4 of issue 8: a price import killed with SIGKILL left part of its rows, and the next open could
 * time out on table locks. Each round starts {@link ImportKillChild} on a fresh workspace, kills it at a
 * different moment after it started saving, reopens the workspace and checks that the import is there
 * completely or not at all, that nothing of it is left staged, and that the open took seconds at most.
 * The recovery steps are also checked directly on a journal left in each state a kill can leave.
 */
class ImportKillTest {

    private static final int TICKERS = 20;
    private static final int DAYS = 1_500;
    private static final int ROWS = TICKERS * DAYS;
    private static final long[] KILL_AFTER_MS = {30, 400, 1_200};

    @TempDir
    Path dir;

    @Test
    void killedImportLeavesAllOrNothing() throws Exception {
        Path csv = writeCsv();
        for (int round = 0; round < KILL_AFTER_MS.length; round++) {
            String url = "jdbc:h2:file:" + dir.resolve("w" + round);
            try (Database db = Database.open(url)) {
                new Store(db).prices().saveAll(List.of(PriceBar.close("KEEP", LocalDate.of(2001, 1, 1), 5)));
            }
            runAndKill(url, csv, KILL_AFTER_MS[round]);
            long start = System.nanoTime();
            try (Database db = Database.open(url)) {
                long openMs = (System.nanoTime() - start) / 1_000_000;
                assertThat(openMs).as("round %d: reopening took", round).isLessThan(15_000);
                int imported = countImported(db);
                assertThat(imported).as("round %d: imported rows after a kill", round).isIn(0, ROWS);
                assertThat(count(db, "SELECT COUNT(*) FROM price_import_rows")).isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM import_batches")).isZero();
                assertThat(new Store(db).prices().history("KEEP")).hasSize(1);
                assertThat(new Store(db).prices().importAll(bars())).as("re-import: new rows")
                        .isEqualTo(ROWS - imported);
                assertThat(countImported(db)).isEqualTo(ROWS);
                assertThat(new Store(db).prices().importAll(bars())).as("second re-import adds nothing").isZero();
            }
        }
    }

    @Test
    void importStillLoadingIsPurgedOnOpen() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("loading");
        try (Database db = Database.open(url)) {
            leaveJournal(db, "LOADING", 12_000);
        }
        try (Database db = Database.open(url)) {
            assertThat(countImported(db)).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM price_import_rows")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM import_batches")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM instruments WHERE instrument_id LIKE 'KZ%'")).isZero();
        }
    }

    @Test
    void importAlreadyStagedIsFinishedOnOpen() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("staged");
        try (Database db = Database.open(url)) {
            leaveJournal(db, "STAGED", 12_000);
        }
        try (Database db = Database.open(url)) {
            assertThat(countImported(db)).isEqualTo(12_000);
            assertThat(new Store(db).prices().history("KZ00").get(0)).isEqualTo(bars().get(0));
            assertThat(count(db, "SELECT COUNT(*) FROM price_import_rows")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM import_batches")).isZero();
        }
    }

    /** What a process killed during {@code status} leaves: a journal row and {@code rows} staged rows. */
    private static void leaveJournal(Database db, String status, int rows) throws SQLException {
        List<PriceBar> bars = bars().subList(0, rows);
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO import_batches (import_id, kind, status) VALUES (77, 'PRICES', '" + status + "')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO price_import_rows (import_id, seq, "
                    + "instrument_id, price_date, close_price, adj_close) VALUES (77, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < bars.size(); i++) {
                    ps.setInt(1, i);
                    ps.setString(2, bars.get(i).instrumentId());
                    ps.setDate(3, java.sql.Date.valueOf(bars.get(i).date()));
                    ps.setDouble(4, bars.get(i).close());
                    ps.setDouble(5, bars.get(i).adjClose());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private void runAndKill(String url, Path csv, long killAfterMs) throws Exception {
        Path errors = dir.resolve("child-" + killAfterMs + ".err");
        Process child = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ImportKillChild.class.getName(), url, csv.toString())
                .redirectError(errors.toFile())
                .start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            assertThat(line).as("child output; stderr: %s", Files.exists(errors) ? Files.readString(errors) : "")
                    .isEqualTo("SAVING");
            Thread.sleep(killAfterMs);
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child died").isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    private Path writeCsv() throws IOException {
        Path csv = dir.resolve("prices.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write("date,instrument,close\n");
            for (PriceBar b : bars()) {
                w.write(b.date() + "," + b.instrumentId() + "," + b.close() + "\n");
            }
        }
        return csv;
    }

    private static List<PriceBar> bars() {
        List<PriceBar> out = new ArrayList<>(ROWS);
        for (int t = 0; t < TICKERS; t++) {
            for (int d = 0; d < DAYS; d++) {
                out.add(PriceBar.close(String.format("KZ%02d", t), LocalDate.of(1990, 1, 1).plusDays(d), 100 + d * 0.5 + t));
            }
        }
        return out;
    }

    private static int countImported(Database db) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM prices WHERE instrument_id LIKE 'KZ%'");
    }

    private static int count(Database db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
