package com.positionlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.domain.StrategyKellyConfig.TierName;

/** Each strategy's Kelly configuration (table {@code strategy_kelly_config}), deleted with its strategy. */
public final class StrategyKellyConfigRepository {

    private static final String MERGE = "MERGE INTO strategy_kelly_config (strategy_id, kelly_multiplier, "
            + "max_kelly_fraction, tier, min_position, max_position, conviction_low, conviction_medium, "
            + "conviction_high, drawdown_floor, max_drawdown, min_trades, recent_trades, recent_days, "
            + "fallback_fraction, updated_at) KEY (strategy_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";

    private final Database db;

    StrategyKellyConfigRepository(Database db) {
        this.db = db;
    }

    /** The stored configuration of a strategy; empty when it has none. */
    public Optional<StrategyKellyConfig> find(String strategyId) {
        return Jdbc.read(db, "read the Kelly configuration of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM strategy_kelly_config WHERE strategy_id = ?")) {
                ps.setString(1, strategyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Inserts or replaces the configuration of {@code config.strategyId()} (whose strategy must exist) and
     * stamps {@code updated_at} with the current time; {@code config.updatedAt()} is ignored.
     */
    public void save(StrategyKellyConfig config) {
        Jdbc.inTransaction(db, "save the Kelly configuration of " + config.strategyId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(MERGE)) {
                ps.setString(1, config.strategyId());
                ps.setDouble(2, config.kellyMultiplier());
                ps.setDouble(3, config.maxKellyFraction());
                ps.setString(4, config.tier().name());
                ps.setDouble(5, config.minPosition());
                ps.setDouble(6, config.maxPosition());
                ps.setDouble(7, config.convictionLow());
                ps.setDouble(8, config.convictionMedium());
                ps.setDouble(9, config.convictionHigh());
                ps.setDouble(10, config.drawdownFloor());
                ps.setDouble(11, config.maxDrawdown());
                ps.setInt(12, config.minTrades());
                ps.setInt(13, config.recentTrades());
                ps.setInt(14, config.recentDays());
                ps.setDouble(15, config.fallbackFraction());
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes the configuration of a strategy (it then uses the defaults); true when there was one. */
    public boolean delete(String strategyId) {
        return Jdbc.inTransaction(db, "delete the Kelly configuration of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM strategy_kelly_config WHERE strategy_id = ?")) {
                ps.setString(1, strategyId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static StrategyKellyConfig map(ResultSet rs) throws SQLException {
        return new StrategyKellyConfig(rs.getString("strategy_id"), rs.getDouble("kelly_multiplier"),
                rs.getDouble("max_kelly_fraction"), TierName.valueOf(rs.getString("tier")),
                rs.getDouble("min_position"), rs.getDouble("max_position"), rs.getDouble("conviction_low"),
                rs.getDouble("conviction_medium"), rs.getDouble("conviction_high"), rs.getDouble("drawdown_floor"),
                rs.getDouble("max_drawdown"), rs.getInt("min_trades"), rs.getInt("recent_trades"),
                rs.getInt("recent_days"), rs.getDouble("fallback_fraction"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
