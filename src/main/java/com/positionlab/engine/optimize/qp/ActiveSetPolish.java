package com.positionlab.engine.optimize.qp;

import java.util.ArrayList;
import java.util.List;

import org.ejml.simple.SimpleMatrix;

/**
 * Refines a near-optimal point of a {@link QuadraticProgram} to its exact optimum. The constraints active at
 * the point (equalities, inequality rows with no slack, variables at a bound) are taken as equalities and the
 * optimality equations {@code [Q A'; A 0] [x; y] = [-c; b]} solved directly; a row violated by the answer joins
 * the active set and a row whose multiplier has the wrong sign leaves it, a few times at most. The answer is
 * accepted only when it is feasible, its multipliers have the right signs and its objective is no worse; else
 * there is none, and the library's point stands. Programs whose optimality system exceeds {@link #MAX_SIZE}
 * are left as they are.
 */
final class ActiveSetPolish {

    static final int MAX_SIZE = 600;
    private static final double ACTIVE = 1e-7;
    private static final double FEASIBLE = 1e-9;
    private static final double SIGN = 1e-9;

    /** The polished point (null when none was accepted) and the steps taken. */
    record Outcome(double[] x, int iterations) {
    }

    private final QuadraticProgram p;
    private final int n;
    private final boolean[] atLower;
    private final boolean[] atUpper;
    private final boolean[] rowActive;

    private ActiveSetPolish(QuadraticProgram p) {
        this.p = p;
        this.n = p.n();
        this.atLower = new boolean[n];
        this.atUpper = new boolean[n];
        this.rowActive = new boolean[p.inequalities().size()];
    }

    static Outcome polish(QuadraticProgram p, double[] x0) {
        if (p.n() + p.equalities().size() + p.inequalities().size() > MAX_SIZE) {
            return new Outcome(null, 0);
        }
        return new ActiveSetPolish(p).run(x0);
    }

    private Outcome run(double[] x0) {
        for (int i = 0; i < n; i++) {
            atLower[i] = Double.isFinite(p.lower()[i])
                    && x0[i] - p.lower()[i] <= ACTIVE * (1 + Math.abs(p.lower()[i]));
            atUpper[i] = !atLower[i] && Double.isFinite(p.upper()[i])
                    && p.upper()[i] - x0[i] <= ACTIVE * (1 + Math.abs(p.upper()[i]));
        }
        for (int k = 0; k < rowActive.length; k++) {
            QuadraticProgram.Row r = p.inequalities().get(k);
            rowActive[k] = r.bound() - r.value(x0) <= ACTIVE * (1 + Math.abs(r.bound()));
        }
        double limit = p.objective(x0) + 1e-9 * (1 + Math.abs(p.objective(x0)));
        int maxSteps = 2 * n + 10;
        for (int step = 1; step <= maxSteps; step++) {
            double[] xy = solveActive();
            if (xy == null) {
                return new Outcome(null, step);
            }
            if (addViolated(xy) || dropWrongSign(xy)) {
                continue;
            }
            double[] x = java.util.Arrays.copyOf(xy, n);
            return new Outcome(p.objective(x) <= limit ? x : null, step);
        }
        return new Outcome(null, maxSteps);
    }

