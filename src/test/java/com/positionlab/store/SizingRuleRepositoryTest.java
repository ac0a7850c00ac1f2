package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.store.SizingRuleRepository.StoredRule;
import com.positionlab.testing.TestStores;

/**
 * Sizing rules in the store: round trip of every column, MERGE replacing in place, the ordering, the column
 * defaults for unset values, enabling and deleting, and the V3 check accepting every {@link SizingMethod}.
 */
class SizingRuleRepositoryTest {

    private Database db;
    private SizingRuleRepository rules;

    @BeforeEach
    void open() {
        db = TestStores.memory();
        rules = new Store(db).rules();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static StoredRule rule(String id, String name, String method, int priority) {
        return new StoredRule(id, name, "desc of " + name, method, "PARAMETRIC", "{\"sizing_parameters\":{}}", 0.1,
                0.01, 0.2, 0.99, 500, true, priority, null);
    }

    private static StoredRule withoutTime(StoredRule r) {
        return new StoredRule(r.ruleId(), r.ruleName(), r.description(), r.sizingMethod(), r.riskModel(),
                r.parametersJson(), r.maxPositionSize(), r.minPositionSize(), r.maxPortfolioRisk(), r.confidenceLevel(),
                r.lookbackPeriod(), r.active(), r.priority(), null);
    }

    @Test
    void everyColumnComesBackAsSaved() {
        StoredRule r = rule("k", "Kelly", "KELLY_CRITERION", 5);
        rules.save(r);
        StoredRule back = rules.find("k").orElseThrow();
        assertThat(withoutTime(back)).isEqualTo(r);
        assertThat(back.updatedAt()).isNotNull();
        assertThat(rules.count()).isEqualTo(1);
        assertThat(rules.find("missing")).isEmpty();
    }

    @Test
    void savingAnExistingIdReplacesItAndKeepsItsCreationTime() throws SQLException {
        rules.save(rule("k", "Kelly", "KELLY_CRITERION", 5));
        OffsetDateTime created = createdAt("k");
        StoredRule renamed = new StoredRule("k", "Half Kelly", null, "KELLY_CRITERION", null, null, null, null, null,
                null, null, false, 7, null);
        rules.save(renamed);
        assertThat(rules.count()).isEqualTo(1);
        StoredRule back = rules.find("k").orElseThrow();
        assertThat(back.ruleName()).isEqualTo("Half Kelly");
        assertThat(back.active()).isFalse();
        assertThat(back.maxPositionSize()).isNull();
        assertThat(createdAt("k")).isEqualTo(created);
    }

    @Test
    void unsetRiskModelConfidenceAndLookbackTakeTheColumnDefaults() {
        rules.save(new StoredRule("e", "Equal", null, "EQUAL_WEIGHT", null, null, null, null, null, null, null, true,
                100, null));
        StoredRule back = rules.find("e").orElseThrow();
        assertThat(back.riskModel()).isEqualTo(SizingRuleRepository.DEFAULT_RISK_MODEL);
        assertThat(back.confidenceLevel()).isEqualTo(SizingRuleRepository.DEFAULT_CONFIDENCE_LEVEL);
        assertThat(back.lookbackPeriod()).isEqualTo(SizingRuleRepository.DEFAULT_LOOKBACK_PERIOD);
        assertThat(back.parametersJson()).isNull();
    }

    @Test
    void listIsOrderedByPriorityThenName() {
        rules.save(rule("c", "Charlie", "RISK_PARITY", 20));
        rules.save(rule("b", "Bravo", "EQUAL_WEIGHT", 10));
        rules.save(rule("a", "Alpha", "FIXED_PERCENTAGE", 20));
        assertThat(rules.list()).extracting(StoredRule::ruleId).containsExactly("b", "a", "c");
    }

    @Test
    void setActiveAndDeleteReportWhetherTheRuleExisted() {
        rules.save(rule("k", "Kelly", "KELLY_CRITERION", 5));
        assertThat(rules.setActive("k", false)).isTrue();
        assertThat(rules.find("k").orElseThrow().active()).isFalse();
        assertThat(rules.setActive("nope", true)).isFalse();
        assertThat(rules.delete("k")).isTrue();
        assertThat(rules.delete("k")).isFalse();
        assertThat(rules.list()).isEmpty();
    }

    @Test
    void everySizingMethodIsAcceptedByTheSchema() {
        int i = 0;
        for (SizingMethod m : SizingMethod.values()) {
            rules.save(rule("r" + i, "Rule " + i++, m.name(), 1));
        }
        assertThat(rules.list()).extracting(StoredRule::sizingMethod)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(SizingMethod.values()).map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void anUnknownMethodOrADuplicateNameIsRefusedAndNothingOfTheBatchIsStored() {
        assertThatThrownBy(() -> rules.save(rule("m", "Martingale", "MARTINGALE", 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("CK_RULES_METHOD");
        assertThatThrownBy(() -> rules.saveAll(java.util.List.of(rule("a", "Same", "EQUAL_WEIGHT", 1),
                rule("b", "Same", "EQUAL_WEIGHT", 1))))
                .isInstanceOf(StoreException.class).hasMessageContaining("UQ_RULES_NAME");
        assertThat(rules.count()).isZero();
    }

    private OffsetDateTime createdAt(String id) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT created_at FROM position_sizing_rules WHERE rule_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }
}
