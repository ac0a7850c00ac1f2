package com.positionlab.engine.optimize;

import java.util.Arrays;
import java.util.List;

/**
 * The KKT system of the free block, kept up to date as variables enter and leave:
 * <pre>
 *     K = [ 0     E_F     ]     (the q equality constraints first,
 *         [ E_F'  S_FF    ]      then the free variables in order of entry)
 * </pre>
 * K is nonsingular exactly when {@code E_F} has full row rank and S is positive definite on the null space of
 * {@code E_F}; this holds even for a singular covariance as long as the free set is no larger than that allows.
 * A variable j enters after its border {@code v = [E_j; S_Fj]}, {@code u = K^-1 v} and Schur complement
 * {@code s = S_jj - v'u} (the variance of the direction that moves x_j by one and keeps the other constraints)
 * are known; a zero s means the block with j would be singular, and the caller moves along that zero-variance
 * direction instead. A variable leaves by moving to the last position (the last variable takes its place).
 *
 * <p>Two forms: {@link KktInverse} keeps {@code K^-1} itself (any covariance; each update and solve
 * O(size^2)); {@link FactorKkt} solves through the factor structure of a factor-model covariance (each solve
 * O(size (q + k))). {@link #of} chooses.
 */
abstract class FreeBlock {

    /** A Schur complement below this fraction of its terms' size marks a singular block. */
    static final double SINGULAR = 1e-11;

    final SlackForm p;
    final int q;
    final int[] vars;
    final int[] position;
    /** The largest variance of an asset. */
    final double maxVariance;
    int size;

    FreeBlock(SlackForm p, List<Integer> free) {
        this.p = p;
        this.q = p.equalities;
        int cap = q + p.variables;
        this.vars = new int[cap];
        this.position = new int[p.variables];
        Arrays.fill(position, -1);
        this.maxVariance = p.covariance.largestVariance();
        this.size = q;
        for (int j : free) {
            append(j);
        }
    }

    /** The factor form when the covariance is a factor model it can take, else the explicit inverse. */
    static FreeBlock of(SlackForm p, List<Integer> free) {
        return FactorKkt.takes(p) ? new FactorKkt(p, free) : new KktInverse(p, free);
    }

    int constraints() {
        return q;
    }

    int freeCount() {
        return size - q;
    }

    /** The variable at free position t (0-based among the free variables). */
    int variable(int t) {
        return vars[q + t];
    }

    /** The free position of variable j, or -1 when it is bounded. */
    int freePosition(int j) {
        return position[j] < 0 ? -1 : position[j] - q;
    }

    /** {@code K^-1 b} for a right-hand side of the current size. */
    abstract double[] solve(double[] b);

    /** Adds variable j, whose {@code u = K^-1 v} and positive Schur complement s are given. */
    abstract void add(int j, double[] u, double s);

    /**
     * Removes free variable j; each of the given solutions of the old system (null to skip) is carried to the
     * new one with x_j held at the given value (see {@link #carry}).
     */
    abstract double[][] remove(int j, double[][] solutions, double[] values);

    /**
     * Forms the system afresh from the problem's data.
     *
     * @throws IllegalStateException when K is singular: the covariance is not positive definite on the
     *                               directions the free variables may move in
     */
    abstract void refresh();

    /** Whether solves are refined (see {@link #solveRefined}) and the affine solution recomputed at each step. */
    abstract boolean refines();

    /**
     * Whether removing free variable j leaves K nonsingular: the equality constraints do not pin it (some
     * direction that keeps them moves it).
     */
    abstract boolean removable(int j);

    /** To be called whenever the free set or the system changes. */
    abstract void changed();

    /** The border of variable j: {@code v = [E_j; S_Fj]}. */
    double[] border(int j) {
        double[] v = new double[size];
        for (int k = 0; k < q; k++) {
            v[k] = p.coefficient(k, j);
        }
        for (int a = q; a < size; a++) {
            v[a] = p.cov(vars[a], j);
        }
        return v;
    }

