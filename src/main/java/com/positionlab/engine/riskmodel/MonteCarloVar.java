package com.positionlab.engine.riskmodel;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.stats.Returns;

/**
 * Monte Carlo VaR: seeded scenarios of the asset returns r ~ N(mean, covariance), measured as
 * {@link HistoricalVar} on the portfolio returns w'r. Same seed, same numbers.
 *
 * <p>The covariance matrix need only be positive semi-definite (perfectly correlated assets, more assets than
 * observations). It is factored as {@code covariance = L L'} with {@code L = V sqrt(max(Lambda, 0))} from its
 * symmetric eigendecomposition {@code V Lambda V'}; eigenvalues down to {@code -1e-10} times the largest are
 * rounding and count as zero, anything more negative is refused. Scenario s draws k independent standard
 * normals z (from one {@link SplittableRandom} seeded with {@code seed}, scenario after scenario) and its
 * portfolio return is {@code w'(mean + L z) = w'mean + (L'w)'z}.
 */
public final class MonteCarloVar {

    /** Confidence level of the overload that does not take one: the contract's default. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Fewest scenarios accepted. */
    public static final int MIN_SCENARIOS = 100;
    /** Most scenarios accepted (80 MB of doubles). */
    public static final int MAX_SCENARIOS = 10_000_000;

    private static final double NEGATIVE_EIGENVALUE_TOLERANCE = 1e-10;
    private static final double SYMMETRY_TOLERANCE = 1e-12;

    private MonteCarloVar() {
    }

    /**
     * {@code n} seeded scenarios of the portfolio return w'r with r ~ N(mean, covariance). Calls with the same
     * mean, covariance, n and seed draw the same asset scenarios r whatever the weights, so scenarios of two weight
     * vectors combine linearly: {@code scenarios(u)[s] + d scenarios(v)[s] = scenarios(u + d v)[s]} to rounding.
     */
    public static double[] portfolioScenarios(double[] mean, double[][] covariance, double[] weights, int n,
                                              long seed) {
        Checks.scenarios(n);
        double[] loadings = portfolioLoadings(mean, covariance, weights);
        double centre = 0;
        for (int i = 0; i < mean.length; i++) {
            centre += weights[i] * mean[i];
        }
        return scenarios(centre, loadings, n, seed);
    }

    /** {@link HistoricalVar} at the default confidence (0.95) on {@link #portfolioScenarios} scenarios. */
    public static VarEstimate of(double[] mean, double[][] covariance, double[] weights, int n, long seed) {
        return of(mean, covariance, weights, DEFAULT_CONFIDENCE, n, seed);
    }

    /** {@link HistoricalVar} at {@code confidence} on {@link #portfolioScenarios} scenarios. */
    public static VarEstimate of(double[] mean, double[][] covariance, double[] weights, double confidence, int n,
                                 long seed) {
        Checks.confidence(confidence);
        return measure(portfolioScenarios(mean, covariance, weights, n, seed), confidence);
    }

    /** One series: {@code n} scenarios of N(sample mean, sample sd^2) of at least two returns, as HistoricalVar. */
    public static VarEstimate of(double[] returns, double confidence, int n, long seed) {
        Checks.returns(returns, 2);
        Checks.confidence(confidence);
        Checks.scenarios(n);
        double[] scenarios = scenarios(Returns.mean(returns), new double[] {Returns.sampleStdDev(returns)}, n, seed);
        return measure(scenarios, confidence);
    }

    private static VarEstimate measure(double[] scenarios, double confidence) {
        Arrays.sort(scenarios);
        return HistoricalVar.ofSorted(scenarios, confidence);
    }

    /** centre + loadings . z for n draws of z ~ N(0, I). */
    private static double[] scenarios(double centre, double[] loadings, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int s = 0; s < n; s++) {
            double r = centre;
            for (double c : loadings) {
                r += c * rng.nextGaussian();
            }
            out[s] = r;
        }
        return out;
    }

    /** L'w for the factor L of the covariance; checks the three inputs agree and are valid. */
    private static double[] portfolioLoadings(double[] mean, double[][] covariance, double[] weights) {
        if (mean == null || mean.length == 0) {
            throw new InvalidParameterException("expected_returns", "need at least one asset");
        }
        int k = mean.length;
        Checks.finiteValues("expected_returns", mean);
        if (weights == null || weights.length != k) {
            throw new InvalidParameterException("weights", "need " + k + " weights, one per asset, got "
                    + (weights == null ? 0 : weights.length));
        }
        Checks.finiteValues("weights", weights);
        double[][] sym = symmetricCovariance(covariance, k);
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(sym, false));
        double[] lambda = eigen.getRealEigenvalues();
        double largest = 0;
        for (double l : lambda) {
            largest = Math.max(largest, l);
        }
        double[] loadings = new double[k];
        for (int j = 0; j < k; j++) {
            if (lambda[j] < -NEGATIVE_EIGENVALUE_TOLERANCE * largest) {
                throw new InvalidParameterException("covariance_matrix", "is not positive semi-definite "
                        + "(eigenvalue " + lambda[j] + ")");
            }
            double root = Math.sqrt(Math.max(lambda[j], 0));
            double[] v = eigen.getEigenvector(j).toArray();
            double dot = 0;
            for (int i = 0; i < k; i++) {
                dot += v[i] * weights[i];
            }
            loadings[j] = root * dot;
        }
        return loadings;
    }

    /** A k by k finite, symmetric (to rounding) covariance, symmetrised as (C + C') / 2. */
    private static double[][] symmetricCovariance(double[][] c, int k) {
        if (c == null || c.length != k) {
            throw new InvalidParameterException("covariance_matrix", "must be " + k + " by " + k);
        }
        double scale = 0;
        for (double[] row : c) {
            if (row == null || row.length != k) {
                throw new InvalidParameterException("covariance_matrix", "must be " + k + " by " + k);
            }
            Checks.finiteValues("covariance_matrix", row);
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double[][] sym = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (Math.abs(c[i][j] - c[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new InvalidParameterException("covariance_matrix", "is not symmetric at (" + (i + 1)
                            + ", " + (j + 1) + ")");
                }
                sym[i][j] = 0.5 * (c[i][j] + c[j][i]);
            }
        }
        return sym;
    }
}
