package com.positionlab.engine.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.ejml.simple.SimpleMatrix;

/**
 * The mean-variance efficient frontier under per-asset bounds and a fully invested budget, by Markowitz's
 * critical line algorithm (as Bailey and López de Prado state it): from the highest-return corner portfolio,
 * each step frees a bounded weight or binds a free one, at the next value of the risk-aversion parameter
 * lambda, down to the minimum-variance portfolio (lambda = 0). Between consecutive turning points the
 * efficient weights are exactly linear, so every frontier point, the maximum Sharpe ratio and any target
 * return are found exactly from the turning points.
 *
 * <p>First version: the free block's inverse is recomputed at each step (not yet updated as assets enter and
 * leave), and only bounds and the budget are handled (no general linear rows). Tied expected returns at the
 * top of the frontier, where the starting corner is not unique, start from the least-variance split among the
 * tied assets. The end of the path is checked against the minimum-variance optimality conditions.
 */
public final class CriticalLine {

    /** Weights beyond their bounds or a budget off by more than this mark a turning point as numerical noise. */
    static final double TOLERANCE = 1e-9;

    private final double[] mean;
    private final double[][] cov;
    private final double[] lower;
    private final double[] upper;
    private final int n;

    private CriticalLine(double[] mean, double[][] cov, double[] lower, double[] upper) {
        this.mean = mean;
        this.cov = cov;
        this.lower = lower;
        this.upper = upper;
        this.n = mean.length;
    }

