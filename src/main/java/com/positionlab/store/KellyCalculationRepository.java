package com.positionlab.store;

import com.positionlab.domain.StoredCalculation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Every Kelly calculation, with its request and response as JSON and the time it took. */
public final class KellyCalculationRepository {

    private final Database db;

    KellyCalculationRepository(Database db) {
        this.db = db;
    }

    public void save(StoredCalculation c) {
        Jdbc.append(db, "save Kelly calculation", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO kelly_calculations (calculation_id, "
                    + "strategy_id, instrument_id, win_probability, average_win, average_loss, expected_return, "
                    + "kelly_fraction, adjusted_kelly, confidence_lower, confidence_upper, confidence_level, sample_size, "
                    + "request_json, response_json, processing_time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?)")) {
                ps.setString(1, c.calculationId());
                ps.setString(2, c.strategyId());
                ps.setString(3, c.instrumentId());
                Jdbc.setNullableDouble(ps, 4, c.winProbability());
                Jdbc.setNullableDouble(ps, 5, c.averageWin());
                Jdbc.setNullableDouble(ps, 6, c.averageLoss());
                Jdbc.setNullableDouble(ps, 7, c.expectedReturn());
                ps.setDouble(8, c.kellyFraction());
                ps.setDouble(9, c.adjustedKelly());
                Jdbc.setNullableDouble(ps, 10, c.confidenceLower());
                Jdbc.setNullableDouble(ps, 11, c.confidenceUpper());
                Jdbc.setNullableDouble(ps, 12, c.confidenceLevel());
                if (c.sampleSize() == null) {
                    ps.setNull(13, Types.INTEGER);
                } else {
                    ps.setInt(13, c.sampleSize());
                }
                ps.setString(14, c.requestJson());
                ps.setString(15, c.responseJson());
                ps.setDouble(16, c.processingTimeMs());
                return ps.executeUpdate();
            }
        });
    }

    /** The most recent calculations, newest first. */
    public List<StoredCalculation> recent(int limit) {
        return Jdbc.read(db, "read Kelly calculations", conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT * FROM kelly_calculations ORDER BY created_at DESC, calculation_id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StoredCalculation> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static StoredCalculation map(ResultSet rs) throws SQLException {
        int n = rs.getInt("sample_size");
        Integer sample = rs.wasNull() ? null : n;
        return new StoredCalculation(rs.getString("calculation_id"), rs.getString("strategy_id"),
                rs.getString("instrument_id"), Jdbc.nullableDouble(rs, "win_probability"),
                Jdbc.nullableDouble(rs, "average_win"), Jdbc.nullableDouble(rs, "average_loss"),
                Jdbc.nullableDouble(rs, "expected_return"), rs.getDouble("kelly_fraction"),
                rs.getDouble("adjusted_kelly"), Jdbc.nullableDouble(rs, "confidence_lower"),
                Jdbc.nullableDouble(rs, "confidence_upper"), Jdbc.nullableDouble(rs, "confidence_level"), sample,
                rs.getString("request_json"), rs.getString("response_json"), rs.getDouble("processing_time_ms"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
