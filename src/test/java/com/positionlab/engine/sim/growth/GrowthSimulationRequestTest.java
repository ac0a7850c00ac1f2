package com.positionlab.engine.sim.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.task.Progress;

/** Validation names the contract field; the recommendation follows its rule. */
class GrowthSimulationRequestTest {

    private static final double[] F = {0.1};

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                bad("fractions", () -> coin(new double[] {0}, 10, 0.5, 2)),
                bad("fractions", () -> coin(new double[] {0.1, 1}, 10, 0.5, 2)),
                bad("fractions", () -> coin(new double[] {Double.NaN}, 10, 0.5, 2)),
                bad("fractions", () -> coin(new double[0], 10, 0.5, 2)),
                bad("paths", () -> coin(F, 0, 0.5, 2)),
                bad("paths", () -> coin(F, GrowthSimulationRequest.MAX_PATHS + 1, 0.5, 2)),
                bad("ruin_level", () -> coin(F, 10, 1, 2)),
                bad("ruin_level", () -> coin(F, 10, -0.1, 2)),
                bad("target_multiple", () -> coin(F, 10, 0.5, 1)),
                bad("win_probability", () -> GrowthSimulationRequest.twoOutcome(1.2, 1, F, 10, 10, 1, 0.5, 2, 1)),
                bad("win_loss_ratio", () -> GrowthSimulationRequest.twoOutcome(0.5, 0, F, 10, 10, 1, 0.5, 2, 1)),
                bad("bets", () -> GrowthSimulationRequest.twoOutcome(0.5, 1, F, 0, 10, 1, 0.5, 2, 1)),
                bad("initial_capital", () -> GrowthSimulationRequest.twoOutcome(0.5, 1, F, 10, 10, 0, 0.5, 2, 1)),
                bad("outcomes", () -> GrowthSimulationRequest.bootstrap(new double[0], F, 10, 10, 1, 0.5, 2, 1)),
                bad("outcomes", () -> GrowthSimulationRequest.bootstrap(new double[] {1, Double.POSITIVE_INFINITY}, F,
                        10, 10, 1, 0.5, 2, 1)),
                bad("ruin_probability_limit", () -> coin(F, 10, 0.5, 2).withRuinProbabilityLimit(1.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidInputIsRejectedNamingTheField(String field, Supplier<GrowthSimulationRequest> request) {
        assertThatThrownBy(request::get).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(field + ":")
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo(field));
    }

    @Test
    void threadCountBelowOneIsRejected() {
        assertThatThrownBy(() -> GrowthSimulator.simulate(coin(F, 10, 0.5, 2), 0, Progress.NONE))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("threads:");
    }

    @Test
    void theRecommendationIsTheHighestMedianAmongFractionsUnderTheRuinLimit() {
        List<FractionResult> results = List.of(
                result(0.05, 0.001, 110),
                result(0.10, 0.030, 130),
                result(0.20, 0.049, 125),
                result(0.30, 0.050, 160),
                result(0.40, 0.200, 170));

        assertThat(GrowthSimulator.recommend(results, 0.05)).isEqualTo(0.10);
        assertThat(GrowthSimulator.recommend(results, 0.0501)).isEqualTo(0.30);
        assertThat(GrowthSimulator.recommend(results, 0.01)).isEqualTo(0.05);
        assertThat(GrowthSimulator.recommend(results, 0.0005)).isNaN();
    }

    @Test
    void theSimulationRecommendsByTheExactValuesForTwoOutcomeBets() {
        GrowthSimulationRequest request = GrowthSimulationRequest.twoOutcome(0.55, 1,
                new double[] {0.05, 0.1, 0.15, 0.2, 0.3}, 300, 2000, 1, 0.25, 3, 8);

        // Exact ruin (to a quarter of the capital within 300 bets) is 0.7%, 16.9%, 44.0%, 67.5% and 92.8%;
        // the exact medians are 3.08, 4.49, 3.07, 0.96 and 0.008 times the capital.
        assertThat(GrowthSimulator.simulate(request, 2, Progress.NONE).recommendedFraction()).isEqualTo(0.05);
        assertThat(GrowthSimulator.simulate(request.withRuinProbabilityLimit(0.2), 2, Progress.NONE)
                .recommendedFraction()).isEqualTo(0.1);
        assertThat(GrowthSimulator.simulate(request.withRuinProbabilityLimit(0.5), 2, Progress.NONE)
                .recommendedFraction()).isEqualTo(0.1);
        assertThat(GrowthSimulator.simulate(request.withRuinProbabilityLimit(0.005), 1, Progress.NONE)
                .hasRecommendation()).isFalse();
    }

    private static GrowthSimulationRequest coin(double[] fractions, int paths, double ruinLevel, double target) {
        return GrowthSimulationRequest.twoOutcome(0.55, 1, fractions, 10, paths, 1, ruinLevel, target, 1);
    }

    private static Arguments bad(String field, Supplier<GrowthSimulationRequest> request) {
        return Arguments.of(field, request);
    }

    /** A result that matters only through its ruin probability and median (exact values for a coin). */
    private static FractionResult result(double f, double ruin, double median) {
        Percentiles exact = new Percentiles(median / 2, median, median, median, median * 2);
        Percentiles simulated = new Percentiles(1, 1, 1, 1, 1);
        Histogram histogram = new Histogram(new double[] {1, 1}, new long[] {1});
        return new FractionResult(f, f / 0.1, simulated, simulated, median, List.of(), 0.9, 0, 0, 0, 0, 0, List.of(), ruin, exact,
                histogram, histogram);
    }
}
