package com.positionlab.engine.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * Seeded random frontier problems of every kind the critical line must handle, and independent answers to
 * compare with: the least variance at a target return and the maximum Sharpe ratio, each from one convex
 * program ({@link QpSolver}).
 */
final class FrontierCases {

    /** One problem: minimise variance for the return, with bounds, rows and {@code sum(w) = budget}. */
    record Case(String kind, double[] mu, double[][] cov, double[] lo, double[] hi, List<CriticalLine.Row> rows,
                double budget) {

        Frontier solve() {
            return CriticalLine.solve(mu, cov, lo, hi, rows, budget);
        }

        int n() {
            return mu.length;
        }
    }

    static final String[] KINDS = {"long only", "tied means", "equal means", "near-singular covariance",
        "tight bounds", "long-short", "sector rows", "market neutral", "rank-deficient covariance",
        "equality row"};

    private FrontierCases() {
    }

    /** Problem number {@code trial}: its kind is {@code KINDS[trial % 10]}, its size 2 to maxN. */
    static Case random(Random rnd, int trial, int maxN) {
        String kind = KINDS[trial % KINDS.length];
        int n = 2 + rnd.nextInt(maxN - 1);
        double[][] cov = kind.equals("rank-deficient covariance") ? sample(rnd, n, Math.max(2, n / 3))
                : factor(rnd, n, kind.equals("near-singular covariance") ? 1e-6 : 0.01);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = switch (kind) {
                case "tied means" -> 0.05 * (1 + rnd.nextInt(3));
                case "equal means" -> 0.08;
                default -> 0.02 + 0.15 * rnd.nextDouble();
            };
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        double budget = kind.equals("market neutral") ? 0 : 1;
        double top = Math.max(1.5 / n, rnd.nextDouble());
        for (int i = 0; i < n; i++) {
            lo[i] = switch (kind) {
                case "tight bounds" -> 0.5 / n;
                case "long-short" -> -0.5;
                case "market neutral" -> -0.3;
                default -> 0;
            };
            hi[i] = switch (kind) {
                case "tight bounds" -> 1.3 / n;
                case "market neutral" -> 0.3;
                default -> top;
            };
        }
        return new Case(kind, mu, cov, lo, hi, rows(rnd, kind, n), budget);
    }

    /** Three sectors (asset i in sector i mod 3): caps of 0.5 and a floor of 0.1, or sector 0 at exactly 0.3. */
    private static List<CriticalLine.Row> rows(Random rnd, String kind, int n) {
        List<CriticalLine.Row> rows = new ArrayList<>();
        if (kind.equals("sector rows") || kind.equals("equality row") && n >= 3) {
            for (int s = 0; s < 3; s++) {
                double[] a = new double[n];
                for (int i = s; i < n; i += 3) {
                    a[i] = 1;
                }
                if (kind.equals("equality row")) {
                    rows.add(CriticalLine.Row.equal("sector 0", a, 0.3));
                    break;
                }
                rows.add(s == 1 ? new CriticalLine.Row("sector 1", a, 0.1, 0.5)
                        : CriticalLine.Row.atMost("sector " + s, a, 0.5));
            }
        }
        return rows;
    }

    /** A 3-factor covariance plus idiosyncratic variance of {@code noise} to 5 times it. */
    static double[][] factor(Random rnd, int n, double noise) {
        double[][] b = new double[n][3];
        for (double[] row : b) {
            for (int j = 0; j < 3; j++) {
                row[j] = rnd.nextGaussian() * 0.15;
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = b[i][0] * b[j][0] + b[i][1] * b[j][1] + b[i][2] * b[j][2]
                        + (i == j ? noise * (1 + 4 * rnd.nextDouble()) : 0);
            }
        }
        return cov;
    }

    /** The sample covariance of {@code t} observations (rank at most t - 1, singular when t <= n). */
    static double[][] sample(Random rnd, int n, int t) {
        double[][] r = new double[t][n];
        double[] mean = new double[n];
        for (double[] row : r) {
            for (int i = 0; i < n; i++) {
                row[i] = 0.1 * rnd.nextGaussian();
                mean[i] += row[i] / t;
            }
        }
        double[][] cov = new double[n][n];
        for (double[] row : r) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (t - 1);
                }
            }
        }
        return cov;
    }

    /** The least variance {@code w'Sigma w} with {@code mu.w = target} within the case's constraints. */
    static double[] leastVarianceAt(Case c, double target) {
        QuadraticProgram.Builder b = constrained(c, c.n()).quadratic(c.cov(), 2).equal("return", c.mu(), target);
        return QpSolver.solve(b.build()).x();
    }

    private static QuadraticProgram.Builder constrained(Case c, int variables) {
        int n = c.n();
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        QuadraticProgram.Builder b = QuadraticProgram.builder(variables).equal("budget", ones, c.budget());
        for (int i = 0; i < n; i++) {
            b.bounds(i, c.lo()[i], c.hi()[i]);
        }
        for (CriticalLine.Row r : c.rows()) {
            if (r.lower() == r.upper()) {
                b.equal(r.name(), r.a(), r.lower());
                continue;
            }
            if (Double.isFinite(r.upper())) {
                b.atMost(r.name(), r.a(), r.upper());
            }
            if (Double.isFinite(r.lower())) {
                b.atLeast(r.name(), r.a(), r.lower());
            }
        }
        return b;
    }

    /**
     * The maximum-Sharpe weights by the change of variables {@code y = kappa w}, kappa >= 0: minimise
     * {@code y'Sigma y} with {@code (mu - rf).y = 1}, {@code sum(y) = kappa}, {@code kappa lo <= y <= kappa hi}
     * and each row {@code kappa lower <= a.y <= kappa upper}; then {@code w = y / kappa}. Budget 1 only.
     */
    static double[] maxSharpe(Case c, double rf) {
        int n = c.n();
        QuadraticProgram.Builder b = QuadraticProgram.builder(n + 1).quadratic(c.cov(), 2).bounds(n, 0,
                Double.POSITIVE_INFINITY);
        double[] excess = new double[n + 1];
        double[] budget = new double[n + 1];
        for (int i = 0; i < n; i++) {
            excess[i] = c.mu()[i] - rf;
            budget[i] = 1;
            b.atLeast("lower " + i, unit(n, i, -c.lo()[i]), 0).atMost("upper " + i, unit(n, i, -c.hi()[i]), 0);
        }
        budget[n] = -c.budget();
        b.equal("excess", excess, 1).equal("budget", budget, 0);
        for (CriticalLine.Row r : c.rows()) {
            if (Double.isFinite(r.upper())) {
                b.atMost(r.name(), scaled(r.a(), -r.upper()), 0);
            }
            if (Double.isFinite(r.lower())) {
                b.atLeast(r.name(), scaled(r.a(), -r.lower()), 0);
            }
        }
        double[] y = QpSolver.solve(b.build()).x();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = y[i] / y[n];
        }
        return w;
    }

    private static double[] unit(int n, int i, double kappa) {
        double[] a = new double[n + 1];
        a[i] = 1;
        a[n] = kappa;
        return a;
    }

    private static double[] scaled(double[] a, double kappa) {
        double[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = kappa;
        return out;
    }
}
