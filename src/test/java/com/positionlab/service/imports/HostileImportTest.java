package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import com.positionlab.engine.task.Progress;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile CSV files cost bounded time and memory and are answered with short reasons: over-long lines are
 * skipped without being held, long fields are refused before any number parsing, and tickers, strategies and
 * portfolios are limited to a safe character set (no spreadsheet formulas).
 */
class HostileImportTest {

    private static final String HEADER = "date,instrument,close\n";

    @TempDir
    Path dir;

    private Database db;
    private ImportService service;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID());
        service = new ImportService(new Store(db));
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private ImportReport importPrices(Path file) {
        return service.importFile(file, ImportKind.PRICES, new ImportOptions(true, null, null, true), Progress.NONE);
    }

    @Test
    void aFormulaAsATickerIsRejectedWithItsLineAndReason() throws IOException {
        Path csv = Files.writeString(dir.resolve("prices.csv"), HEADER + """
                2020-01-02,AAPL,300.35
                2020-01-02,"=cmd|' /C calc'!A0",1
                2020-01-02,@SUM(A1),1
                2020-01-02,^GSPC,3257.85
                2020-01-02,BRK.B,228.39
                """);

        ImportReport report = importPrices(csv);

        assertThat(report.rowsAccepted()).isEqualTo(3);
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(3, "instrument: may hold only letters, digits and ._:/@#+=^-, starting with a letter "
                        + "or digit; got \"=cmd|' /C calc'!A0\""),
                new RejectedRow(4, "instrument: may hold only letters, digits and ._:/@#+=^-, starting with a letter "
                        + "or digit; got \"@SUM(A1)\""));
    }

    @Test
    void aStrategyOrPortfolioWithUnsafeCharactersIsRejected() throws IOException {
        Path csv = Files.writeString(dir.resolve("trades.csv"),
                "strategy,instrument,side,quantity,entry_time,entry_price,exit_time,exit_price\n"
                        + "+HYPERLINK(x),AAPL,LONG,10,2020-01-02,100,2020-01-03,101\n"
                        + "mom_20d,AAPL,LONG,10,2020-01-02,100,2020-01-03,101\n");

        ImportReport report = service.importFile(csv, ImportKind.TRADES, new ImportOptions(true, null, null, true),
                Progress.NONE);

        assertThat(report.rowsAccepted()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).startsWith("strategy: may hold only letters").endsWith("\"+HYPERLINK(x)\"");
        });
    }

    @Test
    void aLongLineIsRejectedByNumberAndTheOtherLinesStillParse() throws IOException {
        Path csv = Files.writeString(dir.resolve("prices.csv"), HEADER + "2020-01-02,AAPL,300\n"
                + "2020-01-03,AAPL," + "9".repeat(100_000) + "\n" + "2020-01-06,AAPL,301\n");

        ImportReport report = importPrices(csv);

        assertThat(report.rowsAccepted()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly(new RejectedRow(3,
                "line is longer than 65536 bytes (its text was skipped)"));
    }

    @Test
    void aLongNumberIsRefusedBeforeParsingAndNotEchoed() throws IOException {
        Path csv = Files.writeString(dir.resolve("prices.csv"), HEADER + "2020-01-02,AAPL,300\n"
                + "2020-01-03,AAPL," + "9".repeat(60_000) + "\n" + "2020-01-06,AAPL,1e-999999999\n");

        long start = System.nanoTime();
        ImportReport report = importPrices(csv);
        double ms = (System.nanoTime() - start) / 1e6;

        assertThat(report.rowsAccepted()).isEqualTo(1);
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(3, "close: \"" + "9".repeat(60) + "...\" is not a number (60000 characters; at most "
                        + "40)"),
                new RejectedRow(4, "close: \"1e-999999999\" is out of range"));
        assertThat(ms).as("took " + ms + " ms").isLessThan(2_000);
    }

    /**
     * A header and a 50 MB digit field (the 500 MB case in small): rejected in seconds, and the import
     * allocates a small fraction of the field (the reader scans it in 64 KiB chunks and never holds it).
     */
    @Test
    void aFiftyMegabyteFieldIsSkippedInSecondsWithoutHoldingIt() throws IOException {
        long fieldBytes = 50L << 20;
        Path csv = dir.resolve("huge.csv");
        byte[] digits = new byte[1 << 20];
        Arrays.fill(digits, (byte) '7');
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv))) {
            out.write((HEADER + "2020-01-02,AAPL,300\n2020-01-03,AAPL,").getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < fieldBytes; written += digits.length) {
                out.write(digits);
            }
            out.write("\n2020-01-06,AAPL,301\n".getBytes(StandardCharsets.US_ASCII));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        ImportReport report = importPrices(csv);

        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(report.rowsAccepted()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly(new RejectedRow(3,
                "line is longer than 65536 bytes (its text was skipped)"));
        assertThat(seconds).as("took %.2f s", seconds).isLessThan(5);
        assertThat(allocated).as("allocated %d bytes for a %d-byte field", allocated, fieldBytes)
                .isLessThan(fieldBytes / 5);
    }
}
