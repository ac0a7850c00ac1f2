package com.positionlab.engine.riskmodel;

import static com.positionlab.engine.riskmodel.GarchLikelihood.ALPHA;
import static com.positionlab.engine.riskmodel.GarchLikelihood.BETA;
import static com.positionlab.engine.riskmodel.GarchLikelihood.MU;
import static com.positionlab.engine.riskmodel.GarchLikelihood.OMEGA;

/**
 * Maximises a {@link GarchLikelihood} of a series standardised to unit variance over omega >= 1e-10,
 * alpha >= 0, beta >= 0, alpha + beta <= 1 - 1e-9, by projected Newton steps (Bertsekas) in the coordinates
 * x = (mu, omega, pi, s) with
 * <pre>
 *   alpha = s pi,   beta = (1 - s) pi,   pi in [0, 1 - 1e-9],   s in [0, 1]
 * </pre>
 * in which every constraint is a bound on one coordinate. Each iteration takes the analytic gradient g and the
 * Hessian H as forward differences of it, holds at its bound every coordinate that sits there with the gradient
 * pointing out, and solves {@code (-H + lambda D) d = g} on the others (lambda = 0 unless -H is not positive
 * definite there; D the diagonal of -H). The step is {@code P(x + t d)}, P the projection on the box, with t
 * halved from 1 until the log-likelihood rises. It stops when a full Newton step predicts a gain
 * {@code g'd / 2} below {@value #GAIN_TOLERANCE}, which near the maximum it reaches quadratically.
 */
final class GarchMaximizer {

    static final double GAIN_TOLERANCE = 1e-11;

    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_HALVINGS = 40;
    private static final double HESSIAN_STEP = 1e-6;
    private static final double BOUND_TOLERANCE = 1e-12;

    private static final int PI = 2;
    private static final int SHARE = 3;
    private static final double[] LOWER = {Double.NEGATIVE_INFINITY, 1e-10, 0, 0};
    private static final double[] UPPER = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1 - 1e-9, 1};

    private final GarchLikelihood likelihood;
    private final double[] p = new double[4];
    private final double[] gp = new double[4];

    private GarchMaximizer(GarchLikelihood likelihood) {
        this.likelihood = likelihood;
    }

    /** A local maximum (mu, omega, alpha, beta) climbing from a feasible start. */
    static double[] maximise(GarchLikelihood likelihood, double[] start) {
        return new GarchMaximizer(likelihood).run(start);
    }

    private double[] run(double[] start) {
        double[] x = toWorking(start);
        double f = value(x);
        double[] g = new double[4];
        gradient(x, g);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean[] held = held(x, g);
            double[] d = newtonStep(hessian(x, g), g, held);
            if (d == null) {
                break;
            }
            double gain = 0.5 * dot(g, d);
            if (gain < GAIN_TOLERANCE) {
                break;
            }
            double t = 1;
            double[] next = null;
            double fNext = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < MAX_HALVINGS; halving++, t *= 0.5) {
                double[] candidate = project(x, d, t);
                double fCandidate = value(candidate);
                if (fCandidate > f) {
                    next = candidate;
                    fNext = fCandidate;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            x = next;
            f = fNext;
            gradient(x, g);
        }
        return toNatural(x);
    }

    /** Coordinates at a bound with the gradient pointing out of the box: they stay put this iteration. */
    private static boolean[] held(double[] x, double[] g) {
        boolean[] held = new boolean[4];
        for (int i = 0; i < 4; i++) {
            held[i] = (x[i] <= LOWER[i] + BOUND_TOLERANCE && g[i] < 0)
                    || (x[i] >= UPPER[i] - BOUND_TOLERANCE && g[i] > 0);
        }
        return held;
    }

    /** The (damped if need be) Newton step on the free coordinates, zero on the held ones; null if none is free. */
    private static double[] newtonStep(double[][] h, double[] g, boolean[] held) {
        int[] free = new int[4];
        int m = 0;
        for (int i = 0; i < 4; i++) {
            if (!held[i]) {
                free[m++] = i;
            }
        }
        if (m == 0) {
            return null;
        }
        double[][] a = new double[m][m];
        double[] b = new double[m];
        double largest = 0;
        for (int i = 0; i < m; i++) {
            b[i] = g[free[i]];
            for (int j = 0; j < m; j++) {
                a[i][j] = -h[free[i]][free[j]];
            }
            largest = Math.max(largest, Math.abs(a[i][i]));
        }
        double[] y = null;
        for (double lambda = 0; y == null && lambda < 1e12; lambda = lambda == 0 ? 1e-6 : lambda * 10) {
            y = Cholesky.solve(a, b, lambda, 1e-12 * largest);
        }
        if (y == null) {
            return null;
        }
        double[] d = new double[4];
        for (int i = 0; i < m; i++) {
            d[free[i]] = y[i];
        }
        return d;
    }

    private static double[] project(double[] x, double[] d, double t) {
        double[] next = new double[4];
        for (int i = 0; i < 4; i++) {
            next[i] = Math.max(LOWER[i], Math.min(UPPER[i], x[i] + t * d[i]));
        }
        return next;
    }

    private double value(double[] x) {
        setNatural(x);
        return likelihood.value(p);
    }

    /** The gradient in x by the chain rule through alpha = s pi, beta = (1 - s) pi. */
    private boolean gradient(double[] x, double[] g) {
        setNatural(x);
        if (!likelihood.gradient(p, gp)) {
            return false;
        }
        g[MU] = gp[MU];
        g[OMEGA] = gp[OMEGA];
        g[PI] = gp[ALPHA] * x[SHARE] + gp[BETA] * (1 - x[SHARE]);
        g[SHARE] = (gp[ALPHA] - gp[BETA]) * x[PI];
        return true;
    }

    /**
     * Forward differences of the gradient g at x (backward where a forward step would leave the box), symmetrised.
     */
    private double[][] hessian(double[] x, double[] g) {
        double[][] h = new double[4][4];
        double[] shifted = new double[4];
        for (int j = 0; j < 4; j++) {
            double step = HESSIAN_STEP * Math.max(1, Math.abs(x[j]));
            if (x[j] + step > UPPER[j]) {
                step = -step;
            }
            double[] v = x.clone();
            v[j] = x[j] + step;
            if (!gradient(v, shifted)) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                h[i][j] = (shifted[i] - g[i]) / step;
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private void setNatural(double[] x) {
        p[MU] = x[MU];
        p[OMEGA] = x[OMEGA];
        p[ALPHA] = x[SHARE] * x[PI];
        p[BETA] = (1 - x[SHARE]) * x[PI];
    }

    private double[] toNatural(double[] x) {
        setNatural(x);
        return p.clone();
    }

    private static double[] toWorking(double[] p) {
        double pi = p[ALPHA] + p[BETA];
        double share = pi > 0 ? p[ALPHA] / pi : 0.5;
        double[] x = {p[MU], p[OMEGA], pi, share};
        for (int i = 0; i < 4; i++) {
            x[i] = Math.max(LOWER[i], Math.min(UPPER[i], x[i]));
        }
        return x;
    }
}
