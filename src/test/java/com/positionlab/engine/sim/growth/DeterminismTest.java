package com.positionlab.engine.sim.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.positionlab.engine.task.Progress;

/** Same seed, same numbers, bit for bit, whatever the thread count; another seed, other numbers. */
class DeterminismTest {

    static Stream<GrowthSimulationRequest> requests() {
        double[] fractions = {0.05, 0.1, 0.2};
        GrowthSimulationRequest coin = GrowthSimulationRequest.twoOutcome(0.55, 1.1, fractions, 300, 3001, 500, 0.5, 3,
                20240229L);
        GrowthSimulationRequest trades = GrowthSimulationRequest.bootstrap(new double[] {2.4, -1.3, 0.7, -0.4, 1.1, -1},
                fractions, 300, 3001, 500, 0.5, 3, 99);
        return Stream.of(coin, coin.withStopRuinedPaths(true), trades, trades.withStopRuinedPaths(true));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void oneTwoAndFourThreadsGiveIdenticalResults(GrowthSimulationRequest request) {
        GrowthSimulationResult single = GrowthSimulator.simulate(request, 1, Progress.NONE);

        assertThat(GrowthSimulator.simulate(request, 2, Progress.NONE)).isEqualTo(single);
        assertThat(GrowthSimulator.simulate(request, 4, Progress.NONE)).isEqualTo(single);
        assertThat(GrowthSimulator.simulate(request, 1, Progress.NONE)).isEqualTo(single);
        assertThat(single.fractions().get(2).samplePaths()).hasSize(20);
        assertThat(single.fractions().get(2).bands()).hasSize(200);
    }

    @ParameterizedTest
    @MethodSource("requests")
    void simulationsRunningAtOnceShareTheHelpersAndStillGiveIdenticalResults(GrowthSimulationRequest request)
            throws Exception {
        GrowthSimulationResult single = GrowthSimulator.simulate(request, 1, Progress.NONE);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<GrowthSimulationResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int threads = 1 + i % 3;
                runs.add(callers.submit(() -> GrowthSimulator.simulate(request, threads, Progress.NONE)));
            }
            for (var run : runs) {
                assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(single);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("requests")
    void anotherSeedGivesOtherPaths(GrowthSimulationRequest request) {
        FractionResult a = GrowthSimulator.simulate(request, 2, Progress.NONE).fractions().get(1);
        FractionResult b = GrowthSimulator.simulate(request.withSeed(request.seed() + 1), 2, Progress.NONE)
                .fractions().get(1);

        assertThat(b.samplePaths()).isNotEqualTo(a.samplePaths());
        assertThat(b.meanLogGrowth()).isNotEqualTo(a.meanLogGrowth());
        assertThat(b.exactTerminalWealthPercentiles()).isEqualTo(a.exactTerminalWealthPercentiles());
    }
}
