package com.positionlab.engine.optimize.bl;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Black-Litterman model (He and Litterman's formulation, as PyPortfolioOpt 1.5.6 computes it): a prior
 * {@code pi} of expected returns (for example {@link MarketImplied#priorReturns}, or zero), the assets'
 * covariance Sigma, views (P, Q) with uncertainty Omega, and the scaling tau of the prior's uncertainty
 * ({@code tau Sigma}). With {@code A = P tau Sigma P' + Omega}:
 * <pre>
 *   mu_BL    = pi + tau Sigma P' A^-1 (Q - P pi)
 *   Sigma_BL = Sigma + tau Sigma - tau Sigma P' A^-1 P tau Sigma
 * </pre>
 * A is solved against, never Omega inverted, so views with zero uncertainty (Omega = 0) are imposed exactly.
 * Units: annual fractions when pi, Q and Sigma are annual.
 *
 * @param cov         Sigma, N x N, symmetric, finite
 * @param prior       pi, N finite returns; null for a zero prior
 * @param views       the views on the N assets
 * @param tau         positive scaling of the prior's uncertainty ({@link #DEFAULT_TAU} usually)
 * @param uncertainty how Omega is made
 */
public record BlackLitterman(double[][] cov, double[] prior, Views views, double tau, ViewUncertainty uncertainty) {

    /** He and Litterman's (and upstream's) default tau. */
    public static final double DEFAULT_TAU = 0.05;

    public BlackLitterman {
        int n = views.assets();
        Checks.covariance(cov, n);
        cov = copy(cov);
        prior = prior == null ? new double[n] : prior.clone();
        if (prior.length != n) {
            throw new IllegalArgumentException("the prior has " + prior.length + " returns for " + n + " assets");
        }
        Checks.finite("prior return", prior);
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite, got " + tau);
        }
        if (uncertainty == null) {
            throw new IllegalArgumentException("the view uncertainty must be given");
        }
    }

    /** The model with tau = 0.05 and He and Litterman's Omega = diag(tau P Sigma P'). */
    public static BlackLitterman withDefaults(double[][] cov, double[] prior, Views views) {
        return new BlackLitterman(cov, prior, views, DEFAULT_TAU, ViewUncertainty.proportionalToPrior());
    }

    /**
     * The posterior returns and covariance (formulas above).
     *
     * @throws IllegalArgumentException when {@code P tau Sigma P' + Omega} is not positive definite (views that
     *                                  repeat or contradict each other with zero uncertainty)
     */
    public Posterior posterior() {
        int n = cov.length;
        int k = views.count();
        double[][] p = views.picking();
        double[] q = views.returns();
        double[][] omega = uncertainty.omega(views, cov, tau);
        // tsp = tau Sigma P' (N x K); a = P tsp + Omega (K x K).
        double[][] tsp = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < k; v++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += cov[i][j] * p[v][j];
                }
                tsp[i][v] = tau * s;
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj rhs = new DMatrixRMaj(k, 1 + n);
        for (int v = 0; v < k; v++) {
            double pPi = 0;
            for (int j = 0; j < n; j++) {
                pPi += p[v][j] * prior[j];
                rhs.set(v, 1 + j, tsp[j][v]);
            }
            rhs.set(v, 0, q[v] - pPi);
            for (int u = 0; u < k; u++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += p[v][j] * tsp[j][u];
                }
                a.set(v, u, s + omega[v][u]);
            }
        }
        DMatrixRMaj x = solvePositiveDefinite(a, rhs, "P tau Sigma P' + Omega (the views repeat or contradict "
                + "each other with zero uncertainty)");
        return combine(tsp, x);
    }

    /** mu_BL = pi + tsp x[:, 0] and Sigma_BL = Sigma + tau Sigma - tsp x[:, 1..N], made exactly symmetric. */
    private Posterior combine(double[][] tsp, DMatrixRMaj x) {
        int n = cov.length;
        int k = x.numRows;
        double[] mu = new double[n];
        double[][] sigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int v = 0; v < k; v++) {
                s += tsp[i][v] * x.get(v, 0);
            }
            mu[i] = prior[i] + s;
            for (int j = 0; j < n; j++) {
                double m = 0;
                for (int v = 0; v < k; v++) {
                    m += tsp[i][v] * x.get(v, 1 + j);
                }
                sigma[i][j] = cov[i][j] + tau * cov[i][j] - m;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = (sigma[i][j] + sigma[j][i]) / 2;
                sigma[i][j] = s;
                sigma[j][i] = s;
            }
        }
        return new Posterior(mu, sigma);
    }

    /**
     * Upstream's {@code bl_weights}: the unconstrained mean-variance optimum {@code (delta Sigma)^-1 mu_BL} with
     * the PRIOR Sigma, normalised to sum to 1 (the risk aversion delta cancels in the normalisation, so it is
     * not a parameter). Weights may be negative or above 1.
     *
     * @throws IllegalArgumentException when Sigma is not positive definite or the raw weights sum to zero
     */
    public double[] weights() {
        int n = cov.length;
        DMatrixRMaj mu = new DMatrixRMaj(n, 1, true, posterior().returns());
        DMatrixRMaj raw = solvePositiveDefinite(new DMatrixRMaj(cov), mu, "the covariance matrix");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += raw.get(i, 0);
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("the raw weights sum to " + sum + ": they cannot be normalised");
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = raw.get(i, 0) / sum;
        }
        return w;
    }

    private static DMatrixRMaj solvePositiveDefinite(DMatrixRMaj a, DMatrixRMaj b, String what) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(a.numRows);
        if (!solver.setA(a)) {
            throw new IllegalArgumentException(what + " is not positive definite");
        }
        DMatrixRMaj x = new DMatrixRMaj(a.numRows, b.numCols);
        solver.solve(b, x);
        for (double v : x.data) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " is singular");
            }
        }
        return x;
    }

    @Override
    public double[][] cov() {
        return copy(cov);
    }

    @Override
    public double[] prior() {
        return prior.clone();
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
