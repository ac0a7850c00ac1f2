package com.positionlab.engine.optimize.qp;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * A quadratic program handed to ojAlgo's convex solver directly as double matrices, with a starting point:
 * {@code minimise 1/2 x'Qx + c'x} becomes ojAlgo's {@code 1/2 x'Qx - l'x} with {@code l = -c}; equality rows
 * {@code A_E x = b_E}; inequality rows and finite bounds {@code A_I x <= b_I}.
 */
final class DirectConvex {

    private DirectConvex() {
    }

    static double[] solve(QuadraticProgram p, double[] start) {
        int n = p.n();
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        for (QuadraticProgram.Row r : p.inequalities()) {
            rows.add(r.coefficients());
            rhs.add(r.bound());
        }
        for (int i = 0; i < n; i++) {
            if (p.upper()[i] < Double.POSITIVE_INFINITY) {
                rows.add(unit(n, i, 1));
                rhs.add(p.upper()[i]);
            }
            if (p.lower()[i] > Double.NEGATIVE_INFINITY) {
                rows.add(unit(n, i, -1));
                rhs.add(-p.lower()[i]);
            }
        }
        double[] minusC = new double[n];
        for (int i = 0; i < n; i++) {
            minusC[i] = -p.c()[i];
        }
        ConvexSolver.Builder b = ConvexSolver.newBuilder(n)
                .objective(R064Store.FACTORY.rows(p.q()), R064Store.FACTORY.column(minusC));
        if (!p.equalities().isEmpty()) {
            List<double[]> eq = new ArrayList<>();
            double[] be = new double[p.equalities().size()];
            for (int k = 0; k < be.length; k++) {
                eq.add(p.equalities().get(k).coefficients());
                be[k] = p.equalities().get(k).bound();
            }
            b.equalities(matrix(eq, n), R064Store.FACTORY.column(be));
        }
        if (!rows.isEmpty()) {
            double[] bi = new double[rhs.size()];
            for (int k = 0; k < bi.length; k++) {
                bi[k] = rhs.get(k);
            }
            b.inequalities(matrix(rows, n), R064Store.FACTORY.column(bi));
        }
        Optimisation.Result result = b.build().solve(new Optimisation.Result(Optimisation.State.APPROXIMATE,
                R064Store.FACTORY.column(start)));
        return QpSolver.checked(result, n);
    }

    private static double[] unit(int n, int i, double value) {
        double[] a = new double[n];
        a[i] = value;
        return a;
    }

    private static R064Store matrix(List<double[]> rows, int n) {
        R064Store m = R064Store.FACTORY.make(rows.size(), n);
        for (int k = 0; k < rows.size(); k++) {
            double[] a = rows.get(k);
            for (int j = 0; j < n; j++) {
                if (a[j] != 0) {
                    m.set(k, j, a[j]);
                }
            }
        }
        return m;
    }
}
