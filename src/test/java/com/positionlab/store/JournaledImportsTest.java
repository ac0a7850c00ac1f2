package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.Portfolio;
import com.positionlab.domain.Side;
import com.positionlab.domain.Trade;

/**
 * Trade and holding imports larger than one safe transaction go through the import journal: stored
 * all-or-nothing in bounded transactions, and a staged import a killed process left is finished from
 * where it stopped.
 */
class JournaledImportsTest {

    @TempDir
    Path dir;

    @Test
    void payloadRoundTripsEveryField() {
        List<Trade> trades = List.of(
                new Trade("S1", "AAA", Side.LONG, new BigDecimal("12.5"), LocalDateTime.of(2020, 1, 2, 9, 30, 0, 123_000_000),
                        10.25, LocalDateTime.of(2020, 1, 3, 16, 0), 11.5, new BigDecimal("15.6250")),
                new Trade("S2", "AAA", Side.SHORT, new BigDecimal("1E+3"), LocalDateTime.of(1999, 12, 31, 0, 0),
                        5, LocalDateTime.of(2000, 1, 1, 0, 0), 4, new BigDecimal("-0.0001")));
        assertThat(TradePayload.decode(TradePayload.encode(trades))).isEqualTo(trades);
    }

    @Test
    void largeSaveGoesThroughTheJournalAndLaterTradesWin() throws SQLException {
        List<Trade> trades = trades(6_000);
        trades.add(trade(17, new BigDecimal("99")));
        try (Database db = Database.open(url("big"))) {
            Store store = new Store(db);
            assertThat(store.trades().saveAll(trades)).isEqualTo(6_000);
            assertThat(store.trades().count()).isEqualTo(6_000);
            assertThat(store.trades().trades("S2").stream().filter(t -> t.pnl().compareTo(new BigDecimal("99")) == 0))
                    .hasSize(1);
            assertThat(store.trades().saveAll(trades)).isZero();
            assertThat(count(db)).isZero();
        }
    }

    @Test
    void stagedTradeImportIsFinishedOnOpenFromWhereItStopped() throws SQLException {
        List<Trade> trades = trades(4_000);
        try (Database db = Database.open(url("staged"))) {
            new Store(db).trades().saveAll(trades.subList(0, 1_000));
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO import_batches "
                    + "(kind, status, payload, rows_total, rows_moved) VALUES ('TRADES', 'STAGED', ?, 4000, 1000)")) {
                ps.setBytes(1, TradePayload.encode(trades));
                ps.executeUpdate();
            }
        }
        try (Database db = Database.open(url("staged"))) {
            assertThat(new Store(db).trades().count()).isEqualTo(4_000);
            assertThat(new Store(db).trades().strategies()).extracting(s -> s.id()).contains("S0", "S1", "S2");
            assertThat(count(db)).isZero();
        }
    }

    @Test
    void largeHoldingSaveGoesThroughTheJournalAndAStagedOneIsFinishedOnOpen() throws SQLException {
        List<Holding> holdings = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            holdings.add(new Holding("P1", "H" + i, BigDecimal.valueOf(i + 1)));
        }
        holdings.add(new Holding("P1", "H5", new BigDecimal("-2.5")));
        assertThat(HoldingPayload.decode(HoldingPayload.encode(holdings))).isEqualTo(holdings);
        try (Database db = Database.open(url("holdings"))) {
            Store store = new Store(db);
            store.portfolios().save(new Portfolio("P1", "P1", "USD", BigDecimal.ZERO));
            store.instruments().saveAll(holdings.stream().map(h -> Instrument.unclassified(h.instrumentId()))
                    .distinct().toList());
            assertThat(store.portfolios().saveHoldings(holdings)).isEqualTo(3_000);
            assertThat(store.portfolios().holdings("P1")).hasSize(3_000)
                    .filteredOn(h -> h.instrumentId().equals("H5")).extracting(h -> h.quantity().doubleValue())
                    .containsExactly(-2.5);
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO import_batches "
                    + "(kind, status, payload, rows_total, rows_moved) VALUES ('HOLDINGS', 'STAGED', ?, 2, 0)")) {
                ps.setBytes(1, HoldingPayload.encode(List.of(new Holding("P1", "H1", BigDecimal.ONE),
                        new Holding("P1", "H2", BigDecimal.TEN))));
                ps.executeUpdate();
            }
        }
        try (Database db = Database.open(url("holdings"))) {
            assertThat(new Store(db).portfolios().holdings("P1")).hasSize(3_000)
                    .filteredOn(h -> h.instrumentId().equals("H2")).extracting(h -> h.quantity().doubleValue())
                    .containsExactly(10.0);
            assertThat(count(db)).isZero();
        }
    }

    private static List<Trade> trades(int n) {
        List<Trade> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(trade(i, BigDecimal.valueOf(i % 7 - 3)));
        }
        return out;
    }

    private static Trade trade(int i, BigDecimal pnl) {
        LocalDateTime entry = LocalDateTime.of(2015, 1, 1, 10, 0).plusHours(i);
        return new Trade("S" + (i % 3), "T" + (i % 11), i % 2 == 0 ? Side.LONG : Side.SHORT, BigDecimal.TEN, entry,
                100, entry.plusMinutes(30), 101, pnl);
    }

    private static int count(Database db) throws SQLException {
        try (Connection c = db.connection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM import_batches")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name);
    }
}
