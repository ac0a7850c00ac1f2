package com.positionlab.engine.sim.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.positionlab.engine.task.Progress;

/**
 * The terminal wealth and maximum drawdown histograms: every path in exactly one bin, the exact Binomial
 * distribution of wins for two-outcome bets, degenerate distributions in one bin, wiped-out paths in the
 * first bin, and the same counts whatever the thread count.
 */
class HistogramTest {

    /** Four binomial standard errors per bin (plus one path for the bins that hold the extremes). */
    private static final double Z = 4;
    private static final int PATHS = 20_000;

    @ParameterizedTest(name = "p={0} b={1} f={2} bets={3} stop={4}")
    @CsvSource({
        "0.55, 1.0, 0.10, 250, false",
        "0.45, 2.0, 0.15, 300, false",
        "0.60, 1.0, 0.40, 100, false",
        "0.55, 1.0, 0.10, 250, true",
    })
    void twoOutcomeTerminalWealthFollowsTheBinomialDistributionOfWins(double p, double b, double f, int bets,
            boolean stop) {
        // With ruin level 0 no path is ever ruined, so stopped paths (the general kernel) are binomial too.
        GrowthSimulationRequest request = GrowthSimulationRequest.twoOutcome(p, b, new double[] {f}, bets, PATHS,
                1000, 0, 2, 17).withStopRuinedPaths(stop);

        Histogram h = GrowthSimulator.simulate(request, 2, Progress.NONE).fractions().get(0)
                .terminalWealthHistogram();

        assertThat(h.bins()).isEqualTo(Binning.BINS);
        assertThat(h.total()).isEqualTo(PATHS);
        double[] expected = binomialMassPerBin(h.edges(), p, b, f, bets, 1000);
        long[] counts = h.counts();
        for (int i = 0; i < counts.length; i++) {
            double mean = PATHS * expected[i];
            double se = Math.sqrt(PATHS * expected[i] * (1 - expected[i]));
            assertThat((double) counts[i]).as("bin %d of %s", i, h).isCloseTo(mean,
                    within(Z * se + 1));
        }
    }

    @Test
    void terminalWealthEdgesAreEvenlySpacedInLogWealthFromTheSmallestToTheLargest() {
        GrowthSimulationRequest request = GrowthSimulationRequest.bootstrap(new double[] {2.4, -1.3, 0.7, -0.4},
                new double[] {0.1}, 200, 3000, 100, 0.5, 2, 3);

        FractionResult r = GrowthSimulator.simulate(request, 1, Progress.NONE).fractions().get(0);

        double[] edges = r.terminalWealthHistogram().edges();
        double step = Math.log(edges[1] / edges[0]);
        for (int i = 1; i < edges.length; i++) {
            assertThat(Math.log(edges[i] / edges[i - 1])).isCloseTo(step,
                    within(1e-9));
        }
        assertThat(r.terminalWealthHistogram().total()).isEqualTo(3000);
        assertThat(edges[0]).isLessThanOrEqualTo(r.terminalWealthPercentiles().p5());
        assertThat(edges[edges.length - 1]).isGreaterThanOrEqualTo(r.terminalWealthPercentiles().p95());
    }

    @Test
    void drawdownBinsSpanZeroToTheLargestDrawdownAndHoldTheMedian() {
        GrowthSimulationRequest request = GrowthSimulationRequest.twoOutcome(0.55, 1.0, new double[] {0.2}, 250,
                5000, 1, 0.5, 2, 8);

        FractionResult r = GrowthSimulator.simulate(request, 2, Progress.NONE).fractions().get(0);

        Histogram h = r.maxDrawdownHistogram();
        double[] edges = h.edges();
        long[] counts = h.counts();
        assertThat(h.bins()).isEqualTo(Binning.BINS);
        assertThat(h.total()).isEqualTo(5000);
        assertThat(edges[0]).isZero();
        assertThat(edges[Binning.BINS]).isGreaterThanOrEqualTo(r.maxDrawdownP95()).isLessThanOrEqualTo(1);
        assertThat(counts[Binning.BINS - 1]).isPositive();
        int median = Binning.bin(edges, r.maxDrawdownMedian());
        long below = 0;
        for (int i = 0; i < median; i++) {
            below += counts[i];
        }
        long rank = Percentiles.rank(50, 5000);
        assertThat(below).isLessThan(rank);
        assertThat(below + counts[median]).isGreaterThanOrEqualTo(rank);
    }

    @Test
    void aSingleOutcomePutsEveryPathInOneBin() {
        GrowthSimulationRequest request = GrowthSimulationRequest.bootstrap(new double[] {0.3}, new double[] {0.2},
                450, 700, 1000, 0.5, 2, 5);

        FractionResult r = GrowthSimulator.simulate(request, 2, Progress.NONE).fractions().get(0);

        double terminal = r.terminalWealthPercentiles().p50();
        assertThat(r.terminalWealthHistogram()).isEqualTo(new Histogram(new double[] {terminal, terminal},
                new long[] {700}));
        assertThat(r.maxDrawdownHistogram()).isEqualTo(new Histogram(new double[] {0, 0}, new long[] {700}));
    }

