package com.positionlab.store;

import com.positionlab.domain.WorkspaceKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.Portfolio;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Side;
import com.positionlab.domain.Strategy;
import com.positionlab.domain.Trade;

/**
 * The store on a real H2 file: the migrations create the whole schema, repositories give back exactly
 * what they were given (decimals, doubles, nulls, dates and timestamps), MERGE writes are idempotent,
 * data survives close and reopen, the schema's constraints hold, a non-H2 URL is refused with a message
 * naming it, and a corrupt file is replaced by its last backup on open.
 */
class StoreTest {

    private static final Set<String> TABLES = Set.of("INSTRUMENTS", "PRICES", "STRATEGIES", "TRADES", "PORTFOLIOS",
            "HOLDINGS", "WORKSPACE_INFO", "POSITION_SIZING_RULES", "HISTORICAL_PERFORMANCE",
            "CORRELATION_MATRICES", "POSITION_SIZING_HISTORY", "KELLY_CALCULATIONS", "POSITION_SIZING_METRICS");

    @TempDir
    Path dir;

    private String url;
    private Database db;
    private Store store;

    @BeforeEach
    void open() {
        url = "jdbc:h2:file:" + dir.resolve("t");
        db = Database.open(url);
        store = new Store(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void reopen() {
        db.close();
        db = Database.open(url);
        store = new Store(db);
    }

    @Test
    void migrationsCreateEveryTable() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toUpperCase());
            }
        }
        assertThat(tables).containsAll(TABLES);
        assertThat(db.url()).contains(";WRITE_DELAY=0").endsWith(";REUSE_SPACE=FALSE");
        assertThat(db.isFileBased()).isTrue();
        assertThat(db.isHealthy()).isTrue();
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void instrumentsRoundTripExactly() {
        Instrument aapl = new Instrument("AAPL", "Apple Inc.", "Technology", "USD", new BigDecimal("1"), 71.25);
        Instrument btc = new Instrument("BTC", "Bitcoin", "Crypto", "USD", new BigDecimal("0.000001"), null);
        store.instruments().saveAll(List.of(aapl, btc));

        reopen();

        assertThat(store.instruments().findAll()).containsExactly(aapl, btc);
        assertThat(store.instruments().find("BTC")).contains(btc);
        assertThat(store.instruments().find("NOPE")).isEmpty();
        assertThat(store.instruments().existing(List.of("AAPL", "NOPE"))).containsExactly("AAPL");
    }

    @Test
    void pricesRoundTripWithNullableColumns() {
        LocalDate d = LocalDate.of(2024, 2, 29);
        PriceBar full = new PriceBar("MSFT", d, 407.123456789, 405.987654321, 410.5, 401.0000001, 21_345_678_901L);
        PriceBar bare = PriceBar.close("MSFT", d.plusDays(1), 0.1 + 0.2);
        assertThat(store.prices().saveAll(List.of(full, bare))).isEqualTo(2);

        reopen();

        assertThat(store.prices().history("MSFT")).containsExactly(full, bare);
        assertThat(store.prices().latest(List.of("MSFT", "NONE"))).containsOnlyKeys("MSFT")
                .containsEntry("MSFT", bare);
        PriceRepository.PriceSeries series = store.prices().adjustedCloses(List.of("MSFT"), d.plusDays(1)).get("MSFT");
        assertThat(series.dates()).containsExactly(d.plusDays(1));
        assertThat(series.values()).containsExactly(0.1 + 0.2);
        assertThat(store.instruments().find("MSFT")).contains(Instrument.unclassified("MSFT"));
    }

    @Test
    void theNewestBarIsReadWithoutScanningTheInstrumentsHistory() throws SQLException {
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            bars.add(PriceBar.close("SPY", LocalDate.of(2020, 1, 1).plusDays(i), 300 + i));
            bars.add(PriceBar.close("QQQ", LocalDate.of(2020, 1, 1).plusDays(i), 200 + i));
        }
        store.prices().saveAll(bars);

        assertThat(store.prices().latest(List.of("SPY", "QQQ")).get("SPY"))
                .isEqualTo(PriceBar.close("SPY", LocalDate.of(2020, 1, 1).plusDays(999), 1299));
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + PriceRepository.LATEST)) {
            ps.setString(1, "SPY");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("scanCount: 1 */").contains("index sorted");
            }
        }
    }

    @Test
    void savingTheSamePricesTwiceKeepsOneRowEach() {
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bars.add(PriceBar.close("SPY", LocalDate.of(2023, 1, 1).plusDays(i), 400 + i));
        }
        assertThat(store.prices().saveAll(bars)).isEqualTo(30);
        assertThat(store.prices().saveAll(bars)).isZero();
        assertThat(store.prices().count()).isEqualTo(30);

        PriceBar revised = PriceBar.close("SPY", LocalDate.of(2023, 1, 1), 399.5);
        assertThat(store.prices().saveAll(List.of(revised))).isZero();
        assertThat(store.prices().history("SPY").get(0)).isEqualTo(revised);
        assertThat(store.prices().count()).isEqualTo(30);
    }

    @Test
    void tradesRoundTripAndMergeOnTheirNaturalKey() {
        LocalDateTime entry = LocalDateTime.of(2024, 3, 1, 9, 30, 15, 123_000_000);
        Trade t1 = new Trade("momo", "NVDA", Side.LONG, new BigDecimal("12.5"), entry, 850.25,
                entry.plusHours(6), 861.75, new BigDecimal("143.7500"));
        Trade t2 = new Trade("momo", "NVDA", Side.SHORT, new BigDecimal("0.000001"), entry.plusDays(1), 870.0,
                entry.plusDays(2), 880.0, new BigDecimal("-0.0100"));
        store.trades().saveStrategies(List.of(new Strategy("momo", "Momentum", "12-1 momentum")));
        assertThat(store.trades().saveAll(List.of(t1, t2))).isEqualTo(2);
        assertThat(store.trades().saveAll(List.of(t1, t2))).isZero();

        reopen();

        assertThat(store.trades().trades("momo")).containsExactly(t1, t2);
        assertThat(store.trades().strategies()).containsExactly(new Strategy("momo", "Momentum", "12-1 momentum"));
        assertThat(store.trades().tradeCounts()).containsExactly(java.util.Map.entry("momo", 2));
        assertThat(store.trades().count()).isEqualTo(2);
    }

    @Test
    void tradesCreateUnknownStrategiesAndInstruments() {
        LocalDateTime entry = LocalDateTime.of(2024, 1, 2, 10, 0);
        Trade t = new Trade("new-strat", "XYZ", Side.LONG, BigDecimal.TEN, entry, 10.0, entry.plusDays(1), 11.0,
                new BigDecimal("10.0000"));
        store.trades().saveAll(List.of(t));
        assertThat(store.trades().strategies()).containsExactly(new Strategy("new-strat", "new-strat", null));
        assertThat(store.instruments().find("XYZ")).contains(Instrument.unclassified("XYZ"));
    }

    @Test
    void portfoliosAndHoldingsRoundTripExactDecimals() {
        store.instruments().saveAll(List.of(Instrument.unclassified("AAA"), Instrument.unclassified("BBB")));
        Portfolio p = new Portfolio("main", "Main book", "EUR", new BigDecimal("1234567.8901"));
        store.portfolios().save(p);
        Holding a = new Holding("main", "AAA", new BigDecimal("100.123456"));
        Holding b = new Holding("main", "BBB", new BigDecimal("-25"));
        assertThat(store.portfolios().saveHoldings(List.of(a, b))).isEqualTo(2);
        assertThat(store.portfolios().saveHoldings(List.of(a))).isZero();

        reopen();

        assertThat(store.portfolios().find("main")).contains(p);
        assertThat(store.portfolios().findAll()).containsExactly(p);
        assertThat(store.portfolios().holdings("main")).containsExactly(a, b);

        store.portfolios().deleteHolding("main", "AAA");
        assertThat(store.portfolios().holdings("main")).containsExactly(b);

        Portfolio renamed = new Portfolio("main", "Renamed", "EUR", new BigDecimal("0.0001"));
        Holding c = new Holding("main", "AAA", new BigDecimal("1"));
        store.portfolios().replace(renamed, List.of(c));
        assertThat(store.portfolios().find("main")).contains(renamed);
        assertThat(store.portfolios().holdings("main")).containsExactly(c);
        assertThat(store.isEmpty()).isFalse();
    }

    @Test
    void duplicateRuleNameIsRejected() throws SQLException {
        try (Connection c = db.connection()) {
            insertRule(c, "r1", "Quarter Kelly");
            assertThatThrownBy(() -> insertRule(c, "r2", "Quarter Kelly"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("UQ_RULES_NAME");
        }
    }

    @Test
    void unknownSizingMethodIsRejected() throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO position_sizing_rules (rule_id, rule_name, sizing_method) VALUES ('r', 'n', 'MARTINGALE')")) {
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("CK_RULES_METHOD");
        }
    }

    @Test
    void negativeCloseIsRejectedAndNothingIsWritten() {
        PriceBar good = PriceBar.close("IBM", LocalDate.of(2024, 1, 2), 150.0);
        PriceBar bad = PriceBar.close("IBM", LocalDate.of(2024, 1, 3), -1.0);
        assertThatThrownBy(() -> store.prices().saveAll(List.of(good, bad)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("save prices");
        assertThat(store.prices().count()).isZero();
        assertThat(store.instruments().count()).isZero();
    }

    @Test
    void holdingOfUnknownInstrumentIsRejected() {
        store.portfolios().save(new Portfolio("p", "P", "USD", BigDecimal.ZERO));
        assertThatThrownBy(() -> store.portfolios().saveHoldings(List.of(new Holding("p", "GHOST", BigDecimal.ONE))))
                .isInstanceOf(StoreException.class);
        assertThat(store.portfolios().holdings("p")).isEmpty();
    }

    @Test
    void clearAllEmptiesEveryTable() throws SQLException {
        store.prices().saveAll(List.of(PriceBar.close("A", LocalDate.of(2024, 1, 2), 1.0)));
        store.portfolios().save(new Portfolio("p", "P", "USD", BigDecimal.ONE));
        store.portfolios().saveHoldings(List.of(new Holding("p", "A", BigDecimal.ONE)));
        LocalDateTime t = LocalDateTime.of(2024, 1, 2, 10, 0);
        store.trades().saveAll(List.of(new Trade("s", "A", Side.LONG, BigDecimal.ONE, t, 1, t, 1, BigDecimal.ZERO)));
        store.setWorkspaceKind(WorkspaceKind.DEMO);
        try (Connection c = db.connection()) {
            insertRule(c, "r1", "Rule");
        }

        store.clearAll();

        try (Connection c = db.connection()) {
            for (String table : TABLES) {
                assertThat(Store.count(c, table)).as(table).isZero();
            }
        }
        assertThat(store.isEmpty()).isTrue();
        assertThat(store.workspaceKind()).isEmpty();
    }

    @Test
    void workspaceKindRoundTrips() {
        assertThat(store.workspaceKind()).isEmpty();
        store.setWorkspaceKind(WorkspaceKind.DEMO);
        store.setWorkspaceKind(WorkspaceKind.USER);
        reopen();
        assertThat(store.workspaceKind()).contains(WorkspaceKind.USER);
    }

    @Test
    void nonH2UrlIsRefusedWithItsName() {
        String pg = "jdbc:postgresql://localhost/positionlab";
        assertThatThrownBy(() -> Database.open(pg)).isInstanceOf(StoreException.class).hasMessageContaining(pg);
        assertThatThrownBy(() -> Database.open(" ")).isInstanceOf(StoreException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void secondOpenOfTheSameFileInThisProcessSharesIt() {
        store.prices().saveAll(List.of(PriceBar.close("A", LocalDate.of(2024, 1, 2), 1.0)));
        try (Database other = Database.open(url)) {
            assertThat(new Store(other).prices().count()).isEqualTo(1);
            assertThat(other.restoredFromBackup()).isFalse();
        }
    }

    @Test
    void backupWritesAZipBesideTheFile() throws IOException {
        store.prices().saveAll(List.of(PriceBar.close("A", LocalDate.of(2024, 1, 2), 1.0)));
        Path zip = db.backup().orElseThrow();
        assertThat(zip).isEqualTo(dir.resolve("t.backup.zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(e -> e.getName()).toList()).contains("t.mv.db");
        }
        assertThat(dir.resolve("t.backup.zip.tmp")).doesNotExist();
    }

    @Test
    void corruptFileIsRestoredFromTheBackup() throws IOException {
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            bars.add(new PriceBar("QQQ", LocalDate.of(2020, 1, 1).plusDays(i), 300 + i * 0.01, 299 + i * 0.01,
                    null, null, (long) i));
        }
        store.prices().saveAll(bars);
        store.setWorkspaceKind(WorkspaceKind.USER);
        db.backup();
        db.close();

        Path file = dir.resolve("t.mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        db = Database.open(url);
        store = new Store(db);

        assertThat(db.restoredFromBackup()).isTrue();
        assertThat(store.prices().history("QQQ")).isEqualTo(bars);
        assertThat(store.workspaceKind()).contains(WorkspaceKind.USER);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("t.mv.db.corrupt-"));
        }
    }

    @Test
    void corruptFileWithoutBackupFailsWithAClearMessage() throws IOException {
        db.close();
        Path file = dir.resolve("t.mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(11).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(StoreException.class)
                .hasMessageContaining(dir.resolve("t").toString());
        db = Database.open("jdbc:h2:mem:unused-" + System.nanoTime());
    }

    private static void insertRule(Connection c, String id, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_sizing_rules "
                + "(rule_id, rule_name, sizing_method, risk_model) VALUES (?, ?, 'KELLY_CRITERION', 'PARAMETRIC')")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.executeUpdate();
        }
    }
}
