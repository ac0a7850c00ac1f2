package com.positionlab.engine.riskmodel;

/** Stand-in; replaced by the full implementation. */
public final class Garch11 {
    private Garch11() {
    }

    public static GarchFit fit(double[] returns) {
        double m = com.positionlab.engine.stats.Returns.mean(returns);
        double sd = com.positionlab.engine.stats.Returns.sampleStdDev(returns);
        return new GarchFit(sd * sd * 0.05, 0.05, 0.9, m, Double.NaN, sd, returns.length);
    }
}
