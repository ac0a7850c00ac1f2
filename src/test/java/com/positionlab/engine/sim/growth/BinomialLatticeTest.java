package com.positionlab.engine.sim.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.positionlab.engine.task.Progress;

/** The lattice against brute-force enumeration of all 2^t win/loss sequences. */
class BinomialLatticeTest {

    private static final int BETS = 10;
    /** Both sides sum the same probabilities in a different order. */
    private static final Offset<Double> PROBABILITY = within(1e-12);
    private static final double RELATIVE = 1e-12;

    @ParameterizedTest(name = "p={0} b={1} f={2} ruin={3} stop={4}")
    @CsvSource({
        "0.55, 1.0, 0.10, 0.70, false",
        "0.55, 1.0, 0.10, 0.70, true",
        "0.40, 2.0, 0.25, 0.50, false",
        "0.40, 2.0, 0.25, 0.50, true",
        "0.50, 1.5, 0.35, 0.30, true",
        "0.62, 0.8, 0.15, 0.85, false",
        "0.62, 0.8, 0.15, 0.85, true",
        "0.30, 3.0, 0.05, 0.00, false",
    })
    void latticeMatchesEnumerationOfAllPaths(double p, double b, double f, double ruinLevel, boolean stop) {
        GrowthSimulationRequest request = GrowthSimulationRequest.twoOutcome(p, b, new double[] {f}, BETS, 1, 100,
                ruinLevel, 2, 1).withStopRuinedPaths(stop);

        BinomialLattice.Exact exact = BinomialLattice.solve(SimulationPlan.of(request), p, b, f, stop, Progress.NONE);

        Enumeration brute = enumerate(p, b, f, ruinLevel, stop);
        assertThat(exact.probabilityOfRuin()).isCloseTo(brute.ruin, PROBABILITY);
        double[] expected = brute.percentiles();
        double[] actual = exact.terminalWealth().toArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("p%d", Percentiles.LEVELS[i]).isCloseTo(expected[i], within(RELATIVE * expected[i]));
        }
    }

    @ParameterizedTest(name = "n={0} p={1}")
    @CsvSource({"10, 0.3", "250, 0.55", "5000, 0.51", "40000, 0.02"})
    void binomialProbabilitiesSumToOneWithTheRightMean(int n, double p) {
        double[] pmf = BinomialLattice.binomial(n, p);
        double sum = 0;
        double mean = 0;
        for (int k = 0; k <= n; k++) {
            sum += pmf[k];
            mean += k * pmf[k];
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(mean).isCloseTo(n * p, within(1e-9 * n));
    }

    /** Every sequence of wins and losses with its probability, wealth multiplied out bet by bet. */
    private static Enumeration enumerate(double p, double b, double f, double ruinLevel, boolean stop) {
        Enumeration e = new Enumeration();
        for (int mask = 0; mask < 1 << BETS; mask++) {
            double w = 100;
            double prob = 1;
            boolean ruined = false;
            for (int t = 0; t < BETS; t++) {
                boolean win = (mask >> t & 1) == 1;
                prob *= win ? p : 1 - p;
                if (!(stop && ruined)) {
                    w *= win ? 1 + f * b : 1 - f;
                    ruined |= w <= ruinLevel * 100 * (1 + 1e-12);
                }
            }
            e.atoms.add(new double[] {w, prob});
            e.ruin += ruined ? prob : 0;
        }
        return e;
    }

    private static final class Enumeration {
        final List<double[]> atoms = new ArrayList<>();
        double ruin;

        /** Smallest w with P(W <= w) >= q, for each level. */
        double[] percentiles() {
            atoms.sort(Comparator.comparingDouble(a -> a[0]));
            double[] out = new double[Percentiles.LEVELS.length];
            int level = 0;
            double cumulative = 0;
            for (double[] atom : atoms) {
                cumulative += atom[1];
                while (level < out.length && cumulative >= Percentiles.LEVELS[level] / 100.0 - 1e-12) {
                    out[level++] = atom[0];
                }
            }
            return out;
        }
    }
}
