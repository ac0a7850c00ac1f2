package com.positionlab.engine.sim.growth;

import java.util.List;

/**
 * The growth simulation of every requested fraction, in request order.
 *
 * @param fractions            one result per requested fraction
 * @param recommendedFraction  among the fractions whose ruin probability is below {@code ruinProbabilityLimit},
 *                             the one with the highest median terminal wealth (exact lattice values for
 *                             two-outcome bets, simulated ones for trade lists; ties go to the smaller
 *                             fraction); NaN when no fraction qualifies
 * @param ruinProbabilityLimit the limit the recommendation used
 * @param ruinedPathsStopped   true when ruined paths stopped at their ruin wealth, false when they kept betting
 */
public record GrowthSimulationResult(List<FractionResult> fractions, double recommendedFraction,
        double ruinProbabilityLimit, boolean ruinedPathsStopped) {

    public GrowthSimulationResult {
        fractions = List.copyOf(fractions);
    }

    /** Whether some fraction met the ruin probability limit. */
    public boolean hasRecommendation() {
        return !Double.isNaN(recommendedFraction);
    }
}
