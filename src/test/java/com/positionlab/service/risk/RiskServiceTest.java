package com.positionlab.service.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.positionlab.engine.riskmodel.Garch11;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.HistoricalVar;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.service.ValidationException;
import org.junit.jupiter.api.Test;

/** The risk use case on returns in memory: engine figures scaled to the horizon, and field-named errors. */
class RiskServiceTest {

    private static final double[] RETURNS = Garch11.simulate(2e-6, 0.08, 0.9, 3e-4, 400, 12);
    private final RiskService service = new RiskService();

    @Test
    void historicalFiguresAreScaledBySqrtOfTheHorizon() {
        RiskRequest request = new RiskRequest(RiskModel.HISTORICAL_VAR, 0.99, 9, false, 10_000, 42);
        RiskResponse r = service.measure(RETURNS, request);
        assertThat(r.var()).isCloseTo(3 * HistoricalVar.of(RETURNS, 0.99).var(), within(1e-15));
        assertThat(r.cvar()).isCloseTo(3 * HistoricalVar.of(RETURNS, 0.99).cvar(), within(1e-15));
        assertThat(r.horizonScaling()).isEqualTo("square root of time");
        assertThat(r.garch()).isNull();
    }

    @Test
    void garchCarriesTheFit() {
        RiskResponse r = service.measure(RETURNS, RiskRequest.defaults().withModel(RiskModel.GARCH));
        GarchFit fit = Garch11.fit(RETURNS);
        assertThat(r.garch()).isEqualTo(new RiskResponse.GarchJson(fit.omega(), fit.alpha(), fit.beta(), fit.mu(),
                fit.logLikelihood(), fit.forecastVolatility()));
        assertThat(r.var()).isEqualTo(fit.var(0.95).var());
    }

    @Test
    void badRequestsNameTheField() {
        assertThatThrownBy(() -> service.measure(RETURNS, new RiskRequest(RiskModel.PARAMETRIC, 0, 1, false, 1, 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field())
                        .isEqualTo("confidence_level"));
        assertThatThrownBy(() -> service.measure(RETURNS, new RiskRequest(RiskModel.PARAMETRIC, 0.9, 0, false, 1, 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field())
                        .isEqualTo("horizon_days"));
        assertThatThrownBy(() -> service.measure(new double[] {0.01, Double.NaN}, RiskRequest.defaults()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .startsWith("returns: value 2 is NaN"));
    }
}
