package com.positionlab.service.build;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random fully invested portfolios within a build's weight bounds, for the cloud behind the frontier: weights
 * drawn uniformly on the simplex (normalised exponentials, seed fixed so the cloud does not flicker between
 * recomputes), those outside a bound rejected. Rows and other constraints are not imposed: the cloud shows
 * what random allocations of the universe look like, not the feasible set exactly.
 */
final class RandomPortfolios {

    static final int COUNT = 400;
    static final int TRIES = 20 * COUNT;
    static final long SEED = 20_261_203L;

    private RandomPortfolios() {
    }

    /** Volatilities ({@code [0]}) and expected returns ({@code [1]}) of up to {@link #COUNT} portfolios. */
    static double[][] cloud(BuildResult r) {
        int n = r.tickers().size();
        double[] lower = r.problem().lower();
        double[] upper = r.problem().upper();
        SplittableRandom random = new SplittableRandom(SEED);
        double[] vol = new double[COUNT];
        double[] ret = new double[COUNT];
        int kept = 0;
        double[] w = new double[n];
        for (int t = 0; t < TRIES && kept < COUNT; t++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = -Math.log(1 - random.nextDouble());
                sum += w[i];
            }
            boolean inside = true;
            for (int i = 0; i < n && inside; i++) {
                w[i] /= sum;
                inside = w[i] >= lower[i] - 1e-12 && w[i] <= upper[i] + 1e-12;
            }
            if (inside) {
                vol[kept] = Math.sqrt(Math.max(0, r.problem().variance(w)));
                ret[kept] = r.problem().expectedReturn(w);
                kept++;
            }
        }
        return new double[][] {Arrays.copyOf(vol, kept), Arrays.copyOf(ret, kept)};
    }
}
