package com.positionlab.engine.optimize.qp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A convex quadratic (or linear) program in n variables:
 * minimise {@code 1/2 x' Q x + c' x} subject to named rows {@code a x = b} and {@code a x <= b} and bounds
 * {@code lower <= x <= upper} (infinite where a variable is free). Q is symmetric positive semi-definite, or
 * null for a linear program. Rows keep the names under which an optimisation reports its binding constraints
 * and its conflicts. Built with {@link #builder(int)}.
 */
public record QuadraticProgram(int n, double[][] q, double[] c, List<Row> equalities, List<Row> inequalities,
                               double[] lower, double[] upper, List<String> variableNames) {

    /**
     * One constraint row {@code coefficients . x (= or <=) bound}; a {@code structural} row defines an
     * auxiliary variable (a trade size, say) and is never proposed for relaxation.
     */
    public record Row(String name, double[] coefficients, double bound, boolean structural) {

        public double value(double[] x) {
            double s = 0;
            for (int i = 0; i < coefficients.length; i++) {
                s += coefficients[i] * x[i];
            }
            return s;
        }
    }

    public QuadraticProgram {
        equalities = List.copyOf(equalities);
        inequalities = List.copyOf(inequalities);
        variableNames = List.copyOf(variableNames);
    }

    public boolean linear() {
        return q == null;
    }

    /** The objective {@code 1/2 x'Qx + c'x} at x. */
    public double objective(double[] x) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += c[i] * x[i];
            if (q != null) {
                double qi = 0;
                for (int j = 0; j < n; j++) {
                    qi += q[i][j] * x[j];
                }
                s += 0.5 * x[i] * qi;
            }
        }
        return s;
    }

    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** Collects the objective, rows and bounds; every variable starts free. */
    public static final class Builder {
        private final int n;
        private double[][] q;
        private final double[] c;
        private final List<Row> eq = new ArrayList<>();
        private final List<Row> in = new ArrayList<>();
        private final double[] lower;
        private final double[] upper;
        private final String[] names;

        private Builder(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a program has at least one variable");
            }
            this.n = n;
            this.c = new double[n];
            this.lower = new double[n];
            this.upper = new double[n];
            this.names = new String[n];
            Arrays.fill(lower, Double.NEGATIVE_INFINITY);
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                names[i] = "x" + i;
            }
        }

        /** Adds {@code scale * m} to the top-left block of Q (m is k x k, k <= n). */
        public Builder quadratic(double[][] m, double scale) {
            if (q == null) {
                q = new double[n][n];
            }
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m.length; j++) {
                    q[i][j] += scale * m[i][j];
                }
            }
            return this;
        }

        /** Adds {@code scale} to Q's diagonal entry i. */
        public Builder quadratic(int i, double scale) {
            if (q == null) {
                q = new double[n][n];
            }
            q[i][i] += scale;
            return this;
        }

        /** Adds {@code value} to c_i. */
        public Builder linear(int i, double value) {
            c[i] += value;
            return this;
        }

        public Builder equal(String name, double[] row, double bound) {
            eq.add(new Row(name, pad(row), bound, false));
            return this;
        }

        public Builder atMost(String name, double[] row, double bound) {
            in.add(new Row(name, pad(row), bound, false));
            return this;
        }

        /** A row that defines auxiliary variables rather than limits the portfolio (never relaxed). */
        public Builder defining(String name, double[] row, double bound) {
            in.add(new Row(name, pad(row), bound, true));
            return this;
        }

        public Builder atLeast(String name, double[] row, double bound) {
            double[] negated = pad(row);
            for (int i = 0; i < n; i++) {
                negated[i] = -negated[i];
            }
            in.add(new Row(name, negated, -bound, false));
            return this;
        }

        public Builder bounds(int i, double lo, double hi) {
            lower[i] = lo;
            upper[i] = hi;
            return this;
        }

        public Builder name(int i, String name) {
            names[i] = name;
            return this;
        }

        public QuadraticProgram build() {
            return new QuadraticProgram(n, q, c.clone(), eq, in, lower.clone(), upper.clone(), Arrays.asList(names));
        }

        private double[] pad(double[] row) {
            if (row.length > n) {
                throw new IllegalArgumentException("a row has " + row.length + " coefficients for " + n + " variables");
            }
            return Arrays.copyOf(row, n);
        }
    }
}
