package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Side;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingRequest.VolatilityAdjustment;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/**
 * The request's optional volatility adjustment on the demo workspace: the ATR multiplier recomputed here
 * independently from the stored bars (Wilder's ATR, median over percentile of its own history), the weight
 * cut by it and listed as a binding with the regime; bad fields named; no adjustment without a workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolatilityAdjustedSizingTest {

    private Database db;
    private Store store;
    private PositionSizingService service;

    @BeforeAll
    void demo() {
        db = TestStores.memory();
        store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        service = new PositionSizingService(store, RuleLookup.of(store));
    }

    @AfterAll
    void close() {
        service.close();
        db.close();
    }

    private static PositionSizingRequest fivePercent(String id, double entry, VolatilityAdjustment v) {
        return new PositionSizingRequest(new TradingDecision(null, id, Side.LONG, entry, entry * 0.95, null, null,
                null, null, null, null), null, new SizingParameters(SizingMethod.FIXED_PERCENTAGE, null, null, null,
                0.5, null, null, 0.05, null, null, null, null, null, null, null, null, null), null, null, null, null, v);
    }

    @Test
    void theWeightIsCutByTheRatioOfMedianToCurrentAtrAsRecomputedIndependently() {
        int cut = 0;
        for (String id : List.of("BIOV", "CHIP", "DATA", "VOLT", "QBIT", "MACH")) {
            List<PriceBar> bars = store.prices().history(id);
            double entry = bars.get(bars.size() - 1).close();
            double lot = entry * store.instruments().find(id).orElseThrow().lotSize().doubleValue() / 1_000_000;
            double expected = independentMultiplier(bars.subList(bars.size() - 252 - 14, bars.size()), 14, 0.6);
            PositionSizingResponse r = service.size(fivePercent(id, entry, new VolatilityAdjustment(null, null, null,
                    0.6)));
            var v = r.sizingAnalysis().volatilityAdjustment();
            assertThat(v.multiplier()).as(id).isCloseTo(expected, within(1e-9));
            assertThat(v.regime()).isIn("LOW", "NORMAL", "HIGH");
            assertThat(r.optimalPosition().recommendedWeight()).as(id)
                    .isCloseTo(0.05 * expected, within(lot + 1e-9)); // rounded down to whole lots
            if (expected < 1) {
                cut++;
                assertThat(r.bindingConstraints()).anySatisfy(b -> {
                    assertThat(b.name()).isEqualTo("volatility_adjustment");
                    assertThat(b.weightBefore()).isCloseTo(0.05, within(1e-12));
                    assertThat(b.weightAfter()).isCloseTo(0.05 * expected, within(1e-9));
                    assertThat(b.reason()).contains("regime").contains("ATR(14)");
                });
            }
            PositionSizingResponse plain = service.size(fivePercent(id, entry, null));
            assertThat(plain.sizingAnalysis().volatilityAdjustment()).isNull();
            assertThat(plain.optimalPosition().recommendedWeight()).isCloseTo(0.05, within(lot + 1e-9));
        }
        assertThat(cut).as("some demo instruments are above their median volatility").isPositive();
    }

    @Test
    void badFieldsAreNamedAndACalculatorWithoutAWorkspaceSaysWhy() {
        assertThatThrownBy(() -> service.size(fivePercent("DATA", 331.77, new VolatilityAdjustment(1, 0.8, 0.2,
                1.5)))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(ValidationException.FieldError::field).contains("volatility_adjustment.atr_period",
                        "volatility_adjustment.low_percentile", "volatility_adjustment.max_reduction"));
        try (PositionSizingService calculator = new PositionSizingService()) {
            PositionSizingRequest q = fivePercent("DATA", 331.77, new VolatilityAdjustment(null, null, null, null));
            q = new PositionSizingRequest(q.tradingDecision(), new PositionSizingRequest.PortfolioState(null,
                    new java.math.BigDecimal("1000000"), null, "USD", List.of(), java.util.Map.of("DATA",
                    returns()), null), q.sizingParameters(), null, null, null, null, q.volatilityAdjustment());
            PositionSizingRequest request = q;
            assertThatThrownBy(() -> calculator.size(request)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                            .contains("volatility_adjustment"));
        }
    }

    private static double[] returns() {
        double[] r = new double[60];
        for (int i = 0; i < r.length; i++) {
            r[i] = 0.01 * Math.sin(i);
        }
        return r;
    }

    /** median(ATR/close) / last(ATR/close), clipped to [1 - maxCut, 1], by Wilder's ATR written out again. */
    private static double independentMultiplier(List<PriceBar> bars, int period, double maxCut) {
        int n = bars.size();
        double[] tr = new double[n];
        for (int t = 0; t < n; t++) {
            PriceBar b = bars.get(t);
            double hi = b.high() == null ? b.close() : Math.max(b.high(), b.close());
            double lo = b.low() == null ? b.close() : Math.min(b.low(), b.close());
            tr[t] = t == 0 ? hi - lo : Math.max(hi - lo, Math.max(Math.abs(hi - bars.get(t - 1).close()),
                    Math.abs(lo - bars.get(t - 1).close())));
        }
        double[] frac = new double[n - period + 1];
        double atr = Arrays.stream(tr, 0, period).sum() / period;
        frac[0] = atr / bars.get(period - 1).close();
        for (int t = period; t < n; t++) {
            atr = (atr * (period - 1) + tr[t]) / period;
            frac[t - period + 1] = atr / bars.get(t).close();
        }
        double current = frac[frac.length - 1];
        double[] sorted = frac.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
        return current <= median ? 1 : Math.max(median / current, 1 - maxCut);
    }
}
