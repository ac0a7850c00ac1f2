package com.positionlab.service.sizing;

import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredSizing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.domain.Holding;
import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.service.sizing.PositionSizingRequest.HoldingState;
import com.positionlab.service.sizing.PositionSizingRequest.PortfolioState;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.workspace.DemoWorkspace;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

class PositionSizingServiceTest {

    private static Database db;
    private static Store store;

    @BeforeAll
    static void demo() {
        db = TestStores.memory();
        store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static TradingDecision decision(String id, String instrument, Side side, double entry, Double stop, Double mu) {
        return new TradingDecision(id, instrument, side, entry, stop, mu, null, null, Conviction.MEDIUM, null, null);
    }

    static SizingParameters method(SizingMethod m) {
        return new SizingParameters(m, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static PositionSizingRequest request(TradingDecision d, PortfolioState ps, SizingParameters p, RiskConstraints rc) {
        return new PositionSizingRequest(d, ps, p, rc, null, null, null);
    }

    /** A self-contained request: two holdings and the candidate, with 60 days of returns each. */
    static PositionSizingRequest selfContained(SizingMethod m) {
        SplittableRandom rnd = new SplittableRandom(3);
        Map<String, double[]> history = new LinkedHashMap<>();
        for (String id : List.of("AAA", "BBB", "NEW")) {
            double[] r = new double[60];
            for (int t = 0; t < r.length; t++) {
                r[t] = 0.0005 + 0.01 * (rnd.nextDouble() - 0.5);
            }
            history.put(id, r);
        }
        PortfolioState ps = new PortfolioState("p", null, new BigDecimal("50000"), "USD", List.of(
                new HoldingState("AAA", new BigDecimal("100"), 200.0, "Tech", null),
                new HoldingState("BBB", new BigDecimal("-50"), 100.0, "Energy", null)), history, null);
        return request(decision("d-self", "NEW", Side.LONG, 25, null, null), ps, method(m), null);
    }

    @Test
    void sizesASelfContainedRequestWithoutAWorkspace() {
        try (PositionSizingService service = new PositionSizingService()) {
            PositionSizingResponse r = service.size(selfContained(SizingMethod.FIXED_PERCENTAGE));
            // Equity = 50,000 cash + 20,000 long - 5,000 short = 65,000; 2% = 1,300 at 25 = 52 units.
            assertThat(r.optimalPosition().recommendedSize()).isEqualByComparingTo("52");
            assertThat(r.optimalPosition().recommendedNotional()).isEqualByComparingTo("1300.00");
            assertThat(r.optimalPosition().recommendedWeight()).isCloseTo(0.02, within(1e-12));
            assertThat(r.riskMetrics().portfolioVarAfter()).isGreaterThan(0);
            PositionSizingResponse eq = service.size(selfContained(SizingMethod.EQUAL_WEIGHT));
            // 1/3 of 65,000 at 25 = 866.67 -> 866 units, before the default 10% cap: capped to 6,500 / 25 = 260.
            assertThat(eq.optimalPosition().recommendedSize()).isEqualByComparingTo("260");
            assertThat(eq.bindingConstraints()).extracting(PositionSizingResponse.BindingConstraint::name)
                    .containsExactly("max_position_size");
            assertThat(service.metrics().snapshot().count()).isEqualTo(2);
        }
    }

    @Test
    void everyBadFieldIsReportedAtOnceWithItsPath() {
        PositionSizingRequest bad = request(new TradingDecision(null, " ", Side.LONG, -1.0, null, null, 1.5, null, null,
                null, null), null, new SizingParameters(null, null, 1.5, 5, null, null, null, null, null, null, null,
                null, null, null, null, null, null), new RiskConstraints(null, null, null, 0.0, null, null));
        try (PositionSizingService service = new PositionSizingService(store)) {
            assertThatThrownBy(() -> service.size(bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).extracting(FieldError::field).contains(
                            "trading_decision.instrument_id", "trading_decision.entry_price",
                            "trading_decision.win_probability", "sizing_parameters.confidence_level",
                            "sizing_parameters.lookback_period", "risk_constraints.max_sector_weight"));
            assertThat(service.metrics().snapshot().errors()).isZero();
            assertThat(service.metrics().snapshot().rejected()).as("refused input is not an error").isEqualTo(1);
        }
    }

    @Test
    void aStopOnTheWrongSideIsRejected() {
        try (PositionSizingService service = new PositionSizingService(store)) {
            assertThatThrownBy(() -> service.size(request(decision(null, "SEMI", Side.SHORT, 50, 45.0, null), null,
                    null, null))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("trading_decision.stop_price"));
        }
    }

    @Test
    void anUnknownInstrumentIsAnErrorOnItsField() {
        try (PositionSizingService service = new PositionSizingService(store)) {
            assertThatThrownBy(() -> service.size(request(decision(null, "NOPE", Side.LONG, 50, null, 0.1), null,
                    null, null))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("trading_decision.instrument_id"));
        }
    }

    @Test
    void sizesFromTheWorkspaceAndStoresAnEventPerSizing() throws Exception {
        try (PositionSizingService service = new PositionSizingService(store)) {
            int before = store.sizingEvents().count();
            PositionSizingResponse a = service.size(request(decision("ev-1", "SEMI", Side.LONG, 52.5, 49.0, 0.12), null,
                    null, null));
            PositionSizingResponse b = service.sizeAllMethods(request(decision("ev-2", "PETR", Side.SHORT, 77.8, null,
                    0.05), null, method(SizingMethod.VOLATILITY_ADJUSTED), null));
            assertThat(a.optimalPosition().sizingMethodUsed()).isEqualTo("KELLY_CRITERION");
            assertThat(a.optimalPosition().recommendedWeight()).isPositive().isLessThanOrEqualTo(0.10);
            assertThat(b.comparison()).hasSize(SizingMethod.values().length);
            assertThat(a.stressTests()).extracting(PositionSizingResponse.StressResult::window).first()
                    .asString().matches("\\d{4}-\\d{2}-\\d{2}");
            StringWriter out = new StringWriter();
            int n = service.exportEvents(out);
            assertThat(n).isEqualTo(before + 2);
            String[] lines = out.toString().split("\n");
            JsonNode last = Json.mapper().readTree(lines[lines.length - 1]);
            assertThat(last.get("event_type").asText()).isEqualTo("position_sized");
            assertThat(last.get("sizing_id").asText()).isEqualTo(b.sizingId());
            assertThat(last.get("optimal_position").get("instrument_id").asText()).isEqualTo("PETR");
            assertThat(last.has("sizing_analysis")).isTrue();
        }
    }

    @Test
    void acceptStoresTheSizingAndCanUpdateTheHolding() {
        try (PositionSizingService service = new PositionSizingService(store)) {
            PositionSizingRequest req = request(decision("acc-1", "SEMI", Side.LONG, 52.5, null, 0.12), null,
                    method(SizingMethod.FIXED_PERCENTAGE), null);
            PositionSizingResponse r = service.size(req);
            BigDecimal held = holding("SEMI");
            service.acceptance().accept(req, r, true);
            assertThat(holding("SEMI")).isEqualByComparingTo(held.add(r.optimalPosition().recommendedSize()));
            List<StoredSizing> h = service.acceptance().history(new SizingHistoryFilter("SEMI",
                    null, null, 10));
            assertThat(h).anySatisfy(s -> {
                assertThat(s.decisionId()).isEqualTo("acc-1");
                assertThat(s.recommendedSize()).isEqualByComparingTo(r.optimalPosition().recommendedSize());
            });
            assertThatThrownBy(() -> service.acceptance().accept(req, r, false)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("already accepted");
        }
    }

    @Test
    void theModelCacheIsDroppedWhenTheStoreChanges() {
        try (PositionSizingService service = new PositionSizingService(store)) {
            PositionSizingRequest req = request(decision(null, "GRID", Side.LONG, 168, null, 0.1), null, null, null);
            service.size(req);
            service.size(req);
            TtlCache<?, ?> models = service.caches().get(1);
            assertThat(models.hits()).isEqualTo(1);
            assertThat(models.misses()).isEqualTo(1);
            store.portfolios().saveHoldings(List.of(new Holding(DemoWorkspace.PORTFOLIO_ID, "AQUA",
                    holding("AQUA").add(BigDecimal.TEN))));
            service.size(req);
            assertThat(models.misses()).isEqualTo(2);
        }
    }

    @Test
    void aRuleFillsWhatTheRequestLeavesOut() {
        SizingRule rule = new SizingRule("r1", "Three percent", null, true, 1, new SizingParameters(
                SizingMethod.FIXED_PERCENTAGE, null, null, null, null, null, null, 0.03, null, null, null, null, null,
                null, null, null, null), new RiskConstraints(null, null, null, null, null, null));
        try (PositionSizingService service = new PositionSizingService(store,
                id -> id.equals("r1") ? Optional.of(rule) : Optional.empty())) {
            PositionSizingResponse r = service.size(new PositionSizingRequest(decision(null, "GRID", Side.LONG, 100,
                    null, null), null, null, null, null, null, "r1"));
            assertThat(r.optimalPosition().sizingMethodUsed()).isEqualTo("FIXED_PERCENTAGE");
            assertThat(r.sizingAnalysis().optimizationDetails().ruleId()).isEqualTo("r1");
            assertThat(r.optimalPosition().recommendedWeight()).isCloseTo(0.03, within(1e-3));
            assertThatThrownBy(() -> service.size(new PositionSizingRequest(decision(null, "GRID", Side.LONG, 100,
                    null, null), null, null, null, null, null, "nope"))).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.field()).isEqualTo("rule_id"));
        }
    }

    @Test
    void storedRulesAreFoundByIdAndPreviewsLeaveNoTrace() {
        SizingRule fixed = new RuleService(store).ensureDefaults().stream()
                .filter(r -> r.parameters() != null && r.parameters().sizingMethod() == SizingMethod.FIXED_PERCENTAGE)
                .findFirst().orElseGet(() -> new RuleService(store).list().stream().filter(r -> r.parameters()
                        .sizingMethod() == SizingMethod.FIXED_PERCENTAGE).findFirst().orElseThrow());
        try (PositionSizingService service = new PositionSizingService(store, RuleLookup.of(store))) {
            PositionSizingRequest byRule = new PositionSizingRequest(decision(null, "GRID", Side.LONG, 100, null, null),
                    null, null, null, null, null, fixed.ruleId());
            PositionSizingResponse r = service.size(byRule);
            assertThat(r.optimalPosition().sizingMethodUsed()).isEqualTo("FIXED_PERCENTAGE");
            service.flushEvents();
            int events = store.sizingEvents().count();
            long calls = service.metrics().snapshot().count();
            PositionSizingResponse preview = service.preview(byRule);
            assertThat(preview.comparison()).hasSize(SizingMethod.values().length);
            service.flushEvents();
            assertThat(store.sizingEvents().count()).isEqualTo(events);
            assertThat(service.metrics().snapshot().count()).isEqualTo(calls);
        }
    }

    private static BigDecimal holding(String id) {
        return store.portfolios().holdings(DemoWorkspace.PORTFOLIO_ID).stream().filter(h -> h.instrumentId().equals(id))
                .map(Holding::quantity).findFirst().orElse(BigDecimal.ZERO);
    }
}
