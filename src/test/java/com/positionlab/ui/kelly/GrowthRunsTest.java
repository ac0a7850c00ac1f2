package com.positionlab.ui.kelly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.sim.growth.GrowthSimulationRequest;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.engine.sim.growth.GrowthSimulator;
import com.positionlab.engine.task.Progress;
import com.positionlab.ui.task.SyncTaskRunner;

/** Kept fractions are reused only for the same bets, and give exactly what simulating everything would. */
class GrowthRunsTest {

    private final GrowthRuns runs = new GrowthRuns(new SyncTaskRunner());

    private GrowthSimulationResult run(GrowthSimulationRequest request) {
        AtomicReference<GrowthSimulationResult> out = new AtomicReference<>();
        runs.request(request, out::set, e -> {
            throw new AssertionError(e);
        });
        return out.get();
    }

    @Test
    void aSliderMoveReusesTheComparedFractionsAndMatchesAFullSimulation() {
        GrowthSimulationRequest first = GrowthSimulationRequest.twoOutcome(0.55, 1.5, new double[] {0.125, 0.25, 0.5},
                200, 3000, 100_000, 0.5, 2, 42);
        GrowthSimulationRequest moved = first.withFractions(new double[] {0.125, 0.2, 0.25, 0.5});
        GrowthSimulationResult a = run(first);
        GrowthSimulationResult b = run(moved);

        assertThat(a).isEqualTo(GrowthSimulator.simulate(first, 1, Progress.NONE));
        assertThat(b).isEqualTo(GrowthSimulator.simulate(moved, 2, Progress.NONE));
        assertThat(b.fractions().get(0)).as("kept, not simulated again").isSameAs(a.fractions().get(0));
        assertThat(b.fractions().get(3)).isSameAs(a.fractions().get(2));
    }

    @Test
    void otherBetsOrAnotherSeedSimulateEverythingAgain() {
        GrowthSimulationRequest first = GrowthSimulationRequest.twoOutcome(0.55, 1.5, new double[] {0.1, 0.2},
                100, 2000, 100_000, 0.5, 2, 42);
        GrowthSimulationResult a = run(first);
        GrowthSimulationResult reseeded = run(first.withSeed(43));
        GrowthSimulationResult stopped = run(first.withStopRuinedPaths(true));

        assertThat(reseeded).isEqualTo(GrowthSimulator.simulate(first.withSeed(43), 1, Progress.NONE));
        assertThat(reseeded.fractions().get(0)).isNotEqualTo(a.fractions().get(0));
        assertThat(stopped).isEqualTo(GrowthSimulator.simulate(first.withStopRuinedPaths(true), 1, Progress.NONE));
        assertThat(first.sameBetsAs(first.withFractions(new double[] {0.3}))).isTrue();
        assertThat(first.sameBetsAs(first.withSeed(43))).isFalse();
    }
}
