package com.positionlab.engine.riskmodel;

import java.util.Arrays;

/**
 * Historical simulation: the empirical distribution of the returns is the loss distribution. At confidence c,
 * with q the type-7 {@link Quantiles quantile} at probability 1 - c:
 * <pre>
 *   VaR  = -q
 *   CVaR = -(mean of the returns r with r <= q)
 * </pre>
 * The tail is never empty (the smallest return is at or below q), so CVaR >= VaR.
 */
public final class HistoricalVar {

    private HistoricalVar() {
    }

    /** One-period VaR and CVaR of at least two finite returns, at confidence in (0, 1). */
    public static VarEstimate of(double[] returns, double confidence) {
        Checks.returns(returns, 2);
        Checks.confidence(confidence);
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, confidence);
    }

    /** The same figures from returns already sorted ascending (checked by the caller). */
    static VarEstimate ofSorted(double[] sorted, double confidence) {
        double q = Quantiles.type7Sorted(sorted, 1 - confidence);
        double sum = 0;
        int count = 0;
        while (count < sorted.length && sorted[count] <= q) {
            sum += sorted[count];
            count++;
        }
        return new VarEstimate(-q, -sum / count);
    }
}
