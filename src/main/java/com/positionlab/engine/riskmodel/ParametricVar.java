package com.positionlab.engine.riskmodel;

import com.positionlab.engine.kelly.NormalQuantile;
import com.positionlab.engine.stats.Returns;

/** Stand-in; replaced by the full implementation. */
public final class ParametricVar {
    private ParametricVar() {
    }

    public static VarEstimate normal(double mean, double sd, double confidence) {
        double z = NormalQuantile.of(1 - confidence);
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return new VarEstimate(-(mean + z * sd), -(mean - sd * pdf / (1 - confidence)));
    }

    public static VarEstimate of(double[] returns, double confidence, boolean cornishFisher) {
        return normal(Returns.mean(returns), Returns.sampleStdDev(returns), confidence);
    }
}
