package com.positionlab.engine.optimize.meanvariance;

import java.util.Random;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

import com.positionlab.engine.optimize.CriticalLine;
import com.positionlab.engine.optimize.Frontier;

/**
 * Portfolios that allow for error in the expected returns (annualised, weights as fractions):
 * <ul>
 * <li>{@link #box}: the best worst case of {@code mu.w - delta/2 w'Sigma w} when each expected return may be
 * off by up to {@code uncertainty_i}: the worst case is {@code mu^.w - uncertainty.|w|}, a convex program
 * (with the exposures {@code |w_i|} as variables); long only, {@code |w| = w} and it is the quadratic
 * utility of the worst-case returns, answered exactly on their frontier by the critical line.</li>
 * <li>{@link #ellipsoid}: the same with the errors in the ellipsoid {@code (mu - mu^)' Theta^-1 (mu - mu^) <=
 * kappa^2}, {@code Theta = Sigma / years}; the worst case is {@code mu^.w - kappa sqrt(w'Sigma w / years)},
 * which depends on w only through its return and volatility, so the answer lies on the mean-variance
 * frontier: Brent's method on the target volatility finds it, each step an exact frontier point (no conic
 * solver).</li>
 * <li>{@link #resampledMaxSharpe}: Michaud's resampling: the maximum-Sharpe weights averaged over
 * frontiers of returns drawn from N(mu, Sigma) (as many years as observed, seeded), each solved exactly by
 * the critical line algorithm.</li>
 * </ul>
 */
public final class Robust {

    private Robust() {
    }

    public static Allocation box(PortfolioProblem p, double riskAversion, double[] uncertainty) {
        if (uncertainty.length != p.n()) {
            throw new IllegalArgumentException("uncertainty: one value per asset is needed");
        }
        if (p.exact() && java.util.Arrays.stream(p.lower()).allMatch(l -> l >= 0)) {
            // long only: |w| = w, so the worst case is mu - uncertainty, and the answer lies on that frontier
            double[] worst = new double[p.n()];
            for (int i = 0; i < worst.length; i++) {
                worst[i] = p.mu()[i] - uncertainty[i];
            }
            MeanVariance exact = new MeanVariance(p.withMu(worst));
            if (exact.exactFrontier() != null) {
                return exact.maxQuadraticUtility(riskAversion);
            }
        }
        MeanVariance mv = new MeanVariance(p, MeanVariance.Choice.QP);
        return mv.fromProgram(Programs.weights(p, riskAversion / 2, 1, uncertainty).build(), p.n(), 1);
    }

    public static Allocation ellipsoid(PortfolioProblem p, double riskAversion, double kappa, double years) {
        MeanVariance mv = new MeanVariance(p);
        double lo = Math.sqrt(p.variance(mv.minVolatility().weights()));
        double[] top = mv.efficientRisk(Math.max(10, 10 * lo)).weights();
        double hi = Math.max(lo * (1 + 1e-12), Math.sqrt(p.variance(top)));
        double penalty = kappa / Math.sqrt(years);
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(sigma -> {
            double[] w = mv.efficientRisk(sigma).weights();
            double v = Math.sqrt(p.variance(w));
            return p.expectedReturn(w) - penalty * v - riskAversion / 2 * v * v;
        });
        UnivariatePointValuePair best = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(500), f,
                GoalType.MAXIMIZE, new SearchInterval(lo, hi));
        return new Allocation(mv.efficientRisk(best.getPoint()).weights(), "critical line, Brent on the volatility",
                1);
    }

    public static Allocation resampledMaxSharpe(PortfolioProblem p, double riskFreeRate, int samples, int periods,
                                                int frequency, long seed) {
        int n = p.n();
        double[][] chol = cholesky(p.cov(), frequency);
        Random random = new Random(seed);
        double[] sum = new double[n];
        int used = 0;
        for (int s = 0; s < samples; s++) {
            double[][] x = new double[periods][n];
            for (double[] row : x) {
                double[] z = new double[n];
                for (int i = 0; i < n; i++) {
                    z[i] = random.nextGaussian();
                }
                for (int i = 0; i < n; i++) {
                    double v = p.mu()[i] / frequency;
                    for (int j = 0; j <= i; j++) {
                        v += chol[i][j] * z[j];
                    }
                    row[i] = v;
                }
            }
            double[] mu = new double[n];
            double[][] cov = new double[n][n];
            moments(x, frequency, mu, cov);
            Frontier f = CriticalLine.solve(mu, cov, p.lower(), p.upper());
            double[] w = f.maxSharpe(riskFreeRate);
            if (w != null) {
                for (int i = 0; i < n; i++) {
                    sum[i] += w[i];
                }
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("no resampled frontier has a return above the risk-free rate");
        }
        for (int i = 0; i < n; i++) {
            sum[i] /= used;
        }
        return new Allocation(sum, "resampled critical line (" + used + " frontiers)", used);
    }

    /** The lower Cholesky factor of the per-period covariance {@code cov / frequency}. */
    private static double[][] cholesky(double[][] cov, int frequency) {
        int n = cov.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i][j] / frequency;
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 0));
                } else {
                    l[i][j] = l[j][j] > 0 ? s / l[j][j] : 0;
                }
            }
        }
        return l;
    }

    private static void moments(double[][] x, int frequency, double[] mu, double[][] cov) {
        int n = mu.length;
        int t = x.length;
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                mu[i] += row[i] / t;
            }
        }
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += (row[i] - mu[i]) * (row[j] - mu[j]) / (t - 1) * frequency;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            mu[i] *= frequency;
            for (int j = 0; j < i; j++) {
                cov[j][i] = cov[i][j];
            }
        }
    }
}
