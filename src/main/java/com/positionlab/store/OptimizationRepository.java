package com.positionlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.positionlab.domain.StoredOptimization;

/** Every optimisation and frontier run of the workspace's portfolios, with its request, answer and status. */
public final class OptimizationRepository {

    private final Database db;

    OptimizationRepository(Database db) {
        this.db = db;
    }

    /** Stores a run; committed (durable) before this returns. */
    public void save(StoredOptimization o) {
        Jdbc.append(db, "save optimisation", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO optimizations (optimization_id, "
                    + "portfolio_id, kind, method, status, solver, iterations, latency_ms, request_json, response_json, "
                    + "error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, o.optimizationId());
                ps.setString(2, o.portfolioId());
                ps.setString(3, o.kind());
                ps.setString(4, o.method());
                ps.setString(5, o.status());
                ps.setString(6, o.solver());
                if (o.iterations() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, o.iterations());
                }
                ps.setDouble(8, o.latencyMs());
                ps.setString(9, o.requestJson());
                ps.setString(10, o.responseJson());
                ps.setString(11, o.error());
                return ps.executeUpdate();
            }
        });
    }

    /** The portfolio's newest successful optimisation (kind {@code optimize}), if any. */
    public Optional<StoredOptimization> latest(String portfolioId) {
        return latest(portfolioId, "optimize");
    }

    /** The portfolio's newest successful run of a kind ({@code optimize} or {@code frontier}), if any. */
    public Optional<StoredOptimization> latest(String portfolioId, String kind) {
        return Jdbc.read(db, "read the latest optimisation", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM optimizations WHERE portfolio_id = ? "
                    + "AND kind = ? AND status = 'optimal' ORDER BY created_at DESC, optimization_id DESC "
                    + "LIMIT 1")) {
                ps.setString(1, portfolioId);
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The most recent runs of every portfolio, newest first. */
    public List<StoredOptimization> recent(int limit) {
        return Jdbc.read(db, "read optimisations", conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT * FROM optimizations ORDER BY created_at DESC, optimization_id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StoredOptimization> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static StoredOptimization map(ResultSet rs) throws SQLException {
        int it = rs.getInt("iterations");
        Integer iterations = rs.wasNull() ? null : it;
        return new StoredOptimization(rs.getString("optimization_id"), rs.getString("portfolio_id"),
                rs.getString("kind"), rs.getString("method"), rs.getString("status"), rs.getString("solver"),
                iterations, rs.getDouble("latency_ms"), rs.getString("request_json"), rs.getString("response_json"),
                rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