    /** Solves the optimality equations with the active rows as equalities and the bound variables fixed. */
    private double[] solveActive() {
        List<Integer> free = new ArrayList<>();
        double[] fixed = new double[n];
        for (int i = 0; i < n; i++) {
            if (atLower[i]) {
                fixed[i] = p.lower()[i];
            } else if (atUpper[i]) {
                fixed[i] = p.upper()[i];
            } else {
                free.add(i);
            }
        }
        List<QuadraticProgram.Row> rows = new ArrayList<>(p.equalities());
        for (int k = 0; k < rowActive.length; k++) {
            if (rowActive[k]) {
                rows.add(p.inequalities().get(k));
            }
        }
        int f = free.size();
        int m = rows.size();
        SimpleMatrix kkt = new SimpleMatrix(f + m, f + m);
        SimpleMatrix rhs = new SimpleMatrix(f + m, 1);
        for (int a = 0; a < f; a++) {
            int i = free.get(a);
            double r = -p.c()[i];
            for (int j = 0; j < n; j++) {
                double qij = p.q() == null ? 0 : p.q()[i][j];
                if (fixed[j] != 0) {
                    r -= qij * fixed[j];
                }
            }
            rhs.set(a, 0, r);
            for (int b = 0; b < f; b++) {
                kkt.set(a, b, p.q() == null ? 0 : p.q()[i][free.get(b)]);
            }
        }
        for (int k = 0; k < m; k++) {
            double[] coef = rows.get(k).coefficients();
            double r = rows.get(k).bound();
            for (int j = 0; j < n; j++) {
                r -= coef[j] * fixed[j];
            }
            rhs.set(f + k, 0, r);
            for (int a = 0; a < f; a++) {
                kkt.set(f + k, a, coef[free.get(a)]);
                kkt.set(a, f + k, coef[free.get(a)]);
            }
        }
        SimpleMatrix sol;
        try {
            sol = kkt.pseudoInverse().mult(rhs);
        } catch (RuntimeException singular) {
            return null;
        }
        if (kkt.mult(sol).minus(rhs).normF() > 1e-8 * (1 + rhs.normF())) {
            return null;
        }
        double[] xy = new double[n + m];
        System.arraycopy(fixed, 0, xy, 0, n);
        for (int a = 0; a < f; a++) {
            xy[free.get(a)] = sol.get(a, 0);
        }
        for (int k = 0; k < m; k++) {
            xy[n + k] = sol.get(f + k, 0);
        }
        return xy;
    }

    /** Makes the most violated bound or row active; true when there was one. */
    private boolean addViolated(double[] xy) {
        double worst = FEASIBLE;
        int kind = 0;
        int index = -1;
        for (int i = 0; i < n; i++) {
            double below = p.lower()[i] - xy[i];
            double above = xy[i] - p.upper()[i];
            double scale = 1 + Math.abs(xy[i]);
            if (below / scale > worst) {
                worst = below / scale;
                kind = 1;
                index = i;
            }
            if (above / scale > worst) {
                worst = above / scale;
                kind = 2;
                index = i;
            }
        }
        for (int k = 0; k < rowActive.length; k++) {
            QuadraticProgram.Row r = p.inequalities().get(k);
            double over = (r.value(xy) - r.bound()) / (1 + Math.abs(r.bound()));
            if (!rowActive[k] && over > worst) {
                worst = over;
                kind = 3;
                index = k;
            }
        }
        switch (kind) {
            case 1 -> atLower[index] = true;
            case 2 -> atUpper[index] = true;
            case 3 -> rowActive[index] = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Releases the active bound or row whose multiplier most has the wrong sign; true when there was one. */
    private boolean dropWrongSign(double[] xy) {
        double[] gradient = gradient(xy);
        double worst = SIGN * (1 + maxAbs(gradient));
        int kind = 0;
        int index = -1;
        for (int i = 0; i < n; i++) {
            if (atLower[i] && -gradient[i] > worst) {
                worst = -gradient[i];
                kind = 1;
                index = i;
            } else if (atUpper[i] && gradient[i] > worst) {
                worst = gradient[i];
                kind = 2;
                index = i;
            }
        }
        int m = p.equalities().size();
        for (int k = 0; k < rowActive.length; k++) {
            if (rowActive[k]) {
                if (-xy[n + m] > worst) {
                    worst = -xy[n + m];
                    kind = 3;
                    index = k;
                }
                m++;
            }
        }
        switch (kind) {
            case 1 -> atLower[index] = false;
            case 2 -> atUpper[index] = false;
            case 3 -> rowActive[index] = false;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code Qx + c + A_active' y}: zero for free variables, the bound's multiplier for fixed ones. */
    private double[] gradient(double[] xy) {
        double[] g = p.c().clone();
        for (int i = 0; i < n; i++) {
            if (p.q() != null) {
                for (int j = 0; j < n; j++) {
                    g[i] += p.q()[i][j] * xy[j];
                }
            }
        }
        int m = 0;
        for (QuadraticProgram.Row r : p.equalities()) {
            addTimes(g, r.coefficients(), xy[n + m++]);
        }
        for (int k = 0; k < rowActive.length; k++) {
            if (rowActive[k]) {
                addTimes(g, p.inequalities().get(k).coefficients(), xy[n + m++]);
            }
        }
        return g;
    }

    private static void addTimes(double[] g, double[] a, double y) {
        for (int i = 0; i < g.length; i++) {
            g[i] += a[i] * y;
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
