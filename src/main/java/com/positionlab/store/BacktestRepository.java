package com.positionlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.positionlab.domain.StoredBacktest;

/** The workspace's stored backtests, newest first; only the newest {@value #KEPT} are kept. */
public final class BacktestRepository {

    static final int KEPT = 100;

    private final Database db;

    BacktestRepository(Database db) {
        this.db = db;
    }

    /** Stores a backtest and drops those beyond the newest {@value #KEPT}, in one transaction. */
    public void save(StoredBacktest b) {
        Jdbc.inTransaction(db, "save the backtest", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtests (backtest_id, kind, label, "
                    + "latency_ms, request_json, response_json) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement old = c.prepareStatement("DELETE FROM backtests WHERE backtest_id IN (SELECT "
                         + "backtest_id FROM backtests ORDER BY created_at DESC, backtest_id DESC OFFSET ? ROWS)")) {
                ps.setString(1, b.backtestId());
                ps.setString(2, b.kind());
                ps.setString(3, b.label());
                ps.setDouble(4, b.latencyMs());
                ps.setString(5, b.requestJson());
                ps.setString(6, b.responseJson());
                ps.executeUpdate();
                old.setInt(1, KEPT);
                return old.executeUpdate();
            }
        });
    }

    /** The newest backtests, without their answers (for a list). */
    public List<StoredBacktest> recent(int limit) {
        return Jdbc.read(db, "read backtests", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT backtest_id, kind, label, latency_ms, request_json, "
                    + "NULL AS response_json, created_at FROM backtests ORDER BY created_at DESC, backtest_id DESC "
                    + "LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StoredBacktest> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    /** One backtest with its answer. */
    public Optional<StoredBacktest> find(String id) {
        return Jdbc.read(db, "read the backtest", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM backtests WHERE backtest_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    private static StoredBacktest map(ResultSet rs) throws SQLException {
        return new StoredBacktest(rs.getString("backtest_id"), rs.getString("kind"), rs.getString("label"),
                rs.getDouble("latency_ms"), rs.getString("request_json"), rs.getString("response_json"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
