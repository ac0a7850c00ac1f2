package com.positionlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The sizing rules (table {@code position_sizing_rules}). A rule's parameters and constraints are kept whole
 * as JSON in {@code parameters}; the columns beside it (method, risk model, position and risk limits,
 * confidence, lookback) repeat the values that queries and reports select on. The JSON is written and read
 * by the service layer: this repository stores the text as given.
 */
public final class SizingRuleRepository {

    /** V1's column default for {@code risk_model}, stored when a rule leaves it unset. */
    public static final String DEFAULT_RISK_MODEL = "HISTORICAL_VAR";
    /** V1's column default for {@code confidence_level}, stored when a rule leaves it unset. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    /** V1's column default for {@code lookback_period} (trading days), stored when a rule leaves it unset. */
    public static final int DEFAULT_LOOKBACK_PERIOD = 252;

    /**
     * One row. Fractions are of equity (0.02 = 2%), never percent. A null risk model, confidence level or
     * lookback is stored as the column default; {@code updatedAt} is set by the store and ignored on save.
     */
    public record StoredRule(String ruleId, String ruleName, String description, String sizingMethod,
                             String riskModel, String parametersJson, Double maxPositionSize,
                             Double minPositionSize, Double maxPortfolioRisk, Double confidenceLevel,
                             Integer lookbackPeriod, boolean active, int priority, OffsetDateTime updatedAt) {
    }

    private static final String MERGE = "MERGE INTO position_sizing_rules (rule_id, rule_name, description, "
            + "sizing_method, risk_model, parameters, max_position_size, min_position_size, max_portfolio_risk, "
            + "confidence_level, lookback_period, is_active, priority, updated_at) KEY (rule_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";

    private final Database db;

    SizingRuleRepository(Database db) {
        this.db = db;
    }

    /** Every rule, by ascending priority, then name. */
    public List<StoredRule> list() {
        return Jdbc.read(db, "read the sizing rules", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM position_sizing_rules ORDER BY priority, rule_name");
                 ResultSet rs = ps.executeQuery()) {
                List<StoredRule> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        });
    }

    public Optional<StoredRule> find(String ruleId) {
        return Jdbc.read(db, "read sizing rule " + ruleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM position_sizing_rules WHERE rule_id = ?")) {
                ps.setString(1, ruleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public int count() {
        return Jdbc.read(db, "count the sizing rules", c -> Store.count(c, "position_sizing_rules"));
    }

    /** Inserts the rule, or replaces the one with its id (keeping its creation time). */
    public void save(StoredRule rule) {
        saveAll(List.of(rule));
    }

    /** Inserts or replaces every rule in one transaction: all are stored, or none is. */
    public void saveAll(Collection<StoredRule> rules) {
        Jdbc.inTransaction(db, "save " + rules.size() + " sizing rule(s)", c -> {
            merge(c, rules);
            return null;
        });
    }

    /** Deletes a rule (sizings that used it keep their history without the link); true when it existed. */
    public boolean delete(String ruleId) {
        return Jdbc.inTransaction(db, "delete sizing rule " + ruleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM position_sizing_rules WHERE rule_id = ?")) {
                ps.setString(1, ruleId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Enables or disables a rule; true when it exists. */
    public boolean setActive(String ruleId, boolean active) {
        return Jdbc.inTransaction(db, (active ? "enable" : "disable") + " sizing rule " + ruleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE position_sizing_rules SET is_active = ?, "
                    + "updated_at = CURRENT_TIMESTAMP WHERE rule_id = ?")) {
                ps.setBoolean(1, active);
                ps.setString(2, ruleId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static void merge(Connection c, Collection<StoredRule> rules) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MERGE)) {
            for (StoredRule r : rules) {
                ps.setString(1, r.ruleId());
                ps.setString(2, r.ruleName());
                ps.setString(3, r.description());
                ps.setString(4, r.sizingMethod());
                ps.setString(5, r.riskModel() == null ? DEFAULT_RISK_MODEL : r.riskModel());
                if (r.parametersJson() == null) {
                    ps.setNull(6, Types.CLOB);
                } else {
                    ps.setString(6, r.parametersJson());
                }
                Jdbc.setNullableDouble(ps, 7, r.maxPositionSize());
                Jdbc.setNullableDouble(ps, 8, r.minPositionSize());
                Jdbc.setNullableDouble(ps, 9, r.maxPortfolioRisk());
                ps.setDouble(10, r.confidenceLevel() == null ? DEFAULT_CONFIDENCE_LEVEL : r.confidenceLevel());
                ps.setInt(11, r.lookbackPeriod() == null ? DEFAULT_LOOKBACK_PERIOD : r.lookbackPeriod());
                ps.setBoolean(12, r.active());
                ps.setInt(13, r.priority());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static StoredRule map(ResultSet rs) throws SQLException {
        return new StoredRule(rs.getString("rule_id"), rs.getString("rule_name"), rs.getString("description"),
                rs.getString("sizing_method"), rs.getString("risk_model"), rs.getString("parameters"),
                Jdbc.nullableDouble(rs, "max_position_size"), Jdbc.nullableDouble(rs, "min_position_size"),
                Jdbc.nullableDouble(rs, "max_portfolio_risk"), Jdbc.nullableDouble(rs, "confidence_level"),
                rs.getInt("lookback_period"), rs.getBoolean("is_active"), rs.getInt("priority"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
