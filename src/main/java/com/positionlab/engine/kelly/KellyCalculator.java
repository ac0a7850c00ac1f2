package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.finite;
import static com.positionlab.engine.InvalidParameterException.positive;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import com.positionlab.engine.InvalidParameterException;

/** Kelly calculations with their interval and sensitivity: discrete, continuous and multi-asset. */
public final class KellyCalculator {

    /** Multiples of f* in the growth table. */
    public static final double[] GROWTH_MULTIPLES = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0};

    private KellyCalculator() {
    }

    /**
     * Discrete Kelly from win probability and average win and loss (positive magnitudes). With a sample
     * size the interval is the Wilson score interval of p mapped through f*(p) = p - (1 - p) / b, which is
     * increasing in p; without one it is null.
     */
    public static KellyAnalysis discrete(double p, double averageWin, double averageLoss, Integer sampleSize,
                                         double confidenceLevel, KellyPolicy policy) {
        double b = Kelly.payoffRatio(averageWin, averageLoss);
        double f = Kelly.discrete(p, b);
        Interval ci = null;
        if (sampleSize != null) {
            Interval pi = WilsonInterval.of(p, sampleSize, confidenceLevel);
            ci = new Interval(Kelly.discrete(pi.lower(), b), Kelly.discrete(pi.upper(), b), confidenceLevel);
        }
        List<KellyAnalysis.GrowthPoint> table = new ArrayList<>();
        double gStar = f > 0 ? Kelly.logGrowth(p, b, f) : Double.NaN;
        if (f > 0) {
            for (double m : GROWTH_MULTIPLES) {
                double fm = m * f;
                double g = fm >= 1 && p < 1 ? Double.NEGATIVE_INFINITY : Kelly.logGrowth(p, b, fm);
                table.add(new KellyAnalysis.GrowthPoint(m, fm, g, g / gStar));
            }
        }
        KellyAnalysis.Sensitivity s = new KellyAnalysis.Sensitivity(Kelly.sensitivityToWinProbability(b),
                Kelly.sensitivityToPayoff(p, b), gStar, table, Kelly.zeroGrowthFraction(p, b));
        return new KellyAnalysis("discrete", f, policy.adjust(f, 1, 1), b, ci, s, new double[0]);
    }

    /**
     * Continuous Kelly f* = mu / sigma^2 for returns with mean {@code mu} and volatility {@code sigma}
     * over one period. Expected log growth per period at fraction f is {@code f mu - f^2 sigma^2 / 2},
     * so g(f*) = mu^2 / (2 sigma^2) and growth turns negative at 2 f*.
     */
    public static KellyAnalysis continuous(double mu, double sigma, KellyPolicy policy) {
        double f = Kelly.continuous(mu, sigma);
        double s2 = sigma * sigma;
        List<KellyAnalysis.GrowthPoint> table = new ArrayList<>();
        double gStar = f > 0 ? mu * mu / (2 * s2) : Double.NaN;
        if (f > 0) {
            for (double m : GROWTH_MULTIPLES) {
                double fm = m * f;
                double g = fm * mu - fm * fm * s2 / 2;
                table.add(new KellyAnalysis.GrowthPoint(m, fm, g, g / gStar));
            }
        }
        KellyAnalysis.Sensitivity s = new KellyAnalysis.Sensitivity(1 / s2, -2 * mu / (s2 * sigma), gStar, table,
                f > 0 ? 2 * f : Double.NaN);
        return new KellyAnalysis("continuous", f, policy.adjust(f, 1, 1), Double.NaN, null, s, new double[0]);
    }

    /**
     * Multi-asset Kelly f = Sigma^-1 mu with Sigma = D R D (D the diagonal of volatilities, R the
     * correlation matrix), scaled down uniformly when its gross leverage sum |f_i| exceeds
     * {@code leverageCap}. {@code kellyFraction} is the gross leverage before the cap; the adjusted value is
     * the policy applied to the capped gross leverage, and the weights are scaled to it.
     */
    public static KellyAnalysis multiAsset(double[] mu, double[] volatilities, double[][] correlation,
                                           double leverageCap, KellyPolicy policy) {
        int n = mu.length;
        if (n == 0) {
            throw new InvalidParameterException("expected_returns", "must not be empty");
        }
        if (volatilities.length != n) {
            throw new InvalidParameterException("volatilities", "must have " + n + " entries, got " + volatilities.length);
        }
        checkCorrelation(correlation, n);
        positive("leverage_cap", leverageCap);
        DMatrixRMaj sigma = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            finite("expected_returns", mu[i]);
            positive("volatilities", volatilities[i]);
            for (int j = 0; j < n; j++) {
                sigma.set(i, j, volatilities[i] * correlation[i][j] * volatilities[j]);
            }
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(sigma)) {
            throw new InvalidParameterException("correlation_matrix", "is not positive definite");
        }
        DMatrixRMaj f = new DMatrixRMaj(n, 1);
        chol.solve(new DMatrixRMaj(n, 1, true, mu), f);
        double gross = 0;
        for (int i = 0; i < n; i++) {
            gross += Math.abs(f.get(i));
        }
        double scale = gross > leverageCap ? leverageCap / gross : 1.0;
        double capped = gross * scale;
        double adjusted = policy.adjust(capped, 1, 1);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = capped == 0 ? 0 : f.get(i) * scale * adjusted / capped;
        }
        KellyAnalysis.Sensitivity s = new KellyAnalysis.Sensitivity(Double.NaN, Double.NaN, Double.NaN, List.of(),
                Double.NaN);
        return new KellyAnalysis("multi_asset", gross, adjusted, Double.NaN, null, s, weights);
    }

    private static void checkCorrelation(double[][] c, int n) {
        if (c == null || c.length != n) {
            throw new InvalidParameterException("correlation_matrix", "must be " + n + " x " + n);
        }
        for (int i = 0; i < n; i++) {
            if (c[i] == null || c[i].length != n) {
                throw new InvalidParameterException("correlation_matrix", "must be " + n + " x " + n);
            }
            for (int j = 0; j < n; j++) {
                double v = c[i][j];
                if (!Double.isFinite(v) || v < -1 || v > 1) {
                    throw new InvalidParameterException("correlation_matrix",
                            "entry [" + i + "][" + j + "] must be in [-1, 1], got " + v);
                }
                if (Math.abs(v - c[j][i]) > 1e-9) {
                    throw new InvalidParameterException("correlation_matrix", "must be symmetric; ["
                            + i + "][" + j + "] = " + v + " but [" + j + "][" + i + "] = " + c[j][i]);
                }
            }
            if (Math.abs(c[i][i] - 1) > 1e-9) {
                throw new InvalidParameterException("correlation_matrix",
                        "diagonal entry [" + i + "][" + i + "] must be 1, got " + c[i][i]);
            }
        }
    }
}
