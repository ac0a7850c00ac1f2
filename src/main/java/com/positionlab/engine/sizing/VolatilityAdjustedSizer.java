package com.positionlab.engine.sizing;

/** The weight whose volatility is the target: target / forecast, less what is held. */
final class VolatilityAdjustedSizer implements MethodSizer {

    @Override
    public double weight(SizingContext c, Estimates e) {
        double target = c.spec.method().volatilityTarget();
        double forecast = e.forecastVolatility();
        c.details.volatilityTarget = target;
        c.details.volatilityForecast = forecast;
        if (!(forecast > 0)) {
            c.noPosition("the instrument's volatility forecast is zero");
            return 0;
        }
        return c.topUp(target / forecast);
    }
}
