package com.positionlab.engine.optimize.downside;

import java.util.ArrayList;
import java.util.List;

/**
 * Portfolios optimised for semivariance (PyPortfolioOpt's {@code EfficientSemivariance}). With periodic
 * returns r_t (T periods), benchmark b per period (0 by default) and f periods a year (252 by default):
 * <ul>
 *   <li>periodic semivariance {@code SV(w) = (1/T) sum_t min(r_t . w - b, 0)^2} (not annualised);</li>
 *   <li>annualised semideviation {@code sqrt(f SV(w))}, which every result reports, recomputed from its
 *       weights, with the Sortino ratio {@code (w . mu - rf) / semideviation}.</li>
 * </ul>
 * The problems, each with the problem's L2 penalty {@code gamma ||w||^2} added to the objective as it stands
 * (so against the unannualised SV, as upstream does):
 * <ul>
 *   <li>{@link #minSemivariance()}: minimise {@code SV(w) + gamma ||w||^2};</li>
 *   <li>{@link #efficientReturn(double)}: the same with {@code w . mu >= target};</li>
 *   <li>{@link #maxQuadraticUtility(double)}: minimise {@code -w . mu / f + (delta / 2) SV(w) + gamma ||w||^2};</li>
 *   <li>{@link #efficientRisk(double)}: maximise {@code w . mu - gamma ||w||^2} with
 *       {@code f SV(w) <= target^2}, a quadratic constraint, solved exactly through its Lagrange multiplier
 *       ({@link SemideviationTarget}).</li>
 * </ul>
 * Each objective is minimised exactly by {@link ShortfallNewton}, a sequence of n-variable quadratic programs.
 */
public final class EfficientSemivariance {

    public static final int DEFAULT_FREQUENCY = 252;

    private final DownsideProblem problem;
    private final double benchmark;
    private final int frequency;

    public EfficientSemivariance(DownsideProblem problem) {
        this(problem, 0, DEFAULT_FREQUENCY);
    }

    /**
     * @param benchmark the per-period return below which a period counts as shortfall
     * @param frequency periods per year, for annualising the semideviation
     */
    public EfficientSemivariance(DownsideProblem problem, double benchmark, int frequency) {
        if (!Double.isFinite(benchmark) || frequency < 1) {
            throw new IllegalArgumentException("the benchmark must be finite and the frequency at least 1");
        }
        this.problem = problem;
        this.benchmark = benchmark;
        this.frequency = frequency;
    }

    /** Minimises {@code SV(w) + gamma ||w||^2}. */
    public DownsideResult minSemivariance() {
        ShortfallNewton newton = new ShortfallNewton(problem, benchmark, null, true);
        return result(newton.minimise(new double[problem.assets()], 1, null), null, List.of());
    }

    /**
     * Minimises {@code SV(w) + gamma ||w||^2} with {@code w . mu >= targetReturn} (annualised).
     *
     * @throws com.positionlab.engine.optimize.qp.OptimizationException when no portfolio reaches the target
     */
    public DownsideResult efficientReturn(double targetReturn) {
        TailOptimizer.requireFinite(targetReturn, "target return");
        ShortfallNewton newton = new ShortfallNewton(problem, benchmark, targetReturn, true);
        ShortfallNewton.Outcome o = SemideviationTarget.withTarget("an expected return >= " + targetReturn,
                () -> newton.minimise(new double[problem.assets()], 1, null));
        return result(o, targetReturn, List.of());
    }

    /** Minimises {@code -w . mu / f + (delta / 2) SV(w) + gamma ||w||^2}, delta the risk aversion. */
    public DownsideResult maxQuadraticUtility(double riskAversion) {
        if (!(riskAversion > 0) || !Double.isFinite(riskAversion)) {
            throw new IllegalArgumentException("the risk aversion must be positive, got " + riskAversion);
        }
        double[] linear = new double[problem.assets()];
        for (int i = 0; i < linear.length; i++) {
            linear[i] = -problem.mu()[i] / frequency;
        }
        ShortfallNewton newton = new ShortfallNewton(problem, benchmark, null, true);
        return result(newton.minimise(linear, riskAversion / 2, null), null, List.of());
    }

    /**
     * Maximises {@code w . mu - gamma ||w||^2} with {@code sqrt(f SV(w)) <= targetSemideviation}.
     *
     * @throws com.positionlab.engine.optimize.qp.OptimizationException naming the target when it is below the
     *                                                                  least semideviation the constraints allow
     */
    public DownsideResult efficientRisk(double targetSemideviation) {
        if (!(targetSemideviation >= 0) || !Double.isFinite(targetSemideviation)) {
            throw new IllegalArgumentException("the target semideviation must be finite and >= 0");
        }
        SemideviationTarget search = new SemideviationTarget(problem, benchmark, frequency, targetSemideviation);
        ShortfallNewton.Outcome o = search.solve();
        List<String> extra = search.binds() ? List.of("semideviation <= " + targetSemideviation) : List.of();
        return result(o, null, extra, search.programs(), search.iterations());
    }

    private DownsideResult result(ShortfallNewton.Outcome o, Double minimumReturn, List<String> extra) {
        return result(o, minimumReturn, extra, o.programs(), o.iterations());
    }

    private DownsideResult result(ShortfallNewton.Outcome o, Double minimumReturn, List<String> extra,
                                  int programs, int iterations) {
        double[] w = o.w();
        List<String> binding = new ArrayList<>(new WeightRows(problem, minimumReturn).binding(w));
        binding.addAll(extra);
        String solver = o.last().solver() + ", shortfall-set Newton" + (o.last().polished() ? ", polished" : "");
        return new DownsideResult(w, RiskMeasure.SEMIDEVIATION, semideviation(w), problem.expectedReturn(w), solver,
                programs, iterations, binding);
    }

    /** {@code sqrt(f SV(w))} of any weights, annualised. */
    public double semideviation(double[] w) {
        return DownsideMeasures.semideviation(problem.scenarios(), w, benchmark, frequency);
    }

    public DownsideProblem problem() {
        return problem;
    }
}