    /**
     * The Schur complement {@code s = S_jj - v'u} of variable j, with {@code u = K^-1 v}: 0 when it is zero to
     * rounding (the block with j would be singular), NaN when it is clearly negative, which a correct solve
     * cannot give (S is positive semi-definite): the system has lost accuracy and must be refreshed.
     */
    double schur(int j, double[] v, double[] u) {
        double vu = 0;
        double scale = Math.abs(p.cov(j, j));
        for (int a = 0; a < size; a++) {
            vu += v[a] * u[a];
            scale += Math.abs(v[a] * u[a]);
        }
        double s = p.cov(j, j) - vu;
        if (s < -SINGULAR * scale) {
            return Double.NaN;
        }
        return s > SINGULAR * scale ? s : 0;
    }

    /** {@code K^-1 b}, with one step of iterative refinement ({@code x -= K^-1 (K x - b)}) when it refines. */
    double[] solveRefined(double[] b) {
        return solveRefined(b, false);
    }

    /** {@code K^-1 b}, refined when it refines or {@code always}. */
    double[] solveRefined(double[] b, boolean always) {
        double[] x = solve(b);
        if (always || refines()) {
            double[] r = residuals(x, b);
            double[] dx = solve(r);
            for (int a = 0; a < size; a++) {
                x[a] -= dx[a];
            }
        }
        return x;
    }

    /** {@code max |K x - b|} from the problem's data: the check on the solves' round-off. */
    double residual(double[] x, double[] b) {
        double worst = 0;
        for (double r : residuals(x, b)) {
            worst = Math.max(worst, Math.abs(r));
        }
        return worst;
    }

    /** {@code K x - b} from the problem's data ({@code S_FF x_F} by one product with the covariance). */
    double[] residuals(double[] x, double[] b) {
        double[] out = new double[size];
        int[] assets = new int[size - q];
        double[] values = new double[size - q];
        int count = 0;
        for (int a = q; a < size; a++) {
            if (vars[a] < p.n) {
                assets[count] = vars[a];
                values[count++] = x[a];
            }
        }
        Covariance.Product sx = p.covariance.product(assets, values, count);
        for (int c = 0; c < q; c++) {
            double s = -b[c];
            for (int a = q; a < size; a++) {
                s += p.coefficient(c, vars[a]) * x[a];
            }
            out[c] = s;
        }
        int asset = 0;
        for (int a = q; a < size; a++) {
            int j = vars[a];
            double s = -b[a];
            for (int c = 0; c < q; c++) {
                s += p.coefficient(c, j) * x[c];
            }
            out[a] = j < p.n ? sx.rowAt(asset++, s) : s;
        }
        return out;
    }

    /** Puts variable j at the end. */
    final void append(int j) {
        position[j] = size;
        vars[size++] = j;
        changed();
    }

    /** The exchange of the variables at positions a and b. */
    void exchange(int a, int b) {
        int va = vars[a];
        vars[a] = vars[b];
        vars[b] = va;
        position[vars[a]] = a;
        position[vars[b]] = b;
    }

    /** Takes the variable at the last position out. */
    final void dropLast() {
        position[vars[--size]] = -1;
        changed();
    }

    /**
     * The solutions carried to the system without the variable at position {@code from}, with its value held
     * at {@code values[k]}: {@code y = x + (value - x_j) / e_jj e}, e the column of the old {@code K^-1} for it
     * (the multiplier of {@code x_j = value} is that ratio), given with entries {@code from} and {@code last}
     * exchanged like the solutions; the last entry is then dropped.
     */
    static double[][] carry(double[][] solutions, double[] values, double[] e, int from, int last) {
        double d = e[last];
        double[][] out = new double[solutions.length][];
        for (int k = 0; k < solutions.length; k++) {
            if (solutions[k] == null) {
                continue;
            }
            double[] x = solutions[k].clone();
            double t = x[from];
            x[from] = x[last];
            x[last] = t;
            double ratio = (values[k] - x[last]) / d;
            out[k] = new double[last];
            for (int a = 0; a < last; a++) {
                out[k][a] = x[a] + ratio * e[a];
            }
        }
        return out;
    }
}
