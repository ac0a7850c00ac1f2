package com.positionlab.engine.sim.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;

/** Trade-list bootstrap on lists whose answer is known in closed form. */
class BootstrapTest {

    private static final double RELATIVE = 1e-9;

    @Test
    void allPositiveOutcomesNeverRuinNorDrawDown() {
        GrowthSimulationRequest request = GrowthSimulationRequest.bootstrap(new double[] {0.5, 1.0, 2.0, 0.1},
                new double[] {0.3, 0.9}, 200, 2000, 100, 0.99, 1e9, 1);

        GrowthSimulationResult result = GrowthSimulator.simulate(request, 2, Progress.NONE);

        for (FractionResult r : result.fractions()) {
            assertThat(r.probabilityOfRuin()).isZero();
            assertThat(r.maxDrawdownP95()).isZero();
            assertThat(r.terminalWealthPercentiles().p5()).isGreaterThan(100);
            assertThat(r.kellyMultiple()).isEqualTo(r.fraction());
        }
    }

    @Test
    void aSingleOutcomeGivesTheDeterministicPathOfTheClosedForm() {
        double f = 0.2;
        double outcome = 0.3;
        int bets = 450;
        GrowthSimulationRequest request = GrowthSimulationRequest.bootstrap(new double[] {outcome}, new double[] {f},
                bets, 700, 1000, 0.5, 2, 5);

        FractionResult r = GrowthSimulator.simulate(request, 2, Progress.NONE).fractions().get(0);

        double terminal = 1000 * Math.pow(1 + f * outcome, bets);
        for (double w : r.terminalWealthPercentiles().toArray()) {
            assertThat(w).isCloseTo(terminal, within(RELATIVE * terminal));
        }
        assertThat(r.meanTerminalWealth()).isCloseTo(terminal, within(RELATIVE * terminal));
        assertThat(r.meanLogGrowth()).isCloseTo(Math.log1p(f * outcome), within(1e-12));
        assertThat(r.meanLogGrowthStandardError()).isCloseTo(0, within(1e-12));
        double[] path = r.samplePaths().get(7).wealth();
        for (int i = 0; i < path.length; i++) {
            double expected = 1000 * Math.pow(1 + f * outcome, r.bands().get(i).bet());
            assertThat(path[i]).isCloseTo(expected, within(RELATIVE * expected));
            // Bands hold floats of log wealth: a relative 1e-7 per unit of log wealth.
            assertThat(r.bands().get(i).wealth().p50()).isCloseTo(expected, within(1e-5 * expected));
        }
        // 1.06^12 = 2.012 is the first multiple at or above the target.
        assertThat(r.probabilityOfTarget()).isEqualTo(1.0);
        assertThat(r.probabilityOfRuin()).isZero();
    }

    @Test
    void aSingleLosingOutcomeRuinsEveryPathAtTheClosedFormTime() {
        GrowthSimulationRequest request = GrowthSimulationRequest.bootstrap(new double[] {-0.5}, new double[] {0.5},
                10, 300, 1, 0.5, 2, 5);

        FractionResult r = GrowthSimulator.simulate(request, 1, Progress.NONE).fractions().get(0);

        // W_t = 0.75^t: 0.5625 after two bets, 0.42 after three, so every path is ruined.
        assertThat(r.probabilityOfRuin()).isEqualTo(1.0);
        assertThat(r.maxDrawdownMedian()).isCloseTo(1 - Math.pow(0.75, 10), within(1e-12));
        assertThat(r.kellyMultiple()).isNaN();
        FractionResult stopped = GrowthSimulator.simulate(request.withStopRuinedPaths(true), 1, Progress.NONE)
                .fractions().get(0);
        assertThat(stopped.terminalWealthPercentiles().p95()).isCloseTo(Math.pow(0.75, 3), within(1e-12));
    }

    @Test
    void aLossBeyondTheWholeStakeWipesWealthOut() {
        GrowthSimulationRequest request = GrowthSimulationRequest.bootstrap(new double[] {-2.0}, new double[] {0.6},
                5, 10, 1, 0, 2, 5);

        FractionResult r = GrowthSimulator.simulate(request, 1, Progress.NONE).fractions().get(0);

        assertThat(r.terminalWealthPercentiles().p95()).isZero();
        assertThat(r.probabilityOfRuin()).isEqualTo(1.0);
        assertThat(r.maxDrawdownP95()).isEqualTo(1.0);
        assertThat(r.meanLogGrowth()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
