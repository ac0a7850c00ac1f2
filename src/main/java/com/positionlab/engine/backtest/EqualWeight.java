package com.positionlab.engine.backtest;

/**
 * Equal weights over the instruments listed today: {@code 1/m} each for the {@code m} instruments with a price at
 * today's close, zero for the others, all cash when none is listed. Fully invested and long only; it reads today's
 * closes alone, whatever the lookback.
 */
public record EqualWeight() implements WeightRule {

    @Override
    public double[] targetWeights(PriceWindow window, double[] currentWeights) {
        int n = window.instruments();
        double[] w = new double[n];
        int listed = 0;
        for (int i = 0; i < n; i++) {
            if (window.listed(i)) {
                listed++;
            }
        }
        if (listed == 0) {
            return w;
        }
        double each = 1.0 / listed;
        for (int i = 0; i < n; i++) {
            if (window.listed(i)) {
                w[i] = each;
            }
        }
        return w;
    }
}
