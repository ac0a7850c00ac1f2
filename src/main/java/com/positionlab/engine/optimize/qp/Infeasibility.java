package com.positionlab.engine.optimize.qp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a {@link QuadraticProgram} has no feasible point, and the smallest change that gives it one: the elastic
 * program adds a slack to every row except the first equality (the budget) and the structural rows (which
 * define auxiliary variables), keeps the bounds hard, and
 * minimises the total slack (a linear program). The rows whose slack is positive are those in conflict, and
 * each slack is by how much that row must give way; no other relaxation of the rows is smaller in total.
 */
final class Infeasibility {

    private static final double SHOWN = 1e-9;

    private Infeasibility() {
    }

    /** A sentence naming the rows in conflict and the relaxation; a general one when there is none. */
    static String explain(QuadraticProgram p) {
        List<QuadraticProgram.Row> eq = p.equalities();
        List<QuadraticProgram.Row> in = p.inequalities();
        int n = p.n();
        int slacks = 2 * Math.max(0, eq.size() - 1) + in.size();
        if (slacks == 0) {
            return "the bounds and the budget exclude every portfolio";
        }
        QuadraticProgram.Builder b = QuadraticProgram.builder(n + slacks);
        for (int i = 0; i < n; i++) {
            b.bounds(i, p.lower()[i], p.upper()[i]);
        }
        for (int k = 0; k < slacks; k++) {
            b.bounds(n + k, 0, Double.POSITIVE_INFINITY).linear(n + k, 1);
        }
        int s = n;
        for (int k = 0; k < eq.size(); k++) {
            double[] row = java.util.Arrays.copyOf(eq.get(k).coefficients(), n + slacks);
            if (k > 0) {
                row[s++] = 1;
                row[s++] = -1;
            }
            b.equal(eq.get(k).name(), row, eq.get(k).bound());
        }
        for (QuadraticProgram.Row r : in) {
            double[] row = java.util.Arrays.copyOf(r.coefficients(), n + slacks);
            if (r.structural()) {
                b.bounds(s++, 0, 0);
            } else {
                row[s++] = -1;
            }
            b.atMost(r.name(), row, r.bound());
        }
        double[] x;
        try {
            x = QpSolver.solveWithLibrary(b.build());
        } catch (OptimizationException e) {
            return "the bounds and the budget exclude every portfolio";
        }
        return describe(p, x, n);
    }

    private static String describe(QuadraticProgram p, double[] x, int n) {
        List<String> parts = new ArrayList<>();
        int s = n;
        for (int k = 1; k < p.equalities().size(); k++) {
            double d = x[s] - x[s + 1];
            s += 2;
            if (Math.abs(d) > SHOWN) {
                parts.add(String.format(Locale.ROOT, "%s by %.6g", p.equalities().get(k).name(), Math.abs(d)));
            }
        }
        for (QuadraticProgram.Row r : p.inequalities()) {
            double d = x[s++];
            if (d > SHOWN) {
                parts.add(String.format(Locale.ROOT, "%s by %.6g", r.name(), d));
            }
        }
        if (parts.isEmpty()) {
            return "the constraints conflict only within rounding";
        }
        return "the smallest relaxation that removes the conflict moves " + String.join(", ", parts);
    }
}
