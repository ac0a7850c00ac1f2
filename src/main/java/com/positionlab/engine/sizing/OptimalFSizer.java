package com.positionlab.engine.sizing;

/** Ralph Vince's optimal f of the strategy's trade returns, times the fraction of it to use. */
final class OptimalFSizer implements MethodSizer {

    @Override
    public double weight(SizingContext c, Estimates e) {
        SizingSpec.Method m = c.spec.method();
        OptimalF.Result f = OptimalF.of(m.tradeReturns());
        c.details.optimalF = f.f();
        c.details.largestLoss = f.largestLoss();
        c.details.geometricMeanHpr = f.geometricMean();
        c.details.trades = f.trades();
        c.details.optimalFFraction = m.optimalFFraction();
        if (f.f() == 0) {
            c.noPosition("no edge: the strategy's mean trade return is not positive");
            return 0;
        }
        return m.optimalFFraction() * f.weight();
    }
}
