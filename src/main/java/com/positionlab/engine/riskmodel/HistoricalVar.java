package com.positionlab.engine.riskmodel;

import com.positionlab.engine.stats.Quantiles;
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
        // Selection instead of a full sort: only the order statistics around the quantile matter (O(n)).
        double[] x = returns.clone();
        int n = x.length;
        double h = (n - 1) * (1 - confidence);
        int lo = (int) Math.floor(h);
        Quantiles.select(x, 0, n - 1, lo);
        double xlo = x[lo];
        double xhi = xlo;
        if (lo + 1 < n) {
            xhi = Double.POSITIVE_INFINITY;
            for (int i = lo + 1; i < n; i++) {
                xhi = Math.min(xhi, x[i]);
            }
        }
        double q = lo + 1 < n ? xlo + (h - lo) * (xhi - xlo) : xlo;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] <= q) {
                sum += x[i];
                count++;
            }
        }
        return new VarEstimate(-q, -sum / count);
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
