package com.positionlab.engine.riskmodel;

import java.util.Arrays;

/** Stand-in; replaced by the full implementation. */
public final class HistoricalVar {
    private HistoricalVar() {
    }

    public static VarEstimate of(double[] returns, double confidence) {
        double[] s = returns.clone();
        Arrays.sort(s);
        double q = Quantiles.type7Sorted(s, 1 - confidence);
        double sum = 0;
        int n = 0;
        for (double r : s) {
            if (r <= q) {
                sum += r;
                n++;
            }
        }
        return new VarEstimate(-q, -sum / n);
    }
}
