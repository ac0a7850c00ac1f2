package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import com.positionlab.domain.Side;
import com.positionlab.domain.Strategy;
import com.positionlab.domain.Trade;
import com.positionlab.engine.task.Progress;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeImportTest {

    private static final String HEADER =
            "strategy,instrument,side,quantity,entry_time,entry_price,exit_time,exit_price\n";

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private ImportService service;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID());
        store = new Store(db);
        service = new ImportService(store);
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private ImportReport importTrades(String content, boolean validRowsOnly) throws IOException {
        Path csv = Files.writeString(dir.resolve("trades.csv"), content);
        return service.importFile(csv, ImportKind.TRADES, new ImportOptions(validRowsOnly, null, null, true),
                Progress.NONE);
    }

    @Test
    void isoTimesWithAZoneAreReadAndKeptInUtc() throws IOException {
        ImportReport report = importTrades(HEADER + """
                trend,AAPL,LONG,10,2025-11-03T14:30:00Z,100,2025-11-04T16:00:00+02:00,101
                trend,AAPL,LONG,5,2025-11-05T09:30:00.250-0500,100,2025-11-05T20:00+01,102
                """, false);

        assertThat(report.rowsNew()).isEqualTo(2);
        assertThat(store.trades().trades("trend")).extracting(Trade::entryTime, Trade::exitTime).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDateTime.of(2025, 11, 3, 14, 30),
                        LocalDateTime.of(2025, 11, 4, 14, 0)),
                org.assertj.core.groups.Tuple.tuple(LocalDateTime.of(2025, 11, 5, 14, 30, 0, 250_000_000),
                        LocalDateTime.of(2025, 11, 5, 19, 0)));
    }

    @Test
    void anImpossibleZoneIsNamedWithTheFormatsThatAreRead() throws IOException {
        ImportReport report = importTrades(HEADER + "trend,AAPL,LONG,10,2025-11-03T14:30:00+25:00,100,"
                + "2025-11-04T16:00:00Z,101\n", true);
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("is not a date or time").contains("2025-11-03T14:30:00Z"));
    }

    @Test
    void pnlIsComputedBySideAndRoundedToCents() throws IOException {
        ImportReport report = importTrades(HEADER + """
                trend,AAPL,LONG,10,2020-01-02,100.125,2020-01-10 15:30:00,103.5
                trend,AAPL,sell,3,2020-02-03T09:30,50,2020-02-04T16:00,51.333
                """, false);

        assertThat(report.format()).isEqualTo("trades");
        assertThat(report.rowsNew()).isEqualTo(2);
        assertThat(store.trades().trades("trend")).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(List.of(
                new Trade("trend", "AAPL", Side.LONG, new BigDecimal("10"), LocalDateTime.of(2020, 1, 2, 0, 0),
                        100.125, LocalDateTime.of(2020, 1, 10, 15, 30), 103.5, new BigDecimal("33.7500")),
                new Trade("trend", "AAPL", Side.SHORT, new BigDecimal("3"), LocalDateTime.of(2020, 2, 3, 9, 30),
                        50.0, LocalDateTime.of(2020, 2, 4, 16, 0), 51.333, new BigDecimal("-4.00"))));
        assertThat(store.trades().strategies()).containsExactly(new Strategy("trend", "trend", null));
        assertThat(store.instruments().find("AAPL")).isPresent();
    }

    @Test
    void computedPnlFollowsTheSideFormula() {
        assertThat(TradeRowParser.computedPnl(Side.LONG, new BigDecimal("7"), 10.0, 10.015))
                .isEqualByComparingTo("0.11");
        assertThat(TradeRowParser.computedPnl(Side.SHORT, new BigDecimal("2.5"), 20.0, 18.0))
                .isEqualByComparingTo("5.00");
        assertThat(TradeRowParser.computedPnl(Side.SHORT, new BigDecimal("1"), 20.0, 21.005))
                .isEqualTo(new BigDecimal("-1.01"));
    }

    @Test
    void aGivenPnlIsKeptAndAnEmptyOneIsComputed() throws IOException {
        importTrades("strategy,instrument,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl\n"
                + "s,X,BUY,1,2020-01-01,10,2020-01-02,11,0.85\n"
                + "s,X,BUY,1,2020-01-03,10,2020-01-04,12,\n", false);

        assertThat(store.trades().trades("s")).extracting(Trade::pnl)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.85"), new BigDecimal("2.00"));
    }

    @Test
    void invalidTradesAreRejectedWithTheirColumn() throws IOException {
        ImportReport report = importTrades(HEADER + """
                s,X,LONG,1,2020-01-02,10,2020-01-01,11
                s,X,HOLD,1,2020-01-02,10,2020-01-03,11
                s,X,LONG,0,2020-01-02,10,2020-01-03,11
                s,X,LONG,1,2020-01-02 25:00,10,2020-01-03,11
                s,X,LONG,1,2020-01-02,-10,2020-01-03,11
                s,X,LONG,1,2020-01-02,10,2020-01-03,11
                s,X,LONG,2,2020-01-02,10,2020-01-03,12
                """, true);

        assertThat(report.rejected()).containsExactly(
                new RejectedRow(2, "exit_time: 2020-01-01T00:00 is before entry_time 2020-01-02T00:00"),
                new RejectedRow(3, "side: \"HOLD\" is not LONG, SHORT, BUY or SELL"),
                new RejectedRow(4, "quantity: must be positive, got 0"),
                new RejectedRow(5, "entry_time: \"2020-01-02 25:00\" is not a date or time "
                        + "(expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or ISO 8601 such as 2025-11-03T14:30:00Z)"),
                new RejectedRow(6, "entry_price: must be positive, got -10"),
                new RejectedRow(8, "duplicate of line 7 (s X LONG 2020-01-02T00:00 to 2020-01-03T00:00)"));
        assertThat(store.trades().count()).isEqualTo(1);
    }

    @Test
    void reimportingTradesAddsNothing() throws IOException {
        String content = HEADER + "s,X,LONG,1,2020-01-02,10,2020-01-03,11\ns,Y,SHORT,1,2020-01-02,10,2020-01-03,9\n";
        importTrades(content, false);

        ImportReport again = importTrades(content, false);

        assertThat(again.rowsNew()).isZero();
        assertThat(store.trades().count()).isEqualTo(2);
    }

    @Test
    void aTradeFileWithoutTimesIsRefused() {
        assertThatThrownBy(() -> importTrades("strategy,instrument,side,quantity,entry_price,exit_price\n"
                + "s,X,LONG,1,10,11\n", false))
                .isInstanceOf(ImportException.class)
                .hasMessage("trades.csv: missing columns \"entry_time\", \"exit_time\" "
                        + "(header: strategy,instrument,side,quantity,entry_price,exit_price)");
    }
}