    /**
     * The frontier of {@code mean} and {@code cov} with {@code lower <= w <= upper} and {@code sum(w) = 1}.
     *
     * @throws IllegalArgumentException when the sizes differ, a bound is not finite, a lower bound exceeds its
     *                                  upper bound, or no fully invested portfolio is within the bounds
     */
    public static Frontier solve(double[] mean, double[][] cov, double[] lower, double[] upper) {
        int n = mean.length;
        if (n == 0 || cov.length != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("mean, covariance and bounds must all have " + n + " assets");
        }
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            if (cov[i].length != n || !Double.isFinite(mean[i]) || !Double.isFinite(lower[i])
                    || !Double.isFinite(upper[i]) || lower[i] > upper[i]) {
                throw new IllegalArgumentException("asset " + i + ": its mean, covariance row or bounds are invalid");
            }
            lo += lower[i];
            hi += upper[i];
        }
        if (lo > 1 + TOLERANCE || hi < 1 - TOLERANCE) {
            throw new IllegalArgumentException("no fully invested portfolio is within the bounds (they sum to "
                    + lo + " to " + hi + ")");
        }
        return new CriticalLine(mean, cov, lower, upper).run();
    }

    private Frontier run() {
        double[] w = lower.clone();
        List<Integer> free = StartingCorner.start(mean, cov, lower, upper, w);
        List<TurningPoint> points = new ArrayList<>();
        points.add(point(w, Double.POSITIVE_INFINITY));
        double lastLambda = Double.POSITIVE_INFINITY;
        // The asset that changed side at the last step may not change back at that same lambda: rounding
        // would otherwise make it enter and leave again and again.
        int changed = -1;
        while (true) {
            Step out = bindOne(free, w, changed, lastLambda);
            Step in = freeOne(free, w, lastLambda, changed);
            double lambda;
            if ((out == null || out.lambda < 0) && (in == null || in.lambda < 0)) {
                lambda = 0;
            } else if (in == null || (out != null && out.lambda > in.lambda)) {
                lambda = out.lambda;
                free.remove(Integer.valueOf(out.asset));
                w[out.asset] = out.bound;
                changed = out.asset;
            } else {
                lambda = in.lambda;
                free.add(in.asset);
                changed = in.asset;
            }
            double[] wF = freeWeights(free, w, lambda);
            for (int j = 0; j < free.size(); j++) {
                w[free.get(j)] = wF[j];
            }
            points.add(point(w, lambda));
            lastLambda = lambda;
            if (lambda == 0 || points.size() > 10 * n + 10) {
                break;
            }
        }
        Frontier frontier = new Frontier(clean(points), mean, cov);
        if (!Optimality.minimumVariance(frontier.minVolatility(), cov, lower, upper)) {
            // A safety net: refuse rather than return a frontier whose end is not the minimum variance.
            throw new IllegalStateException("the critical line algorithm did not reach the minimum-variance "
                    + "portfolio");
        }
        return frontier;
    }

    private record Step(double lambda, int asset, double bound) {
    }

    /** Lambdas closer than this to {@code lambda} are the same event seen through rounding. */
    private static double sameLambda(double lambda) {
        return Double.isInfinite(lambda) ? 0 : 1e-9 * (1 + Math.abs(lambda));
    }

    /** Case a: the free weight that reaches a bound first as lambda falls. */
    private Step bindOne(List<Integer> free, double[] w, int changed, double lastLambda) {
        if (free.size() < 2) {
            return null;
        }
        Sums t = sums(blocks(free, w));
        Step best = null;
        for (int j = 0; j < free.size(); j++) {
            int i = free.get(j);
            double c = -t.c1 * t.uMu[j] + t.c3 * t.u1[j];
            if (Math.abs(c) <= 1e-12 * (Math.abs(t.c1 * t.uMu[j]) + Math.abs(t.c3 * t.u1[j]))) {
                continue;
            }
            double bound = c > 0 ? upper[i] : lower[i];
            double lambda = ((1 - t.l1 + t.l3) * t.u1[j] - t.c1 * (bound + t.l2[j])) / c;
            if (i == changed && lambda >= lastLambda - sameLambda(lastLambda)) {
                continue;
            }
            if (best == null || lambda > best.lambda) {
                best = new Step(lambda, i, bound);
            }
        }
        return best;
    }

    /**
     * What every lambda and weight of a free set needs, computed once: {@code A^-1 1}, {@code A^-1 mu_F}, their
     * sums, the bounded weights' sum and {@code A^-1 Sigma_FB w_B} with its sum.
     */
    private record Sums(double[] u1, double[] uMu, double c1, double c3, double l1, double[] l2, double l3) {
    }

    private static Sums sums(Blocks b) {
        int m = b.meanF.numRows();
        double[][] inv = b.inv.toArray2();
        double[] pull = new double[m];
        double l1 = 0;
        if (b.wB != null) {
            for (int a = 0; a < m; a++) {
                for (int c = 0; c < b.wB.numRows(); c++) {
                    pull[a] += b.covFB.get(a, c) * b.wB.get(c);
                }
            }
            l1 = b.wB.elementSum();
        }
        double[] u1 = new double[m];
        double[] uMu = new double[m];
        double[] l2 = new double[m];
        double c1 = 0;
        double c3 = 0;
        double l3 = 0;
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < m; c++) {
                u1[a] += inv[a][c];
                uMu[a] += inv[a][c] * b.meanF.get(c);
                l2[a] += inv[a][c] * pull[c];
            }
            c1 += u1[a];
            c3 += uMu[a];
            l3 += l2[a];
        }
        return new Sums(u1, uMu, c1, c3, l1, l2, l3);
    }

    /**
     * Case b: the bounded weight that becomes free first as lambda falls (below the last lambda). Each
     * candidate's block, the free block with the candidate added, is not inverted: its inverse follows from
     * the free block's by the Schur complement {@code s = Sigma_kk - sigma' A^-1 sigma}, in O(m^2).
     */
    private Step freeOne(List<Integer> free, double[] w, double lastLambda, int changed) {
        int m = free.size();
        int[] f = free.stream().mapToInt(Integer::intValue).toArray();
        boolean[] isFree = new boolean[n];
        for (int i : f) {
            isFree[i] = true;
        }
        double[][] inv = blocks(free, w).inv.toArray2();
        double[] u1 = new double[m];
        double[] uMu = new double[m];
        double[] z = new double[m];
        double sumWB = 0;
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < m; c++) {
                u1[a] += inv[a][c];
                uMu[a] += inv[a][c] * mean[f[c]];
            }
            for (int j = 0; j < n; j++) {
                if (!isFree[j]) {
                    z[a] += cov[f[a]][j] * w[j];
                }
            }
        }
        double c1 = 0;
        double c3 = 0;
        for (int a = 0; a < m; a++) {
            c1 += u1[a];
            c3 += uMu[a];
        }
        for (int j = 0; j < n; j++) {
            sumWB += isFree[j] ? 0 : w[j];
        }
        Prior prior = new Prior(u1, z, c1, c3, sumWB);
        Step best = null;
        for (int k = 0; k < n; k++) {
            if (isFree[k]) {
                continue;
            }
            Step step = entering(k, f, isFree, w, inv, prior);
            if (step != null && (k != changed || step.lambda < lastLambda - sameLambda(lastLambda))
                    && step.lambda < lastLambda && (best == null || step.lambda > best.lambda)) {
                best = step;
            }
        }
        return best;
    }

    /** Sums over the free set that do not depend on the candidate. */
    private record Prior(double[] u1, double[] z, double c1, double c3, double sumWB) {
    }

    /** The lambda at which bounded asset {@code k} becomes free, by the Schur complement; null if never. */
    private Step entering(int k, int[] f, boolean[] isFree, double[] w, double[][] inv, Prior p) {
        int m = f.length;
        double[] u1 = p.u1();
        double[] z = p.z();
        double c1 = p.c1();
        double c3 = p.c3();
        double sumWB = p.sumWB();
        double[] sigma = new double[m];
        for (int a = 0; a < m; a++) {
            sigma[a] = cov[f[a]][k];
        }
        double sigmaAv = 0;
        double a1 = 0;
        double aMu = 0;
        double aZ = 0;
        double u1Sigma = 0;
        double u1Z = 0;
        for (int a = 0; a < m; a++) {
            double v = 0;
            for (int c = 0; c < m; c++) {
                v += inv[a][c] * sigma[c];
            }
            sigmaAv += sigma[a] * v;
            a1 += v;
            aMu += v * mean[f[a]];
            aZ += v * z[a];
            u1Sigma += u1[a] * sigma[a];
            u1Z += u1[a] * z[a];
        }
        double s = cov[k][k] - sigmaAv;
        if (!(s > 1e-14 * Math.abs(cov[k][k]))) {
            return null;
        }
        double c1k = c1 + (a1 - 1) * (a1 - 1) / s;
        double c3k = c3 + (a1 - 1) * (aMu - mean[k]) / s;
        double c4k = (1 - a1) / s;
        double c2k = (mean[k] - aMu) / s;
        double c = -c1k * c2k + c3k * c4k;
        if (Math.abs(c) <= 1e-12 * (Math.abs(c1k * c2k) + Math.abs(c3k * c4k))) {
            return null;
        }
        // The bounded set without k: its weights' sum, and v = Sigma_{F+k, B-k} w_{B-k}.
        double l1 = sumWB - w[k];
        double vk = -cov[k][k] * w[k];
        for (int j = 0; j < n; j++) {
            if (!isFree[j]) {
                vk += cov[k][j] * w[j];
            }
        }
        double aV = aZ - sigmaAv * w[k];
        double u1V = u1Z - u1Sigma * w[k];
        double l2k = (vk - aV) / s;
        double l3 = u1V + (a1 - 1) * (aV - vk) / s;
        double lambda = ((1 - l1 + l3) * c4k - c1k * (w[k] + l2k)) / c;
        return new Step(lambda, k, w[k]);
    }

    /** The free block's inverse, its covariance with the bounded assets, means and the bounded weights. */
    private record Blocks(SimpleMatrix inv, SimpleMatrix covFB, SimpleMatrix meanF, SimpleMatrix wB) {
    }

    private Blocks blocks(List<Integer> free, double[] w) {
        int[] f = free.stream().mapToInt(Integer::intValue).toArray();
        int[] bnd = IntStream.range(0, n).filter(i -> !free.contains(i)).toArray();
        SimpleMatrix covF = new SimpleMatrix(f.length, f.length);
        SimpleMatrix meanF = new SimpleMatrix(f.length, 1);
        SimpleMatrix covFB = new SimpleMatrix(f.length, Math.max(bnd.length, 1));
        SimpleMatrix wB = new SimpleMatrix(Math.max(bnd.length, 1), 1);
        for (int a = 0; a < f.length; a++) {
            meanF.set(a, 0, mean[f[a]]);
            for (int c = 0; c < f.length; c++) {
                covF.set(a, c, cov[f[a]][f[c]]);
            }
            for (int c = 0; c < bnd.length; c++) {
                covFB.set(a, c, cov[f[a]][bnd[c]]);
            }
        }
        for (int c = 0; c < bnd.length; c++) {
            wB.set(c, 0, w[bnd[c]]);
        }
        return new Blocks(covF.invert(), covFB, meanF, bnd.length == 0 ? null : wB);
    }

    private double[] freeWeights(List<Integer> free, double[] w, double lambda) {
        Sums t = sums(blocks(free, w));
        double g = -lambda * t.c3 / t.c1 + (1 - t.l1 + t.l3) / t.c1;
        double[] out = new double[free.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = -t.l2[j] + g * t.u1[j] + lambda * t.uMu[j];
        }
        return out;
    }

    private TurningPoint point(double[] w, double lambda) {
        return TurningPoint.of(w.clone(), lambda, mean, cov);
    }

    private static boolean same(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The turning points without numerical noise (weights past a bound or a budget off by more than
     * {@link #TOLERANCE}) and without points below the frontier's top (a return above an earlier one).
     */
    private List<TurningPoint> clean(List<TurningPoint> points) {
        List<TurningPoint> ok = new ArrayList<>();
        for (TurningPoint p : points) {
            double sum = 0;
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                sum += p.weights()[i];
                inside &= p.weights()[i] >= lower[i] - TOLERANCE && p.weights()[i] <= upper[i] + TOLERANCE;
            }
            if (inside && Math.abs(sum - 1) <= TOLERANCE) {
                ok.add(p);
            }
        }
        List<TurningPoint> out = new ArrayList<>();
        for (TurningPoint p : ok) {
            while (!out.isEmpty() && p.expectedReturn() > out.get(out.size() - 1).expectedReturn()) {
                out.remove(out.size() - 1);
            }
            if (out.isEmpty() || !same(out.get(out.size() - 1).weights(), p.weights())) {
                out.add(p);
            }
        }
        return out;
    }
}