    @Test
    void wipedOutPathsFallInTheFirstBinWhoseLowerEdgeIsZero() {
        GrowthSimulationRequest allWiped = GrowthSimulationRequest.bootstrap(new double[] {-2.0}, new double[] {0.6},
                5, 10, 1, 0, 2, 5);
        GrowthSimulationRequest someWiped = GrowthSimulationRequest.bootstrap(new double[] {-2.0, 1.0, 0.5},
                new double[] {0.6}, 3, 1000, 1, 0, 2, 5);

        Histogram all = GrowthSimulator.simulate(allWiped, 1, Progress.NONE).fractions().get(0)
                .terminalWealthHistogram();
        FractionResult some = GrowthSimulator.simulate(someWiped, 1, Progress.NONE).fractions().get(0);

        assertThat(all).isEqualTo(new Histogram(new double[] {0, 0}, new long[] {10}));
        Histogram h = some.terminalWealthHistogram();
        assertThat(h.edges()[0]).isZero();
        assertThat(h.total()).isEqualTo(1000);
        // A draw of -2.0 (one in three) wipes the path out, 1 - (2/3)^3 of the paths; the first bin also holds
        // the lowest positive wealth, three draws of 0.5 ((1/3)^3 of the paths): about 741 in all.
        long first = Math.round(1000 * (1 - Math.pow(2.0 / 3, 3) + Math.pow(1.0 / 3, 3)));
        assertThat(h.counts()[0]).isBetween(first - 60, first + 60);
        assertThat(some.maxDrawdownHistogram().edges()[Binning.BINS]).isEqualTo(1.0);
    }

    @Test
    void histogramsAreIdenticalForOneAndFourThreads() {
        GrowthSimulationRequest coin = GrowthSimulationRequest.twoOutcome(0.55, 1.1, new double[] {0.05, 0.2}, 300,
                3001, 500, 0.5, 3, 20240229L);
        GrowthSimulationRequest trades = GrowthSimulationRequest.bootstrap(new double[] {2.4, -1.3, 0.7, -1},
                new double[] {0.05, 0.2}, 300, 3001, 500, 0.5, 3, 99).withStopRuinedPaths(true);
        for (GrowthSimulationRequest request : new GrowthSimulationRequest[] {coin, trades}) {
            GrowthSimulationResult one = GrowthSimulator.simulate(request, 1, Progress.NONE);
            GrowthSimulationResult four = GrowthSimulator.simulate(request, 4, Progress.NONE);
            for (int i = 0; i < one.fractions().size(); i++) {
                assertThat(four.fractions().get(i).terminalWealthHistogram())
                        .isEqualTo(one.fractions().get(i).terminalWealthHistogram());
                assertThat(four.fractions().get(i).maxDrawdownHistogram())
                        .isEqualTo(one.fractions().get(i).maxDrawdownHistogram());
                assertThat(one.fractions().get(i).maxDrawdownHistogram().total()).isEqualTo(3001);
            }
        }
    }

    @Test
    void drawdownBinningFollowsTheEdgesExactly() {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 0.37;
        }
        values[0] = 0;
        values[1] = 0.37;
        Histogram first = Binning.linearFromZero(values);
        double[] edges = first.edges();
        for (int i = 2; i < 2 + edges.length; i++) {
            values[i] = edges[i - 2];
        }

        Histogram h = Binning.linearFromZero(values);

        long[] expected = new long[Binning.BINS];
        for (double v : values) {
            int bin = 0;
            while (bin < Binning.BINS - 1 && edges[bin + 1] <= v) {
                bin++;
            }
            expected[bin]++;
        }
        assertThat(h.edges()).containsExactly(edges);
        assertThat(h.counts()).containsExactly(expected);
    }

    @Test
    void histogramsRejectMismatchedEdgesAndKeepTheirArrays() {
        assertThatThrownBy(() -> new Histogram(new double[] {0, 1}, new long[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Histogram(new double[] {1, 0}, new long[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        double[] edges = {0, 1};
        Histogram h = new Histogram(edges, new long[] {3});
        edges[1] = 5;
        h.edges()[0] = 7;
        assertThat(h.edges()).containsExactly(0, 1);
    }

    /**
     * The Binomial(bets, p) probability of each bin, with terminal wealth {@code W0 e^(k d + T l)} for k wins
     * put in the last bin i with {@code edges[i] <= W} (so mass beyond the observed extremes joins the end bins).
     */
    private static double[] binomialMassPerBin(double[] edges, double p, double b, double f, int bets, double w0) {
        double l = Math.log1p(-f);
        double d = Math.log1p(f * b) - l;
        double[] pmf = BinomialLattice.binomial(bets, p);
        double[] mass = new double[edges.length - 1];
        for (int k = 0; k <= bets; k++) {
            double wealth = w0 * Math.exp(WinCountPaths.logWealth(k, bets, d, l));
            int bin = 0;
            while (bin < mass.length - 1 && edges[bin + 1] <= wealth) {
                bin++;
            }
            mass[bin] += pmf[k];
        }
        return mass;
    }
}
