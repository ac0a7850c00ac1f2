package com.positionlab.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.sim.FactorMarketModel.Asset;
import com.positionlab.engine.sim.FactorMarketModel.Garch;
import com.positionlab.engine.stats.Returns;
import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;

/**
 * {@link FactorMarketModel} behaves like the model it states: the same seed gives the same returns; a
 * GARCH(1,1) series has the unconditional variance omega / (1 - alpha - beta) and clustered volatility
 * (squared returns autocorrelated, returns not); and factor loadings give the closed-form correlations,
 * higher within a sector than across sectors.
 */
class FactorMarketModelTest {

    private static final double ALPHA = 0.08;
    private static final double BETA = 0.90;
    private static final int LONG_RUN = 200_000;

    @Test
    void sameSeedGivesIdenticalReturns() {
        FactorMarketModel model = twoSectorModel();
        double[][] a = model.simulateLogReturns(500, 99L, Progress.NONE);
        double[][] b = model.simulateLogReturns(500, 99L, Progress.NONE);
        double[][] c = model.simulateLogReturns(500, 100L, Progress.NONE);
        assertThat(a).isDeepEqualTo(b);
        assertThat(a[10][0]).isNotEqualTo(c[10][0]);
    }

    @Test
    void longRunVarianceIsTheUnconditionalVariance() {
        Garch garch = Garch.withAnnualVol(0.20, ALPHA, BETA);
        double[] r = column(singleAsset(garch).simulateLogReturns(LONG_RUN, 1L, Progress.NONE), 0);
        double expected = garch.unconditionalVariance();
        assertThat(expected).isCloseTo(0.04 / 252, within(1e-15));
        double std = Returns.sampleStdDev(r);
        // GARCH returns are autocorrelated in their squares, so the standard error of the sample variance
        // comes from batch means: 100 batches of 2,000 days, each far longer than the 1 / (1 - alpha - beta)
        // = 50-day memory of the volatility, give nearly independent batch variances; the error of their mean
        // is sd / sqrt(100). Four such errors (false alarm below 1e-4) is about 4% of the variance here.
        double se = batchStandardError(r, 100, x -> Returns.sampleStdDev(x) * Returns.sampleStdDev(x));
        assertThat(std * std).isCloseTo(expected, within(4 * se));
        assertThat(4 * se).as("the test can still tell a 10% error").isLessThan(0.10 * expected);
    }

    @Test
    void volatilityClustersWhileReturnsStayUncorrelated() {
        double[] r = column(singleAsset(Garch.withAnnualVol(0.20, ALPHA, BETA))
                .simulateLogReturns(LONG_RUN, 2L, Progress.NONE), 0);
        double[] squared = new double[r.length];
        double[] absolute = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            squared[t] = r[t] * r[t];
            absolute[t] = Math.abs(r[t]);
        }
        assertThat(lag1Autocorrelation(squared)).isGreaterThan(0.05);
        assertThat(lag1Autocorrelation(absolute)).isGreaterThan(0.05);
        assertThat(Math.abs(lag1Autocorrelation(r))).isLessThan(0.03);
    }

    @Test
    void constantVarianceProcessHasNoVolatilityClustering() {
        double[] r = column(singleAsset(Garch.withAnnualVol(0.20, 0.0, 0.0))
                .simulateLogReturns(LONG_RUN, 3L, Progress.NONE), 0);
        double[] squared = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            squared[t] = r[t] * r[t];
        }
        assertThat(Math.abs(lag1Autocorrelation(squared))).isLessThan(0.02);
    }

    @Test
    void assetsCorrelateAsTheirFactorLoadingsSay() {
        double[][] c = Returns.correlationMatrix(twoSectorModel().simulateLogReturns(20_000, 5L, Progress.NONE));
        double market = 0.15 * 0.15;
        double sector = 0.15 * 0.15;
        double idio = 0.20 * 0.20;
        double total = market + sector + idio;
        double sameSector = (market + sector) / total;
        double otherSector = market / total;
        // A Pearson correlation of n normal pairs has standard error (1 - rho^2) / sqrt(n); the factors'
        // GARCH volatility fattens the tails, which can inflate it by half, so the band is four standard
        // errors of that inflated figure: about 0.02 for 20,000 days.
        int n = 20_000;
        assertThat(c[0][1]).isCloseTo(sameSector, within(4 * 1.5 * (1 - sameSector * sameSector) / Math.sqrt(n)));
        assertThat(c[2][3]).isCloseTo(sameSector, within(4 * 1.5 * (1 - sameSector * sameSector) / Math.sqrt(n)));
        for (int[] pair : new int[][] {{0, 2}, {0, 3}, {1, 2}, {1, 3}}) {
            assertThat(c[pair[0]][pair[1]]).isCloseTo(otherSector,
                    within(4 * 1.5 * (1 - otherSector * otherSector) / Math.sqrt(n)));
        }
        assertThat(Math.min(c[0][1], c[2][3]))
                .isGreaterThan(Math.max(Math.max(c[0][2], c[0][3]), Math.max(c[1][2], c[1][3])) + 0.1);
    }

    @Test
    void cancellationStopsTheSimulation() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> twoSectorModel().simulateLogReturns(10_000, 1L, cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void nonStationaryGarchIsRejected() {
        assertThatThrownBy(() -> new Garch(1e-6, 0.2, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FactorMarketModel(Garch.withAnnualVol(0.1, 0, 0), new Garch[0],
                new Asset[] {new Asset(0, 1, 1, 0, Garch.withAnnualVol(0.1, 0, 0))}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sector");
    }

    /** Two sectors of two assets each, all with market beta 1 and sector loading 1. */
    private static FactorMarketModel twoSectorModel() {
        Garch market = Garch.withAnnualVol(0.15, 0.05, 0.90);
        Garch[] sectors = {Garch.withAnnualVol(0.15, 0.05, 0.90), Garch.withAnnualVol(0.15, 0.05, 0.90)};
        Asset[] assets = new Asset[4];
        for (int i = 0; i < assets.length; i++) {
            assets[i] = new Asset(i / 2, 1.0, 1.0, 0.0, Garch.withAnnualVol(0.20, 0.05, 0.90));
        }
        return new FactorMarketModel(market, sectors, assets);
    }

    /** One asset that is its own idiosyncratic process: no market or sector exposure, no drift. */
    private static FactorMarketModel singleAsset(Garch garch) {
        Garch quiet = Garch.withAnnualVol(0.10, 0.0, 0.0);
        return new FactorMarketModel(quiet, new Garch[] {quiet}, new Asset[] {new Asset(0, 0.0, 0.0, 0.0, garch)});
    }

    private static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int t = 0; t < m.length; t++) {
            out[t] = m[t][j];
        }
        return out;
    }

    private static double lag1Autocorrelation(double[] x) {
        double mean = Returns.mean(x);
        double num = 0;
        double den = 0;
        for (int t = 0; t < x.length; t++) {
            double d = x[t] - mean;
            den += d * d;
            if (t > 0) {
                num += d * (x[t - 1] - mean);
            }
        }
        return num / den;
    }

    /** The standard error of {@code statistic} over {@code x}, from the spread of its value on equal batches. */
    private static double batchStandardError(double[] x, int batches, java.util.function.ToDoubleFunction<double[]> statistic) {
        int size = x.length / batches;
        double[] values = new double[batches];
        for (int b = 0; b < batches; b++) {
            values[b] = statistic.applyAsDouble(java.util.Arrays.copyOfRange(x, b * size, (b + 1) * size));
        }
        return Returns.sampleStdDev(values) / Math.sqrt(batches);
    }
}
