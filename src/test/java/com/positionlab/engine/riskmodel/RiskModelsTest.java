package com.positionlab.engine.riskmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each model through the one entry point, and square-root-of-time scaling. */
class RiskModelsTest {

    private static final double[] RETURNS = Garch11.simulate(2e-6, 0.08, 0.9, 3e-4, 500, 21);

    @Test
    void eachModelIsItsEngine() {
        assertThat(RiskModels.measure(RiskModel.HISTORICAL_VAR, RETURNS, 0.95, false, 0, 0))
                .isEqualTo(HistoricalVar.of(RETURNS, 0.95));
        assertThat(RiskModels.measure(RiskModel.PARAMETRIC, RETURNS, 0.99, false, 0, 0))
                .isEqualTo(ParametricVar.of(RETURNS, 0.99, false));
        assertThat(RiskModels.measure(RiskModel.PARAMETRIC, RETURNS, 0.99, true, 0, 0))
                .isEqualTo(ParametricVar.of(RETURNS, 0.99, true));
        assertThat(RiskModels.measure(RiskModel.MONTE_CARLO, RETURNS, 0.95, false, 5000, 42))
                .isEqualTo(MonteCarloVar.of(RETURNS, 0.95, 5000, 42));
        assertThat(RiskModels.measure(RiskModel.GARCH, RETURNS, 0.95, false, 0, 0))
                .isEqualTo(Garch11.fit(RETURNS).var(0.95));
    }

    /**
     * The sample-based models agree with the normal VaR of the sample, z s - m, within four standard errors
     * of a sample quantile: SE = s sqrt(p (1 - p) / n) / phi(z) (the asymptotic standard error of the
     * p-quantile of n normal draws; about 0.00095 here, for p = 0.05, n = 500, s near 1%). Four standard
     * errors leave a false alarm chance below 1e-4 for a fixed seed's data while still failing a model that
     * is off by a fifth of the VaR. GARCH uses its next-day volatility forecast instead of s, so it is held to
     * the same band around z sigma_(T+1) - mu. Every CVaR lies beyond its VaR.
     */
    @Test
    void everyModelIsWithinFourStandardErrorsOfTheNormalVarAndCvarLiesBeyond() {
        double p = 0.05;
        double z = -com.positionlab.engine.stats.Normal.quantile(p);
        double m = com.positionlab.engine.stats.Returns.mean(RETURNS);
        double s = com.positionlab.engine.stats.Returns.sampleStdDev(RETURNS);
        double se = s * Math.sqrt(p * (1 - p) / RETURNS.length) / com.positionlab.engine.stats.Normal.pdf(z);
        GarchFit fit = Garch11.fit(RETURNS);
        for (RiskModel model : RiskModel.values()) {
            VarEstimate v = RiskModels.measure(model, RETURNS, 0.95, false, 10_000, 42);
            double normal = model == RiskModel.GARCH ? z * fit.forecastVolatility() - fit.mu() : z * s - m;
            assertThat(v.var()).as(model.name()).isCloseTo(normal, within(4 * se));
            assertThat(v.cvar()).as(model.name()).isGreaterThan(v.var());
        }
    }

    @Test
    void scaledMultipliesBothFiguresBySqrtDays() {
        VarEstimate v = new VarEstimate(0.02, 0.03);
        assertThat(v.scaled(1)).isEqualTo(v);
        assertThat(v.scaled(4).var()).isCloseTo(0.04, within(1e-16));
        assertThat(v.scaled(4).cvar()).isCloseTo(0.06, within(1e-16));
        assertThat(v.scaled(10).var()).isCloseTo(0.02 * Math.sqrt(10), within(1e-16));
        assertThatThrownBy(() -> v.scaled(0)).hasMessage("horizon_days: must be at least 1, got 0");
    }

    @Test
    void checksTheModelTheConfidenceAndTheGarchMinimum() {
        assertThatThrownBy(() -> RiskModels.measure(null, RETURNS, 0.95, false, 0, 0))
                .hasMessageStartingWith("risk_model:");
        assertThatThrownBy(() -> RiskModels.measure(RiskModel.GARCH, RETURNS, 1.5, false, 0, 0))
                .hasMessage("confidence_level: must be in (0, 1), got 1.5");
        double[] short99 = java.util.Arrays.copyOf(RETURNS, 99);
        assertThatThrownBy(() -> RiskModels.measure(RiskModel.GARCH, short99, 0.95, false, 0, 0))
                .hasMessage("returns: need at least 100 returns, got 99");
        assertThatThrownBy(() -> RiskModels.measure(RiskModel.MONTE_CARLO, RETURNS, 0.95, false, 10, 0))
                .hasMessageStartingWith("scenarios:");
    }
}
