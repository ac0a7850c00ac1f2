package com.positionlab.engine.optimize.qp;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * A {@link QuadraticProgram} given straight to ojAlgo's convex solver ({@code minimise 1/2 x'Qx - C'x} with
 * the bounds as inequality rows), without its modelling layer: the second opinion {@link QpSolver} asks for
 * when the first answer cannot be certified optimal.
 */
final class DirectConvex {

    private static final double FEASIBLE = 1e-9;

    private DirectConvex() {
    }

    static double[] solve(QuadraticProgram p) {
        return solve(p, null);
    }

    /**
     * From a feasible {@code start} (one value per variable) when given: the solver then skips the linear
     * program it would run to find one, and an infeasible or failed solve is an {@link OptimizationException};
     * without a start, a failed solve gives null.
     */
    static double[] solve(QuadraticProgram p, double[] start) {
        int n = p.n();
        R064Store q = R064Store.FACTORY.make(n, n);
        R064Store c = R064Store.FACTORY.make(n, 1);
        for (int i = 0; i < n; i++) {
            c.set(i, 0, -p.c()[i]);
            for (int j = 0; j < n; j++) {
                q.set(i, j, p.q()[i][j]);
            }
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        for (QuadraticProgram.Row r : p.inequalities()) {
            rows.add(r.coefficients());
            rhs.add(r.bound());
        }
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(p.upper()[i])) {
                double[] a = new double[n];
                a[i] = 1;
                rows.add(a);
                rhs.add(p.upper()[i]);
            }
            if (Double.isFinite(p.lower()[i])) {
                double[] a = new double[n];
                a[i] = -1;
                rows.add(a);
                rhs.add(-p.lower()[i]);
            }
        }
        ConvexSolver.Builder b = ConvexSolver.newBuilder().objective(q, c);
        if (!p.equalities().isEmpty()) {
            b.equalities(matrix(p.equalities().stream().map(QuadraticProgram.Row::coefficients).toList(), n),
                    column(p.equalities().stream().map(QuadraticProgram.Row::bound).toList()));
        }
        if (!rows.isEmpty()) {
            b.inequalities(matrix(rows, n), column(rhs));
        }
        if (start != null) {
            R064Store s = R064Store.FACTORY.make(n, 1);
            for (int i = 0; i < n; i++) {
                s.set(i, 0, start[i]);
            }
            return QpSolver.checked(b.build().solve(new Optimisation.Result(Optimisation.State.APPROXIMATE, s)), n);
        }
        Optimisation.Result r = b.build().solve();
        if (!r.getState().isFeasible()) {
            return null;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.doubleValue(i);
        }
        return x;
    }

    /** Whether x meets every row and bound of p within {@value #FEASIBLE} (scaled by the bound). */
    static boolean feasible(QuadraticProgram p, double[] x) {
        if (x == null) {
            return false;
        }
        for (int i = 0; i < p.n(); i++) {
            if (x[i] < p.lower()[i] - FEASIBLE * (1 + Math.abs(p.lower()[i]))
                    || x[i] > p.upper()[i] + FEASIBLE * (1 + Math.abs(p.upper()[i]))) {
                return false;
            }
        }
        for (QuadraticProgram.Row r : p.equalities()) {
            if (Math.abs(r.value(x) - r.bound()) > FEASIBLE * (1 + Math.abs(r.bound()))) {
                return false;
            }
        }
        for (QuadraticProgram.Row r : p.inequalities()) {
            if (r.value(x) > r.bound() + FEASIBLE * (1 + Math.abs(r.bound()))) {
                return false;
            }
        }
        return true;
    }

    private static R064Store matrix(List<double[]> rows, int n) {
        R064Store m = R064Store.FACTORY.make(rows.size(), n);
        for (int k = 0; k < rows.size(); k++) {
            for (int i = 0; i < n; i++) {
                m.set(k, i, rows.get(k)[i]);
            }
        }
        return m;
    }

    private static R064Store column(List<Double> values) {
        R064Store m = R064Store.FACTORY.make(values.size(), 1);
        for (int k = 0; k < values.size(); k++) {
            m.set(k, 0, values.get(k));
        }
        return m;
    }
}
