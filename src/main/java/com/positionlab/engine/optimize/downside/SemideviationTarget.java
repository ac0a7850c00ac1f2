package com.positionlab.engine.optimize.downside;

import java.util.function.Supplier;

import com.positionlab.engine.optimize.qp.OptimizationException;

/**
 * The semivariance's efficient-risk problem, maximise {@code w . mu - gamma ||w||^2} subject to
 * {@code SV(w) <= s^2 / f} (s the target semideviation, annualised), solved exactly through the constraint's
 * Lagrange multiplier lambda: for each lambda >= 0 the penalised problem
 * {@code minimise -w . mu + gamma ||w||^2 + lambda SV(w)} ({@link ShortfallNewton}) has a solution w(lambda)
 * whose semivariance falls as lambda rises. Then:
 * <ol>
 *   <li>if even the least semivariance exceeds the limit, there is no answer (the error names the target and
 *       that least semideviation);</li>
 *   <li>if the solution at lambda = 0 (with gamma = 0 the highest return; among several, the one of least
 *       semivariance) meets the limit, the constraint does not bind and that is the answer;</li>
 *   <li>otherwise lambda is bracketed by factors of 10 and the equation {@code SV(w(lambda)) = s^2 / f}
 *       solved by regula falsi (Illinois variant) in log lambda to a relative error of 1e-12 in SV: the
 *       optimality conditions of the constrained problem hold with that multiplier.</li>
 * </ol>
 */
final class SemideviationTarget {

    private static final double SV_TOLERANCE = 1e-12;
    private static final int MAX_BRACKETS = 60;
    private static final int MAX_EVALUATIONS = 200;

    private final DownsideProblem problem;
    private final double benchmark;
    private final double target;
    private final double limit;
    private final int frequency;
    private final ShortfallNewton penalised;
    private int programs;
    private int iterations;
    private boolean binds;

    SemideviationTarget(DownsideProblem problem, double benchmark, int frequency, double target) {
        this.problem = problem;
        this.benchmark = benchmark;
        this.target = target;
        this.limit = target * target / frequency;
        this.frequency = frequency;
        this.penalised = new ShortfallNewton(problem, benchmark, null, true);
    }

    /** Runs a solve, turning "infeasible" into an error that names what could not be met. */
    static <T> T withTarget(String what, Supplier<T> solve) {
        try {
            return solve.get();
        } catch (OptimizationException e) {
            if (e.status() != OptimizationException.Status.INFEASIBLE) {
                throw e;
            }
            throw new OptimizationException(e.status(), "no portfolio has " + what
                    + " within the bounds, budget and constraints");
        }
    }

    ShortfallNewton.Outcome solve() {
        String what = "semideviation <= " + target;
        ShortfallNewton.Outcome least = withTarget(what, () -> count(new ShortfallNewton(problem, benchmark, null,
                false).minimise(new double[problem.assets()], 1, null)));
        double leastSv = sv(least.w());
        if (leastSv > limit * (1 + SV_TOLERANCE)) {
            throw new OptimizationException(OptimizationException.Status.INFEASIBLE, "no portfolio has " + what
                    + ": the least semideviation within the bounds, budget and constraints is "
                    + Math.sqrt(leastSv * frequency));
        }
        ShortfallNewton.Outcome top = unconstrained();
        if (sv(top.w()) <= limit) {
            return top;
        }
        binds = true;
        if (leastSv >= limit * (1 - SV_TOLERANCE)) {
            return least;
        }
        return root(top);
    }

    boolean binds() {
        return binds;
    }

    int programs() {
        return programs;
    }

    int iterations() {
        return iterations;
    }

    /** The solution at lambda = 0; with gamma = 0, the least-semivariance portfolio of the highest return. */
    private ShortfallNewton.Outcome unconstrained() {
        double[] minusMu = minusMu();
        ShortfallNewton.Outcome top = count(penalised.minimise(minusMu, 0, null));
        if (problem.l2Gamma() > 0) {
            return top;
        }
        double best = problem.expectedReturn(top.w());
        double floor = best - 1e-12 * (1 + Math.abs(best));
        return count(new ShortfallNewton(problem, benchmark, floor, false).minimise(new double[minusMu.length], 1,
                top.w()));
    }

    /** Solves {@code SV(w(lambda)) = limit} for lambda between a bracket found from a natural scale. */
    private ShortfallNewton.Outcome root(ShortfallNewton.Outcome top) {
        double[] minusMu = minusMu();
        double scale = Math.max(1e-12, Math.abs(problem.expectedReturn(top.w()))) / limit;
        double x = Math.log(scale);
        ShortfallNewton.Outcome at = evaluate(x, top.w());
        double gx = sv(at.w()) - limit;
        double step = Math.log(10) * (gx > 0 ? 1 : -1);
        double lo = x;
        double glo = gx;
        ShortfallNewton.Outcome loAt = at;
        for (int k = 0; k < MAX_BRACKETS && (gx > 0) == (glo > 0); k++) {
            lo = x;
            glo = gx;
            loAt = at;
            x += step;
            at = evaluate(x, at.w());
            gx = sv(at.w()) - limit;
        }
        if ((gx > 0) == (glo > 0)) {
            throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                    "no multiplier brings the semideviation to " + target);
        }
        return illinois(lo, glo, loAt, x, gx, at);
    }

    private ShortfallNewton.Outcome illinois(double a, double ga, ShortfallNewton.Outcome aAt, double b, double gb,
                                             ShortfallNewton.Outcome bAt) {
        int side = 0;
        for (int k = 0; k < MAX_EVALUATIONS; k++) {
            if (Math.abs(gb) <= SV_TOLERANCE * limit) {
                return bAt;
            }
            if (Math.abs(ga) <= SV_TOLERANCE * limit) {
                return aAt;
            }
            double c = b - gb * (b - a) / (gb - ga);
            ShortfallNewton.Outcome cAt = evaluate(c, bAt.w());
            double gc = sv(cAt.w()) - limit;
            if ((gc > 0) == (gb > 0)) {
                ga = side == -1 ? ga / 2 : ga;
                side = -1;
            } else {
                a = b;
                ga = gb;
                aAt = bAt;
                side = 1;
            }
            b = c;
            gb = gc;
            bAt = cAt;
            if (Math.abs(b - a) <= 1e-15 * Math.max(1, Math.abs(b))) {
                return gb <= 0 ? bAt : aAt;
            }
        }
        throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                "the multiplier for semideviation " + target + " was not found in " + MAX_EVALUATIONS + " solves");
    }

    private ShortfallNewton.Outcome evaluate(double logLambda, double[] start) {
        return count(penalised.minimise(minusMu(), Math.exp(logLambda), start));
    }

    private ShortfallNewton.Outcome count(ShortfallNewton.Outcome o) {
        programs += o.programs();
        iterations += o.iterations();
        return o;
    }

    private double[] minusMu() {
        double[] c = problem.mu().clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = -c[i];
        }
        return c;
    }

    private double sv(double[] w) {
        return DownsideMeasures.semivariance(problem.scenarios(), w, benchmark);
    }
}
