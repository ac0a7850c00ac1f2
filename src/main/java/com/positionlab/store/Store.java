package com.positionlab.store;

import com.positionlab.domain.WorkspaceKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The repositories over one {@link Database}, plus workspace-wide operations (what kind of workspace
 * this is, emptying it).
 */
public final class Store {

    /** Workspace kinds recorded in {@code workspace_info}. */

    private static final List<String> DATA_TABLES_CHILD_FIRST = List.of("sizing_events", "position_sizing_metrics",
            "universe_list_members", "universe_lists", "backtests",
            "optimizations", "kelly_calculations", "strategy_kelly_config", "position_sizing_history", "correlation_matrices",
            "historical_performance", "position_sizing_rules", "holdings", "portfolios", "trades", "strategies",
            "prices", "instruments", "workspace_info", "import_batches");

    /**
     * Most rows one transaction writes or deletes. H2 writes the pages of an uncommitted transaction to
     * the file once its unsaved changes pass a memory threshold (on {@code prices}, 5,000 merged rows
     * stayed in memory and 10,000 did not), and after kill -9 it does not roll such a transaction back
     * cleanly: part of it shows as committed and keys it left in a unique index make a later MERGE of
     * them loop forever. Bulk work is therefore split into transactions of at most this many rows.
     */
    public static final int MAX_ROWS_PER_TRANSACTION = 2_500;

    private final Database db;
    private final InstrumentRepository instruments;
    private final PriceRepository prices;
    private final TradeRepository trades;
    private final PortfolioRepository portfolios;
    private final KellyCalculationRepository kellyCalculations;
    private final OptimizationRepository optimizations;
    private final StrategyKellyConfigRepository strategyKellyConfigs;
    private final SizingRuleRepository rules;
    private final SizingHistoryRepository sizingHistory;
    private final SizingEventRepository sizingEvents;
    private final UniverseListRepository universeLists;
    private final BacktestRepository backtests;

    public Store(Database db) {
        this.db = db;
        this.instruments = new InstrumentRepository(db);
        this.prices = new PriceRepository(db);
        this.trades = new TradeRepository(db);
        this.portfolios = new PortfolioRepository(db);
        this.kellyCalculations = new KellyCalculationRepository(db);
        this.optimizations = new OptimizationRepository(db);
        this.strategyKellyConfigs = new StrategyKellyConfigRepository(db);
        this.rules = new SizingRuleRepository(db);
        this.sizingHistory = new SizingHistoryRepository(db);
        this.sizingEvents = new SizingEventRepository(db);
        this.universeLists = new UniverseListRepository(db);
        this.backtests = new BacktestRepository(db);
    }

    public BacktestRepository backtests() {
        return backtests;
    }

    public UniverseListRepository universeLists() {
        return universeLists;
    }

    public SizingHistoryRepository sizingHistory() {
        return sizingHistory;
    }

    public SizingEventRepository sizingEvents() {
        return sizingEvents;
    }

    public Database database() {
        return db;
    }

    public InstrumentRepository instruments() {
        return instruments;
    }

    public PriceRepository prices() {
        return prices;
    }

    public TradeRepository trades() {
        return trades;
    }

    public PortfolioRepository portfolios() {
        return portfolios;
    }

    public KellyCalculationRepository kellyCalculations() {
        return kellyCalculations;
    }

    public OptimizationRepository optimizations() {
        return optimizations;
    }

    public StrategyKellyConfigRepository strategyKellyConfigs() {
        return strategyKellyConfigs;
    }

    public SizingRuleRepository rules() {
        return rules;
    }

    /** The recorded workspace kind, empty for a store nobody has set up yet. */
    public Optional<WorkspaceKind> workspaceKind() {
        return Jdbc.read(db, "read workspace", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT info_value FROM workspace_info WHERE info_key = 'kind'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(WorkspaceKind.valueOf(rs.getString(1))) : Optional.empty();
            }
        });
    }

    public void setWorkspaceKind(WorkspaceKind kind) {
        Jdbc.inTransaction(db, "record workspace kind", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO workspace_info (info_key, info_value) KEY (info_key) VALUES ('kind', ?)")) {
                ps.setString(1, kind.name());
                return ps.executeUpdate();
            }
        });
    }

    /** Whether the store holds no instruments and no portfolios. */
    public boolean isEmpty() {
        return Jdbc.read(db, "inspect workspace",
                c -> count(c, "instruments") == 0 && count(c, "portfolios") == 0);
    }

    /**
     * Deletes every row of every table, children first, in transactions of at most
     * {@value #MAX_ROWS_PER_TRANSACTION} rows; the schema stays. A process killed part-way leaves part of
     * the rows, which the caller's next reset removes.
     */
    public void clearAll() {
        for (String table : DATA_TABLES_CHILD_FIRST) {
            int deleted;
            do {
                deleted = Jdbc.inTransaction(db, "empty the workspace", c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate("DELETE FROM " + table + " FETCH FIRST " + MAX_ROWS_PER_TRANSACTION
                                + " ROWS ONLY");
                    }
                });
            } while (deleted > 0);
        }
    }

    static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
