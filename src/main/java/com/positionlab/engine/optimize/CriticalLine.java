package com.positionlab.engine.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        List<Integer> free = start(w);
        List<TurningPoint> points = new ArrayList<>();
        points.add(point(w, Double.POSITIVE_INFINITY));
        double lastLambda = Double.POSITIVE_INFINITY;
        while (true) {
            Step out = bindOne(free, w);
            Step in = freeOne(free, w, lastLambda);
            double lambda;
            if ((out == null || out.lambda < 0) && (in == null || in.lambda < 0)) {
                lambda = 0;
            } else if (in == null || (out != null && out.lambda > in.lambda)) {
                lambda = out.lambda;
                free.remove(Integer.valueOf(out.asset));
                w[out.asset] = out.bound;
            } else {
                lambda = in.lambda;
                free.add(in.asset);
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
        if (!minimumVarianceHolds(frontier.minVolatility())) {
            // A safety net: refuse rather than return a frontier whose end is not the minimum variance.
            throw new IllegalStateException("the critical line algorithm did not reach the minimum-variance "
                    + "portfolio");
        }
        return frontier;
    }

    /**
     * The optimality conditions of the minimum-variance portfolio: {@code Sigma w} equal for the assets inside
     * their bounds, no smaller at a lower bound, no larger at an upper bound (to 1e-7 relative).
     */
    private boolean minimumVarianceHolds(double[] w) {
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grad[i] += cov[i][j] * w[j];
            }
        }
        double gamma = Double.NaN;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(grad[i]));
            if (Double.isNaN(gamma) && w[i] > lower[i] + 1e-7 && w[i] < upper[i] - 1e-7) {
                gamma = grad[i];
            }
        }
        if (Double.isNaN(gamma)) {
            return true;
        }
        double tol = 1e-7 * (scale + 1e-12);
        for (int i = 0; i < n; i++) {
            boolean free = w[i] > lower[i] + 1e-7 && w[i] < upper[i] - 1e-7;
            if (free && Math.abs(grad[i] - gamma) > tol || !free && w[i] <= lower[i] + 1e-7 && grad[i] < gamma - tol
                    || !free && w[i] >= upper[i] - 1e-7 && grad[i] > gamma + tol) {
                return false;
            }
        }
        return true;
    }

    /**
     * The highest-return corner: weights at their lower bounds, raised to their upper bounds by mean. When
     * several assets share the mean of the asset that completes the budget, any split among them has the
     * same return, and only the least-variance split is efficient: it is found among them, and every one of
     * them left inside its bounds is free. Returns the first free set.
     */
    private List<Integer> start(double[] w) {
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -mean[i]))
                .toArray(Integer[]::new);
        double sum = Arrays.stream(w).sum();
        int last = order[order.length - 1];
        for (int i : order) {
            double room = upper[i] - w[i];
            if (sum + room >= 1) {
                w[i] += 1 - sum;
                last = i;
                break;
            }
            w[i] = upper[i];
            sum += room;
        }
        double marginal = mean[last];
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (mean[i] == marginal) {
                tied.add(i);
            }
        }
        if (tied.size() == 1) {
            return new ArrayList<>(List.of(last));
        }
        return leastVariance(tied, w);
    }

    /**
     * Sets the weights of {@code group} to the least-variance split of their present sum among them within
     * their bounds, the other weights held, by pairwise moves (sequential minimal optimisation: move weight
     * from the member whose marginal variance is highest and can fall to the one whose is lowest and can rise,
     * by the exact minimiser on that line, clipped to the bounds) until the marginal variances of the members
     * that can move agree to 1e-13; returns the members left strictly inside their bounds.
     */
    private List<Integer> leastVariance(List<Integer> group, double[] w) {
        double[] grad = new double[n];
        for (int i : group) {
            grad[i] = row(i, w);
        }
        for (int iteration = 0; iteration < 100_000; iteration++) {
            int down = -1;
            int up = -1;
            for (int i : group) {
                if (w[i] > lower[i] && (down < 0 || grad[i] > grad[down])) {
                    down = i;
                }
                if (w[i] < upper[i] && (up < 0 || grad[i] < grad[up])) {
                    up = i;
                }
            }
            if (down < 0 || up < 0 || down == up
                    || grad[down] - grad[up] <= 1e-13 * (Math.abs(grad[down]) + Math.abs(grad[up]) + 1e-300)) {
                break;
            }
            // Moving t from down to up changes the variance by -2t (grad_down - grad_up) + t^2 curvature.
            double curvature = cov[down][down] + cov[up][up] - 2 * cov[down][up];
            double t = curvature > 0 ? (grad[down] - grad[up]) / curvature : Double.POSITIVE_INFINITY;
            t = Math.min(t, Math.min(w[down] - lower[down], upper[up] - w[up]));
            w[down] -= t;
            w[up] += t;
            for (int i : group) {
                grad[i] += t * (cov[i][up] - cov[i][down]);
            }
        }
        List<Integer> free = new ArrayList<>();
        for (int i : group) {
            if (w[i] > lower[i] && w[i] < upper[i]) {
                free.add(i);
            }
        }
        return free.isEmpty() ? new ArrayList<>(List.of(group.get(0))) : free;
    }

    private double row(int i, double[] w) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += cov[i][j] * w[j];
        }
        return s;
    }

    private record Step(double lambda, int asset, double bound) {
    }

    /** Case a: the free weight that reaches a bound first as lambda falls. */
    private Step bindOne(List<Integer> free, double[] w) {
        if (free.size() < 2) {
            return null;
        }
        Blocks b = blocks(free, w);
        Step best = null;
        for (int j = 0; j < free.size(); j++) {
            int i = free.get(j);
            double[] lb = lambdaAt(b, j, Double.NaN, lower[i], upper[i]);
            if (lb != null && (best == null || lb[0] > best.lambda)) {
                best = new Step(lb[0], i, lb[1]);
            }
        }
        return best;
    }

    /** Case b: the bounded weight that becomes free first as lambda falls (below the last lambda). */
    private Step freeOne(List<Integer> free, double[] w, double lastLambda) {
        Step best = null;
        for (int i = 0; i < n; i++) {
            if (free.contains(i)) {
                continue;
            }
            List<Integer> with = new ArrayList<>(free);
            with.add(i);
            Blocks b = blocks(with, w);
            double[] lb = lambdaAt(b, with.size() - 1, w[i], Double.NaN, Double.NaN);
            if (lb != null && lb[0] < lastLambda && (best == null || lb[0] > best.lambda)) {
                best = new Step(lb[0], i, w[i]);
            }
        }
        return best;
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

    /**
     * The lambda at which free asset {@code j} of the block reaches {@code bi} (or, with bounds given, the bound
     * its direction of travel meets), and that bound; null when it never moves.
     */
    private static double[] lambdaAt(Blocks b, int j, double bi, double lo, double hi) {
        int m = b.meanF.numRows();
        SimpleMatrix ones = new SimpleMatrix(m, 1);
        ones.fill(1);
        double c1 = ones.transpose().mult(b.inv).mult(ones).get(0);
        SimpleMatrix c2 = b.inv.mult(b.meanF);
        double c3 = ones.transpose().mult(b.inv).mult(b.meanF).get(0);
        SimpleMatrix c4 = b.inv.mult(ones);
        double c = -c1 * c2.get(j) + c3 * c4.get(j);
        // c is how fast the weight moves with lambda. With tied means it is zero but comes out as rounding
        // noise, which would put the event at a meaningless lambda: below this it counts as zero.
        if (Math.abs(c) <= 1e-12 * (Math.abs(c1 * c2.get(j)) + Math.abs(c3 * c4.get(j)))) {
            return null;
        }
        double bound = Double.isNaN(bi) ? (c > 0 ? hi : lo) : bi;
        if (b.wB == null) {
            return new double[] {(c4.get(j) - c1 * bound) / c, bound};
        }
        double l1 = b.wB.elementSum();
        SimpleMatrix l2 = b.inv.mult(b.covFB).mult(b.wB);
        double l3 = l2.elementSum();
        return new double[] {((1 - l1 + l3) * c4.get(j) - c1 * (bound + l2.get(j))) / c, bound};
    }

    private double[] freeWeights(List<Integer> free, double[] w, double lambda) {
        Blocks b = blocks(free, w);
        int m = free.size();
        SimpleMatrix ones = new SimpleMatrix(m, 1);
        ones.fill(1);
        double g1 = ones.transpose().mult(b.inv).mult(b.meanF).get(0);
        double g2 = ones.transpose().mult(b.inv).mult(ones).get(0);
        SimpleMatrix w1 = new SimpleMatrix(m, 1);
        double g;
        if (b.wB == null) {
            g = (-lambda * g1 + 1) / g2;
        } else {
            double g3 = b.wB.elementSum();
            w1 = b.inv.mult(b.covFB).mult(b.wB);
            double g4 = w1.elementSum();
            g = -lambda * g1 / g2 + (1 - g3 + g4) / g2;
        }
        SimpleMatrix wF = w1.negative().plus(b.inv.mult(ones).scale(g)).plus(b.inv.mult(b.meanF).scale(lambda));
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            out[j] = wF.get(j);
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
