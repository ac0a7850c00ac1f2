package com.positionlab.engine.optimize.riskbased;

import java.util.Arrays;

import com.positionlab.engine.optimize.CriticalLine;

/**
 * Choueifaty and Coignard's most diversified portfolio: the long-only, fully invested w maximising the
 * diversification ratio {@code DR(w) = (w' sigma) / sqrt(w' Sigma w)}, {@code sigma_i = sqrt(Sigma_ii)}.
 *
 * <p>Method: DR is invariant to scaling w, so maximising it is minimising {@code y' Sigma y} subject to
 * {@code sigma' y = 1, y >= 0}, then {@code w = y / sum(y)}. Substituting {@code x_i = sigma_i y_i} turns this
 * into the long-only minimum-variance problem of the correlation matrix C,
 * <pre>
 *   minimise x' C x   subject to   sum(x) = 1, 0 <= x <= 1,
 * </pre>
 * which {@link CriticalLine} solves exactly (an active-set method: the free weights of the last turning
 * point solve a linear system; its minimum-variance end is checked against the optimality conditions). The
 * expected returns the critical line needs only steer its path, not where it ends; the volatilities are
 * used. Then {@code w_i = (x_i / sigma_i) / sum_j (x_j / sigma_j)}, and {@code DR(w) = 1 / sqrt(x' C x)}.
 *
 * <p>Optimality (KKT) in the original variables: {@code (Sigma w)_i / sigma_i} equals
 * {@code w' Sigma w / w' sigma} for every held asset and is no smaller for an asset left out. The correlation
 * matrix must be positive definite.
 */
public final class MaxDiversification {

    private MaxDiversification() {
    }

    /** The weights of highest diversification ratio for {@code cov} (symmetric, positive definite). */
    public static DiversifiedPortfolio solve(double[][] cov) {
        CovarianceMatrix s = CovarianceMatrix.of(cov).requirePositiveDefinite();
        int n = s.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(upper, 1);
        double[] x = CriticalLine.solve(s.sigma, s.corr, lower, upper).minVolatility();
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(0, x[i]) / s.sigma[i];
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        double vol = Math.sqrt(CovarianceMatrix.dot(w, s.times(w)));
        return new DiversifiedPortfolio(w, CovarianceMatrix.dot(w, s.sigma) / vol, vol);
    }
}
