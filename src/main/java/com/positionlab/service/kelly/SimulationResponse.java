package com.positionlab.service.kelly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Results of a growth simulation, per fraction, with the exact lattice values for two-outcome bets.
 * Values that do not exist are null (for example the exact values for a trade list, or the Kelly multiple
 * without an edge). {@code request} is the request it answers with the defaults it used (the seed among
 * them) filled in, so that the result can be reproduced from the response alone.
 */
public record SimulationResponse(List<FractionJson> fractions, Double recommendedFraction,
                                 double ruinProbabilityLimit, boolean ruinedPathsStopped, double processingTimeMs,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) SimulationRequest request) {

    /** Wealth percentiles (5th, 25th, 50th, 75th and 95th). */
    public record PercentilesJson(double p5, double p25, double p50, double p75, double p95) {
    }

    /** Wealth percentiles after {@code bet} bets. */
    public record BandJson(int bet, PercentilesJson wealth) {
    }

    /** One simulated path, at the band time points. */
    public record PathJson(int path, double[] wealth) {
    }

    /**
     * Path counts per bin: bin i is {@code [edges[i], edges[i + 1])}, the last bin closed; the counts sum to
     * the number of paths.
     */
    public record HistogramJson(double[] edges, long[] counts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FractionJson(double fraction, Double kellyMultiple, PercentilesJson terminalWealthPercentiles,
                               PercentilesJson terminalLogWealthPercentiles, double meanTerminalWealth,
                               Double meanLogGrowth,
                               @JsonProperty("mean_log_growth_se") Double meanLogGrowthSe, double probabilityOfRuin,
                               double probabilityOfTarget, double maxDrawdownMedian, double maxDrawdownP95,
                               Double exactProbabilityOfRuin, PercentilesJson exactTerminalWealthPercentiles,
                               List<BandJson> bands, List<PathJson> samplePaths,
                               HistogramJson terminalWealthHistogram, HistogramJson maxDrawdownHistogram) {
    }
}
