package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RuleBuilder;
import com.positionlab.testing.TestStores;

/**
 * The rule service: every field's bounds named by its contract path, unset fields valid, unique names, copy
 * names, the JSON round trip, all-or-nothing import naming the rule's index, and the starter rules.
 */
class RuleServiceTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private RuleService service;

    @BeforeEach
    void open() {
        db = TestStores.memory();
        store = new Store(db);
        service = new RuleService(store);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SizingRule rule(Consumer<RuleBuilder> change) {
        RuleBuilder b = RuleBuilder.valid();
        change.accept(b);
        return b.build();
    }

    static Stream<Arguments> outOfBounds() {
        String p = "sizing_parameters.";
        String c = "risk_constraints.";
        return Stream.of(
                Arguments.of("rule_name", (Consumer<RuleBuilder>) b -> b.ruleName = "  "),
                Arguments.of("rule_name", (Consumer<RuleBuilder>) b -> b.ruleName = "x".repeat(201)),
                Arguments.of("rule_name", (Consumer<RuleBuilder>) b -> b.ruleName = "=HYPERLINK(\"http://x\")"),
                Arguments.of("description", (Consumer<RuleBuilder>) b -> b.description = "x".repeat(1001)),
                Arguments.of(p + "sizing_method", (Consumer<RuleBuilder>) b -> b.sizingMethod = null),
                Arguments.of(p + "confidence_level", (Consumer<RuleBuilder>) b -> b.confidenceLevel = 1.0),
                Arguments.of(p + "confidence_level", (Consumer<RuleBuilder>) b -> b.confidenceLevel = 0.0),
                Arguments.of(p + "confidence_level", (Consumer<RuleBuilder>) b -> b.confidenceLevel = Double.NaN),
                Arguments.of(p + "lookback_period", (Consumer<RuleBuilder>) b -> b.lookbackPeriod = 19),
                Arguments.of(p + "lookback_period", (Consumer<RuleBuilder>) b -> b.lookbackPeriod = 5001),
                Arguments.of(p + "max_position_size", (Consumer<RuleBuilder>) b -> b.maxPositionSize = 0.0),
                Arguments.of(p + "max_position_size", (Consumer<RuleBuilder>) b -> b.maxPositionSize = 10.01),
                Arguments.of(p + "min_position_size", (Consumer<RuleBuilder>) b -> b.minPositionSize = -0.01),
                Arguments.of(p + "min_position_size", (Consumer<RuleBuilder>) b -> b.minPositionSize = 0.2),
                Arguments.of(p + "volatility_target", (Consumer<RuleBuilder>) b -> b.volatilityTarget = 0.0),
                Arguments.of(p + "volatility_target", (Consumer<RuleBuilder>) b -> b.volatilityTarget = 2.5),
                Arguments.of(p + "fixed_percentage", (Consumer<RuleBuilder>) b -> b.fixedPercentage = 0.0),
                Arguments.of(p + "fixed_percentage", (Consumer<RuleBuilder>) b -> b.fixedPercentage = 1.5),
                Arguments.of(p + "risk_per_trade", (Consumer<RuleBuilder>) b -> b.riskPerTrade = 0.0),
                Arguments.of(p + "risk_per_trade", (Consumer<RuleBuilder>) b -> b.riskPerTrade = 0.21),
                Arguments.of(p + "kelly_multiplier", (Consumer<RuleBuilder>) b -> b.kellyMultiplier = 0.0),
                Arguments.of(p + "kelly_multiplier", (Consumer<RuleBuilder>) b -> b.kellyMultiplier = 1.5),
                Arguments.of(p + "max_kelly_fraction", (Consumer<RuleBuilder>) b -> b.maxKellyFraction = -0.1),
                Arguments.of(p + "max_kelly_fraction", (Consumer<RuleBuilder>) b -> b.maxKellyFraction = 1.1),
                Arguments.of(p + "optimal_f_fraction", (Consumer<RuleBuilder>) b -> b.optimalFFraction = 0.0),
                Arguments.of(p + "optimal_f_fraction", (Consumer<RuleBuilder>) b -> b.optimalFFraction = 1.2),
                Arguments.of(p + "horizon_days", (Consumer<RuleBuilder>) b -> b.horizonDays = 0),
                Arguments.of(p + "horizon_days", (Consumer<RuleBuilder>) b -> b.horizonDays = 251),
                Arguments.of(p + "monte_carlo_scenarios", (Consumer<RuleBuilder>) b -> b.monteCarloScenarios = 999),
                Arguments.of(p + "monte_carlo_scenarios", (Consumer<RuleBuilder>) b -> b.monteCarloScenarios = 1_000_001),
                Arguments.of(p + "trade_returns[1]", (Consumer<RuleBuilder>) b -> b.tradeReturns = new double[]{0.1,
                        Double.POSITIVE_INFINITY}),
                Arguments.of(c + "max_portfolio_risk", (Consumer<RuleBuilder>) b -> b.maxPortfolioRisk = 0.0),
                Arguments.of(c + "max_portfolio_risk", (Consumer<RuleBuilder>) b -> b.maxPortfolioRisk = 2.1),
                Arguments.of(c + "max_instrument_weight", (Consumer<RuleBuilder>) b -> b.maxInstrumentWeight = 0.0),
                Arguments.of(c + "max_instrument_weight", (Consumer<RuleBuilder>) b -> b.maxInstrumentWeight = 10.1),
                Arguments.of(c + "max_sector_weight", (Consumer<RuleBuilder>) b -> b.maxSectorWeight = 0.0),
                Arguments.of(c + "max_sector_weight", (Consumer<RuleBuilder>) b -> b.maxSectorWeight = 10.5),
                Arguments.of(c + "correlation_limit", (Consumer<RuleBuilder>) b -> b.correlationLimit = -1.01),
                Arguments.of(c + "correlation_limit", (Consumer<RuleBuilder>) b -> b.correlationLimit = 1.01),
                Arguments.of(c + "leverage_limit", (Consumer<RuleBuilder>) b -> b.leverageLimit = 0.0),
                Arguments.of(c + "leverage_limit", (Consumer<RuleBuilder>) b -> b.leverageLimit = 100.5));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("outOfBounds")
    void aValueOutOfItsBoundsIsNamedByItsContractPath(String field, Consumer<RuleBuilder> change) {
        SizingRule bad = rule(change);
        assertThat(service.validate(bad)).extracting(FieldError::field).containsExactly(field);
        assertThatThrownBy(() -> service.save(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(store.rules().count()).isZero();
    }

    @Test
    void boundaryValuesAreValid() {
        SizingRule edge = rule(b -> {
            b.lookbackPeriod = 20;
            b.maxPositionSize = 10.0;
            b.minPositionSize = 10.0;
            b.volatilityTarget = 2.0;
            b.riskPerTrade = 0.2;
            b.kellyMultiplier = 1.0;
            b.horizonDays = 250;
            b.monteCarloScenarios = 1000;
            b.maxPortfolioRisk = 1.0;
            b.correlationLimit = -1.0;
            b.leverageLimit = 100.0;
        });
        assertThat(service.validate(edge)).isEmpty();
    }

    @Test
    void fractionMessagesGiveTheBoundsAlsoInPercent() {
        List<FieldError> errors = service.validate(rule(b -> b.fixedPercentage = 1.5));
        assertThat(errors.get(0).reason()).isEqualTo("must be in (0, 1], that is above 0% and at most 100%; got 1.5 (150%)");
        assertThat(service.validate(rule(b -> b.minPositionSize = 0.2)).get(0).reason())
                .isEqualTo("must not exceed max_position_size (0.1 = 10%), got 0.2 (20%)");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        List<FieldError> errors = service.validate(rule(b -> {
            b.ruleName = "";
            b.confidenceLevel = 2.0;
            b.leverageLimit = 101.0;
        }));
        assertThat(errors).extracting(FieldError::field).containsExactly("rule_name",
                "sizing_parameters.confidence_level", "risk_constraints.leverage_limit");
    }

    @Test
    void unsetValuesAreValidExceptTheNameAndTheMethod() {
        SizingRule minimal = new SizingRule(null, "Equal", null, true, 100, new PositionSizingRequest.SizingParameters(
                SizingMethod.EQUAL_WEIGHT, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null), null);
        assertThat(service.validate(minimal)).isEmpty();
        SizingRule saved = service.save(minimal);
        assertThat(service.find(saved.ruleId())).contains(saved);
        assertThat(service.validate(new SizingRule(null, null, null, true, 1, null, null)))
                .extracting(FieldError::field).containsExactly("rule_name", "sizing_parameters.sizing_method");
    }

    @Test
    void namesAreUniqueIgnoringCaseButARuleMayKeepItsOwnName() {
        SizingRule saved = service.save(rule(b -> b.ruleName = "Quarter Kelly"));
        assertThat(service.validate(rule(b -> b.ruleName = " quarter kelly ")))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("rule_name");
                    assertThat(e.reason()).contains("already the name of another rule");
                });
        SizingRule edited = rule(b -> {
            b.ruleId = saved.ruleId();
            b.ruleName = "Quarter Kelly";
            b.priority = 99;
        });
        assertThat(service.save(edited).priority()).isEqualTo(99);
        assertThat(service.list()).hasSize(1);
    }

    @Test
    void aNewRuleGetsASlugOfItsNameAsIdAndKeepsItWhenRenamed() {
        SizingRule a = service.save(rule(b -> b.ruleName = "2% fixed"));
        assertThat(a.ruleId()).isEqualTo("2-fixed");
        SizingRule b2 = service.save(rule(b -> b.ruleName = "2 % fixed!"));
        assertThat(b2.ruleId()).isEqualTo("2-fixed-2");
        SizingRule renamed = service.save(new SizingRule(a.ruleId(), "Two percent", a.description(), a.active(),
                a.priority(), a.parameters(), a.constraints()));
        assertThat(renamed.ruleId()).isEqualTo("2-fixed");
        assertThat(service.list()).extracting(SizingRule::ruleName).containsExactlyInAnyOrder("Two percent", "2 % fixed!");
    }

    @Test
    void aSavedRuleComesBackWithEveryField() {
        SizingRule saved = service.save(rule(b -> { }));
        assertThat(service.find(saved.ruleId()).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(rule(b -> b.ruleId = "test-rule"));
    }

    @Test
    void copiesAreNamedCopyThenCopyTwoAndSoOn() {
        SizingRule x = service.save(rule(b -> b.ruleName = "X"));
        SizingRule c1 = service.duplicate(x.ruleId());
        SizingRule c2 = service.duplicate(x.ruleId());
        SizingRule c3 = service.duplicate(c1.ruleId());
        assertThat(List.of(c1.ruleName(), c2.ruleName(), c3.ruleName())).containsExactly("X (copy)", "X (copy 2)",
                "X (copy 3)");
        assertThat(List.of(x.ruleId(), c1.ruleId(), c2.ruleId(), c3.ruleId())).doesNotHaveDuplicates();
        assertThat(c1).usingRecursiveComparison().ignoringFields("ruleId", "ruleName").isEqualTo(x);
    }

    @Test
    void aLongNameIsShortenedToFitItsCopySuffix() {
        SizingRule x = service.save(rule(b -> b.ruleName = "y".repeat(200)));
        SizingRule copy = service.duplicate(x.ruleId());
        assertThat(copy.ruleName()).hasSize(200).endsWith("y (copy)");
    }

    @Test
    void rulesAreEnabledDisabledAndDeleted() {
        SizingRule x = service.save(rule(b -> { }));
        assertThat(service.setActive(x.ruleId(), false).active()).isFalse();
        assertThat(service.setActive(x.ruleId(), true).active()).isTrue();
        service.delete(x.ruleId());
        assertThat(service.list()).isEmpty();
        assertThatThrownBy(() -> service.delete(x.ruleId())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("rule_id"));
    }

    @Test
    void exportedRulesImportIntoAnotherWorkspaceUnchanged() throws Exception {
        service.ensureDefaults();
        service.save(rule(b -> b.ruleName = "Everything set"));
        List<SizingRule> before = service.list();
        Path file = dir.resolve("rules.json");
        service.exportTo(file, before);
        assertThat(java.nio.file.Files.readString(file)).contains("\"sizing_parameters\"", "\"risk_constraints\"",
                "\"rule_name\" : \"Quarter Kelly\"").doesNotContain("null");

        try (Database other = TestStores.memory()) {
            RuleService target = new RuleService(new Store(other));
            List<SizingRule> imported = target.importFrom(file);
            assertThat(imported).hasSize(before.size());
            assertThat(target.list()).usingRecursiveComparison().isEqualTo(before);
        }
    }

    @Test
    void importingAnExportIntoTheSameWorkspaceReplacesTheRules() {
        service.ensureDefaults();
        String json = service.exportJson(service.list());
        List<SizingRule> again = service.importJson(json);
        assertThat(again).hasSize(5);
        assertThat(service.list()).hasSize(5);
    }

    @Test
    void importIsAllOrNothingAndNamesTheIndexOfEachBadRule() {
        String json = """
                [ {"rule_name": "A", "sizing_parameters": {"sizing_method": "EQUAL_WEIGHT"}},
                  {"rule_name": "B", "sizing_parameters": {"sizing_method": "FIXED_PERCENTAGE", "fixed_percentage": 0.02}},
                  {"rule_name": "", "sizing_parameters": {"sizing_method": "RISK_PARITY"}},
                  {"rule_name": "D", "sizing_parameters": {"sizing_method": "KELLY_CRITERION", "kelly_multiplier": 3},
                   "risk_constraints": {"max_sector_weight": 0}} ]
                """;
        assertThatThrownBy(() -> service.importJson(json)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("[2].rule_name",
                        "[3].sizing_parameters.kelly_multiplier", "[3].risk_constraints.max_sector_weight"));
        assertThat(service.list()).isEmpty();
    }

    @Test
    void importRefusesNamesTakenInTheWorkspaceOrTwiceInTheFile() {
        service.save(rule(b -> b.ruleName = "Taken"));
        String json = """
                [ {"rule_name": "taken", "sizing_parameters": {"sizing_method": "EQUAL_WEIGHT"}},
                  {"rule_id": "a", "rule_name": "Twice", "sizing_parameters": {"sizing_method": "EQUAL_WEIGHT"}},
                  {"rule_id": "a", "rule_name": "Twice", "sizing_parameters": {"sizing_method": "EQUAL_WEIGHT"}} ]
                """;
        assertThatThrownBy(() -> service.importJson(json)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("[0].rule_name", "[2].rule_id"));
        assertThat(service.list()).hasSize(1);
    }

    @Test
    void malformedJsonIsAnsweredWithThePathOfTheProblem() {
        assertThatThrownBy(() -> service.importJson("[{\"rule_name\": \"A\", \"colour\": 1}]"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("[0].colour");
                    assertThat(e.reason()).isEqualTo("is not a field of a sizing rule");
                });
        assertThatThrownBy(() -> service.importJson("[{}, {\"sizing_parameters\": {\"sizing_method\": \"MARTINGALE\"}}]"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("[1].sizing_parameters.sizing_method");
                    assertThat(e.reason()).startsWith("expected one of KELLY_CRITERION, FIXED_PERCENTAGE");
                });
        assertThatThrownBy(() -> service.importJson("{\"rule_name\": \"A\"}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("$"));
        assertThatThrownBy(() -> service.importJson("[{"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).startsWith("malformed JSON"));
    }

    @Test
    void anEmptyWorkspaceGetsFiveValidStarterRulesOnce() {
        List<SizingRule> created = service.ensureDefaults();
        assertThat(created).extracting(SizingRule::ruleName).containsExactly("Quarter Kelly", "2% fixed",
                "Vol target 10%", "Risk parity", "1% risk to stop");
        assertThat(created).extracting(r -> r.parameters().sizingMethod()).containsExactly(SizingMethod.KELLY_CRITERION,
                SizingMethod.FIXED_PERCENTAGE, SizingMethod.VOLATILITY_ADJUSTED, SizingMethod.RISK_PARITY,
                SizingMethod.FIXED_RISK);
        for (SizingRule r : created) {
            assertThat(service.validate(r)).as(r.ruleName()).isEmpty();
            assertThat(r.active()).isTrue();
            assertThat(r.constraints()).isNotNull();
        }
        assertThat(created.get(0).parameters().kellyMultiplier()).isEqualTo(0.25);
        assertThat(service.ensureDefaults()).isEmpty();
        service.delete("risk-parity");
        assertThat(service.ensureDefaults()).isEmpty();
        assertThat(service.list()).hasSize(4);
    }

    @Test
    void anEmptiedWorkspaceStartsAgainWithTheStarterRules() {
        service.save(rule(b -> b.ruleName = "Mine"));
        new com.positionlab.service.workspace.WorkspaceService(store).createEmpty();
        assertThat(service.list()).extracting(SizingRule::ruleId).containsExactly("quarter-kelly", "fixed-2pct",
                "vol-target-10", "risk-parity", "risk-1pct-to-stop");
    }

    @Test
    void aRowWrittenWithoutJsonIsReadFromItsColumns() throws Exception {
        try (var c = db.connection(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO position_sizing_rules (rule_id, rule_name, sizing_method, max_position_size, "
                    + "max_portfolio_risk) VALUES ('old', 'Old rule', 'MAX_SHARPE', 0.1, 0.2)");
        }
        SizingRule old = service.find("old").orElseThrow();
        assertThat(old.parameters().sizingMethod()).as("a method this version does not know").isNull();
        assertThat(old.parameters().maxPositionSize()).isEqualTo(0.1);
        assertThat(old.parameters().confidenceLevel()).isEqualTo(0.95);
        assertThat(old.constraints().maxPortfolioRisk()).isEqualTo(0.2);
        assertThat(service.validate(old)).extracting(FieldError::field).containsExactly("sizing_parameters.sizing_method");
    }
}
