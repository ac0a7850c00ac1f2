package com.positionlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.positionlab.domain.Side;
import com.positionlab.domain.Strategy;
import com.positionlab.domain.Trade;

/** Strategies and their closed trades. */
public final class TradeRepository {

    private static final String UPDATE_TRADE = "UPDATE trades SET quantity = ?, entry_price = ?, exit_price = ?, "
            + "pnl = ? WHERE strategy_id = ? AND instrument_id = ? AND side = ? AND entry_time = ? AND exit_time = ?";
    private static final String INSERT_TRADE = "INSERT INTO trades (strategy_id, instrument_id, side, quantity, "
            + "entry_time, entry_price, exit_time, exit_price, pnl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Trades as an {@link ImportJournal} kind: unknown strategies and instruments first, then the trades. */
    static final ImportJournal.Kind<Trade> IMPORT = new ImportJournal.Kind<>("TRADES", "trades",
            TradePayload::encode, TradePayload::decode, TradeRepository::storeTrades);

    private final Database db;

    TradeRepository(Database db) {
        this.db = db;
    }

    public void saveStrategies(Collection<Strategy> strategies) {
        Jdbc.inTransaction(db, "save strategies", c -> {
            mergeStrategies(c, strategies);
            return null;
        });
    }

    public List<Strategy> strategies() {
        return Jdbc.read(db, "read strategies", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM strategies ORDER BY strategy_id");
                 ResultSet rs = ps.executeQuery()) {
                List<Strategy> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Strategy(rs.getString("strategy_id"), rs.getString("name"),
                            rs.getString("description")));
                }
                return out;
            }
        });
    }

    /**
     * Inserts or replaces trades (same strategy, instrument, side, entry and exit time) all-or-nothing,
     * creating any strategy or instrument the store does not know yet: in one transaction, or through the
     * {@link ImportJournal} when there are more than {@link Store#MAX_ROWS_PER_TRANSACTION}. Returns how many
     * trades are new.
     */
    public int saveAll(Collection<Trade> trades) {
        if (trades.size() > Store.MAX_ROWS_PER_TRANSACTION) {
            return ImportJournal.importAll(db, IMPORT, List.copyOf(trades));
        }
        return Jdbc.inTransaction(db, "save trades", c -> storeTrades(c, List.copyOf(trades)));
    }

    /** Stores at most {@link Store#MAX_ROWS_PER_TRANSACTION} trades in the caller's transaction; returns how many are new. */
    private static int storeTrades(Connection c, List<Trade> trades) throws SQLException {
        Set<String> known = new HashSet<>();
        for (Strategy s : strategiesIn(c)) {
            known.add(s.id());
        }
        mergeStrategies(c, trades.stream().map(Trade::strategyId).distinct().filter(id -> !known.contains(id))
                .map(id -> new Strategy(id, id, null)).toList());
        InstrumentRepository.createMissing(c, trades.stream().map(Trade::instrumentId).distinct().toList());
        Map<List<Object>, Trade> last = new LinkedHashMap<>();
        for (Trade t : trades) {
            last.put(List.of(t.strategyId(), t.instrumentId(), t.side(), t.entryTime(), t.exitTime()), t);
        }
        List<Trade> distinct = new ArrayList<>(last.values());
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement(UPDATE_TRADE)) {
            for (Trade t : distinct) {
                ps.setBigDecimal(1, t.quantity());
                ps.setDouble(2, t.entryPrice());
                ps.setDouble(3, t.exitPrice());
                ps.setBigDecimal(4, t.pnl());
                ps.setString(5, t.strategyId());
                ps.setString(6, t.instrumentId());
                ps.setString(7, t.side().name());
                ps.setTimestamp(8, Timestamp.valueOf(t.entryTime()));
                ps.setTimestamp(9, Timestamp.valueOf(t.exitTime()));
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT_TRADE)) {
            for (int i = 0; i < distinct.size(); i++) {
                if (updated[i] != 0) {
                    continue;
                }
                Trade t = distinct.get(i);
                ps.setString(1, t.strategyId());
                ps.setString(2, t.instrumentId());
                ps.setString(3, t.side().name());
                ps.setBigDecimal(4, t.quantity());
                ps.setTimestamp(5, Timestamp.valueOf(t.entryTime()));
                ps.setDouble(6, t.entryPrice());
                ps.setTimestamp(7, Timestamp.valueOf(t.exitTime()));
                ps.setDouble(8, t.exitPrice());
                ps.setBigDecimal(9, t.pnl());
                ps.addBatch();
                inserted++;
            }
            if (inserted > 0) {
                ps.executeBatch();
            }
        }
        return inserted;
    }

    /** The closed trades of a strategy, by exit time. */
    public List<Trade> trades(String strategyId) {
        return Jdbc.read(db, "read trades of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM trades WHERE strategy_id = ? ORDER BY exit_time, trade_id")) {
                ps.setString(1, strategyId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Trade> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    /** Number of closed trades per strategy id, for every strategy. */
    public Map<String, Integer> tradeCounts() {
        return Jdbc.read(db, "count trades", c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.strategy_id, COUNT(t.trade_id) FROM strategies s "
                    + "LEFT JOIN trades t ON t.strategy_id = s.strategy_id GROUP BY s.strategy_id ORDER BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    public int count() {
        return Jdbc.read(db, "count trades", c -> Store.count(c, "trades"));
    }

    private static List<Strategy> strategiesIn(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT strategy_id, name, description FROM strategies");
             ResultSet rs = ps.executeQuery()) {
            List<Strategy> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Strategy(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        }
    }

    private static void mergeStrategies(Connection c, Collection<Strategy> strategies) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO strategies (strategy_id, name, description) KEY (strategy_id) VALUES (?, ?, ?)")) {
            for (Strategy s : strategies) {
                ps.setString(1, s.id());
                ps.setString(2, s.name());
                ps.setString(3, s.description());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Trade map(ResultSet rs) throws SQLException {
        return new Trade(rs.getString("strategy_id"), rs.getString("instrument_id"),
                Side.valueOf(rs.getString("side")), Jdbc.plain(rs.getBigDecimal("quantity")),
                rs.getTimestamp("entry_time").toLocalDateTime(), rs.getDouble("entry_price"),
                rs.getTimestamp("exit_time").toLocalDateTime(), rs.getDouble("exit_price"),
                rs.getBigDecimal("pnl"));
    }
}
