package com.positionlab.engine.optimize.hrp;

import java.util.Arrays;

import com.positionlab.engine.estimate.ReturnTable;

/**
 * Hierarchical Risk Parity (López de Prado, 2016) as PyPortfolioOpt 1.5.6 computes it:
 * <ol>
 *   <li>the distance between assets i and j is {@code d_ij = sqrt(clip((1 - rho_ij) / 2, 0, 1))} from their
 *       correlation rho;</li>
 *   <li>the assets are clustered on those distances ({@link Clustering}, single linkage upstream by default),
 *       and ordered quasi-diagonally by the tree's leaf order (pre-order, left first);</li>
 *   <li>recursive bisection of that ordered list (not of the tree's clusters): every weight starts at 1; each
 *       list longer than one is split into its first {@code len / 2} (rounded down) assets and the rest; for
 *       each half the cluster variance {@code V = u' C u} uses the inverse-variance weights
 *       {@code u_i = (1 / C_ii) / sum_j (1 / C_jj)} within the half; the left half's weights are multiplied by
 *       {@code alpha = 1 - V_left / (V_left + V_right)}, the right half's by {@code 1 - alpha}.</li>
 * </ol>
 * The weights are long only and sum to 1; they do not depend on the units of the covariance (daily or annual).
 */
public final class HierarchicalRiskParity {

    private HierarchicalRiskParity() {
    }

    /**
     * HRP on daily returns with missing values: the covariance and correlation of each pair over the rows where
     * both are present ({@link PairwiseMoments}), as upstream computes them from a returns table.
     */
    public static HrpPortfolio fromReturns(ReturnTable returns, Linkage method) {
        return weights(PairwiseMoments.covariance(returns), PairwiseMoments.correlation(returns), method);
    }

    /**
     * HRP from a covariance matrix (any units) and the correlation matrix that defines the distances (its
     * diagonal is not read; off the diagonal, values outside [-1, 1] are clipped through the distance).
     *
     * @throws IllegalArgumentException when the matrices are empty, not square, of different sizes, not
     *                                  symmetric or not finite, or a variance is not positive
     */
    public static HrpPortfolio weights(double[][] cov, double[][] corr, Linkage method) {
        SymmetricCheck.require("covariance", cov, true);
        SymmetricCheck.require("correlation", corr, false);
        int n = cov.length;
        if (corr.length != n) {
            throw new IllegalArgumentException("the correlation matrix has " + corr.length + " assets, the "
                    + "covariance " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!(cov[i][i] > 0)) {
                throw new IllegalArgumentException("the variance of asset " + i + " must be positive, got "
                        + cov[i][i]);
            }
        }
        Dendrogram tree = Clustering.linkage(distance(corr), method);
        int[] order = tree.leafOrder();
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        bisect(cov, order, 0, n, w);
        return new HrpPortfolio(w, order, tree);
    }

    /**
     * The correlation distance {@code sqrt(clip((1 - rho) / 2, 0, 1))}, 0 on the diagonal, symmetric (from the
     * upper triangle of {@code corr}).
     */
    public static double[][] distance(double[][] corr) {
        int n = corr.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rho = corr[Math.min(i, j)][Math.max(i, j)];
                d[i][j] = i == j ? 0 : Math.sqrt(Math.min(Math.max((1 - rho) / 2, 0), 1));
            }
        }
        return d;
    }

    /** Splits {@code order[lo, hi)} in two and scales each half by its share of the pair's inverse variance. */
    private static void bisect(double[][] cov, int[] order, int lo, int hi, double[] w) {
        if (hi - lo < 2) {
            return;
        }
        int mid = lo + (hi - lo) / 2;
        double left = clusterVariance(cov, order, lo, mid);
        double right = clusterVariance(cov, order, mid, hi);
        double alpha = 1 - left / (left + right);
        for (int k = lo; k < hi; k++) {
            w[order[k]] *= k < mid ? alpha : 1 - alpha;
        }
        bisect(cov, order, lo, mid, w);
        bisect(cov, order, mid, hi, w);
    }

    /** {@code u' C u} over the assets {@code order[lo, hi)} with inverse-variance weights u. */
    static double clusterVariance(double[][] cov, int[] order, int lo, int hi) {
        double[] u = new double[hi - lo];
        double sum = 0;
        for (int k = lo; k < hi; k++) {
            u[k - lo] = 1 / cov[order[k]][order[k]];
            sum += u[k - lo];
        }
        double v = 0;
        for (int a = 0; a < u.length; a++) {
            double row = 0;
            for (int b = 0; b < u.length; b++) {
                row += cov[order[lo + a]][order[lo + b]] * (u[b] / sum);
            }
            v += u[a] / sum * row;
        }
        return v;
    }
}
