package com.positionlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.domain.Fill;
import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredSizing;

/** Accepted sizings ({@code position_sizing_history}), newest first. */
public final class SizingHistoryRepository {

    private final Database db;

    SizingHistoryRepository(Database db) {
        this.db = db;
    }

    /**
     * Saves an accepted sizing.
     *
     * @throws StoreException when this decision was already accepted with this method
     */
    public void save(StoredSizing s) {
        Jdbc.append(db, "save sizing " + s.sizingId(), c -> {
            insert(c, s);
            return null;
        });
    }

    /**
     * Stores an accepted sizing and, when {@code fill} is given, applies it to the portfolio's holding and
     * cash, in one transaction: after a crash either both are there or neither is.
     */
    public void save(StoredSizing s, Fill fill) {
        if (fill == null) {
            save(s);
            return;
        }
        Jdbc.inTransaction(db, "save sizing " + s.sizingId() + " and fill it", c -> {
            insert(c, s);
            return PortfolioRepository.applyFill(c, fill);
        });
    }

    private static void insert(Connection c, StoredSizing s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_sizing_history (sizing_id, "
                + "decision_id, portfolio_id, instrument_id, direction, sizing_method, rule_id, recommended_size, "
                + "recommended_notional, recommended_weight, kelly_fraction, confidence_score, request_json, "
                + "response_json, processing_time_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?)")) {
            ps.setString(1, s.sizingId());
            ps.setString(2, s.decisionId());
            ps.setString(3, s.portfolioId());
            ps.setString(4, s.instrumentId());
            ps.setString(5, s.direction());
            ps.setString(6, s.sizingMethod());
            ps.setString(7, s.ruleId());
            ps.setBigDecimal(8, s.recommendedSize());
            ps.setBigDecimal(9, s.recommendedNotional());
            Jdbc.setNullableDouble(ps, 10, s.recommendedWeight());
            Jdbc.setNullableDouble(ps, 11, s.kellyFraction());
            Jdbc.setNullableDouble(ps, 12, s.confidenceScore());
            ps.setString(13, s.requestJson());
            ps.setString(14, s.responseJson());
            Jdbc.setNullableDouble(ps, 15, s.processingTimeMs());
            ps.setTimestamp(16, Timestamp.from(s.createdAt() == null ? Instant.now() : s.createdAt()));
            ps.executeUpdate();
        }
    }

    public List<StoredSizing> list(SizingHistoryFilter f) {
        return Jdbc.read(db, "read sizing history", c -> {
            StringBuilder sql = new StringBuilder("SELECT * FROM position_sizing_history WHERE 1 = 1");
            List<String> args = new ArrayList<>();
            if (f.instrumentId() != null) {
                sql.append(" AND instrument_id = ?");
                args.add(f.instrumentId());
            }
            if (f.sizingMethod() != null) {
                sql.append(" AND sizing_method = ?");
                args.add(f.sizingMethod());
            }
            if (f.text() != null && !f.text().isBlank()) {
                sql.append(" AND (LOWER(instrument_id) LIKE ? OR LOWER(sizing_method) LIKE ? OR LOWER(decision_id) "
                        + "LIKE ?)");
                String like = "%" + f.text().trim().toLowerCase(java.util.Locale.ROOT) + "%";
                args.add(like);
                args.add(like);
                args.add(like);
            }
            sql.append(" ORDER BY created_at DESC, sizing_id LIMIT ").append(Math.max(1, f.limit()));
            List<StoredSizing> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The accepted sizings saved from {@code from} up to (not including) {@code until}, oldest first, at most
     * {@code limit}; and in {@code total[0]} how many there are in all.
     */
    public List<StoredSizing> between(Instant from, Instant until, int limit, long[] total) {
        return Jdbc.read(db, "read sizing history", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM position_sizing_history "
                    + "WHERE created_at >= ? AND created_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(until));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total[0] = rs.getLong(1);
                }
            }
            List<StoredSizing> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM position_sizing_history "
                    + "WHERE created_at >= ? AND created_at < ? ORDER BY created_at, sizing_id FETCH FIRST ? ROWS ONLY")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(until));
                ps.setInt(3, Math.max(1, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Deletes at most {@code limit} accepted sizings saved before {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff, int limit) {
        return Jdbc.append(db, "delete old sizing history", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM position_sizing_history WHERE created_at < ? "
                    + "FETCH FIRST ? ROWS ONLY")) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                ps.setInt(2, limit);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes at most {@code limit} of the oldest accepted sizings beyond the newest {@code keep}. */
    public int deleteBeyondNewest(long keep, int limit) {
        return Jdbc.append(db, "delete surplus sizing history", c -> {
            Timestamp threshold;
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM position_sizing_history "
                    + "ORDER BY created_at DESC OFFSET ? ROWS FETCH NEXT 1 ROW ONLY")) {
                ps.setLong(1, keep);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    threshold = rs.getTimestamp(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM position_sizing_history WHERE created_at <= ? "
                    + "FETCH FIRST ? ROWS ONLY")) {
                ps.setTimestamp(1, threshold);
                ps.setInt(2, limit);
                return ps.executeUpdate();
            }
        });
    }

    public int count() {
        return Jdbc.read(db, "count sizing history", c -> Store.count(c, "position_sizing_history"));
    }

    private static StoredSizing map(ResultSet rs) throws SQLException {
        return new StoredSizing(rs.getString("sizing_id"), rs.getString("decision_id"), rs.getString("portfolio_id"),
                rs.getString("instrument_id"), rs.getString("direction"), rs.getString("sizing_method"),
                rs.getString("rule_id"), Jdbc.plain(rs.getBigDecimal("recommended_size")),
                rs.getBigDecimal("recommended_notional"), Jdbc.nullableDouble(rs, "recommended_weight"),
                Jdbc.nullableDouble(rs, "kelly_fraction"), Jdbc.nullableDouble(rs, "confidence_score"),
                rs.getString("request_json"), rs.getString("response_json"),
                Jdbc.nullableDouble(rs, "processing_time_ms"), rs.getTimestamp("created_at").toInstant());
    }
}
