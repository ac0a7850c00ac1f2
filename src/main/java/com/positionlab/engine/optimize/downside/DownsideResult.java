package com.positionlab.engine.optimize.downside;

import java.util.List;

/**
 * A downside-risk optimum.
 *
 * @param weights        w, in the problem's asset order
 * @param measure        which measure {@code risk} is
 * @param risk           the measure of w recomputed directly from the scenarios and w (see {@link RiskMeasure}
 *                       for the units)
 * @param expectedReturn {@code w . mu}, annualised
 * @param solver         the convex-program solver and the method around it
 * @param programs       how many quadratic or linear programs were solved
 * @param iterations     the solver's polishing steps over all those programs
 * @param binding        names of the constraints that hold with equality at w: the budget and other
 *                       equalities, bounds ({@code "GOOG >= 0"}), extra rows, the return or risk target
 */
public record DownsideResult(double[] weights, RiskMeasure measure, double risk, double expectedReturn,
                             String solver, int programs, int iterations, List<String> binding) {

    public DownsideResult {
        weights = weights.clone();
        binding = List.copyOf(binding);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The Sortino ratio {@code (w . mu - rf) / semideviation}, both annualised.
     *
     * @throws IllegalStateException unless the measure is the semideviation
     */
    public double sortinoRatio(double riskFreeRate) {
        if (measure != RiskMeasure.SEMIDEVIATION) {
            throw new IllegalStateException("the Sortino ratio needs the semideviation, not " + measure);
        }
        return (expectedReturn - riskFreeRate) / risk;
    }
}
