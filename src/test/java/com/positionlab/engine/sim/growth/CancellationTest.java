package com.positionlab.engine.sim.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;

/** A cancelled or interrupted run stops within a block, not at the end of a long simulation. */
class CancellationTest {

    /** Without cancellation this runs for minutes: 100,000 paths x 50,000 bets x 3 fractions. */
    private static final GrowthSimulationRequest HUGE = GrowthSimulationRequest.twoOutcome(0.55, 1,
            new double[] {0.05, 0.1, 0.2}, GrowthSimulationRequest.MAX_BETS, GrowthSimulationRequest.MAX_PATHS, 1,
            0.5, 2, 1);

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 4})
    void cancellingStopsPromptly(int threads) {
        assertStopsPromptlyWhenCancelled(HUGE, threads);
    }

    @Test
    void cancellingStopsTheBootstrapToo() {
        GrowthSimulationRequest trades = GrowthSimulationRequest.bootstrap(new double[] {1, -1, 2}, new double[] {0.1},
                GrowthSimulationRequest.MAX_BETS, GrowthSimulationRequest.MAX_PATHS, 1, 0.5, 2, 1);
        assertStopsPromptlyWhenCancelled(trades, 2);
    }

    /** Cancels 200 ms into the run (as a user pressing Cancel) and expects the run gone within a second. */
    private static void assertStopsPromptlyWhenCancelled(GrowthSimulationRequest request, int threads) {
        CancelLater progress = new CancelLater();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            progress.cancelledAt = System.nanoTime();
            progress.cancelled = true;
        });
        canceller.start();

        assertThatThrownBy(() -> GrowthSimulator.simulate(request, threads, progress))
                .isInstanceOf(CancelledException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - progress.cancelledAt)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anInterruptedCallerStops() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> GrowthSimulator.simulate(HUGE, 2, Progress.NONE))
                    .isInstanceOf(CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void progressRisesToOne() {
        GrowthSimulationRequest small = GrowthSimulationRequest.twoOutcome(0.55, 1, new double[] {0.1, 0.2}, 50, 2000,
                1, 0.5, 2, 1);
        double[] last = {0};
        AtomicInteger updates = new AtomicInteger();
        GrowthSimulator.simulate(small, 1, new Progress() {
            @Override
            public void update(double fraction, String message) {
                assertThat(fraction).isGreaterThanOrEqualTo(last[0]);
                last[0] = fraction;
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(last[0]).isEqualTo(1.0);
        assertThat(updates.get()).isBetween(2, 2 * 8 + 1);
    }

    /** A progress whose cancel flag another thread sets. */
    private static final class CancelLater implements Progress {
        volatile boolean cancelled;
        volatile long cancelledAt;

        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
