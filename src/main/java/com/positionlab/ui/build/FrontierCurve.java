package com.positionlab.ui.build;

import com.positionlab.service.build.BuildResult;

/** Positions along a build's frontier curve. */
final class FrontierCurve {

    private FrontierCurve() {
    }

    /**
     * The expected return of the efficient portfolio whose volatility is {@code target}: the frontier's
     * volatility rises with its return, so the two curve points around the target bracket it, and the return
     * between them is found by bisection on the exact selection's volatility (to 1e-12).
     */
    static double returnAtVolatility(BuildResult r, double target) {
        double[] vol = r.curveVolatility();
        double[] ret = r.curveReturn();
        int k = 1;
        while (k < vol.length - 1 && vol[k] < target) {
            k++;
        }
        double lo = ret[Math.max(0, k - 1)];
        double hi = ret[k];
        if (vol[vol.length - 1] <= target) {
            return ret[ret.length - 1];
        }
        if (vol[0] >= target) {
            return ret[0];
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double mid = 0.5 * (lo + hi);
            if (r.volatilityAt(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
