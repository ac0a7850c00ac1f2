package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;

import java.util.Arrays;
import java.util.SplittableRandom;

import com.positionlab.engine.InvalidParameterException;

/**
 * Seeded percentile bootstrap of the Kelly fraction of a trade list.
 *
 * <p>Each resample draws {@code n} P&amp;Ls with replacement from the {@code n} trades and computes the
 * Kelly fraction as in {@link EdgeStatistics}. A resample that happens to hold wins but no losses is given
 * the fraction's limit 1 (nothing can be lost), one with losses but no wins -Infinity, one with neither
 * (only scratches) 0; these keep the order of the resamples, so the percentiles stay meaningful. The
 * interval's bounds are nearest-rank quantiles of the sorted resampled fractions: the
 * {@code ceil(q B)}-th smallest of B for {@code q = (1 - c) / 2} and {@code (1 + c) / 2}. The same seed
 * gives the same interval.
 */
public final class KellyBootstrap {

    /** The smallest number of resamples accepted. */
    public static final int MIN_RESAMPLES = 2000;

    private KellyBootstrap() {
    }

    /**
     * The bootstrap interval of the Kelly fraction of {@code pnl}, or {@link BootstrapInterval#none} when
     * the point estimate is not finite (no trades, no wins or no losses).
     *
     * @param pnl             closed-trade P&amp;Ls, account currency, each finite
     * @param confidenceLevel nominal coverage, strictly between 0 and 1 (for example 0.95)
     * @param resamples       number of resamples, at least {@value #MIN_RESAMPLES}
     * @param seed            random seed
     */
    public static BootstrapInterval interval(double[] pnl, double confidenceLevel, int resamples, long seed) {
        validate(confidenceLevel, resamples);
        if (!Double.isFinite(EdgeStatistics.of(pnl).kelly())) {
            return BootstrapInterval.none(confidenceLevel);
        }
        double[] kelly = resampledKelly(pnl, resamples, new SplittableRandom(seed));
        Arrays.sort(kelly);
        double tail = (1 - confidenceLevel) / 2;
        return new BootstrapInterval(nearestRank(kelly, tail), nearestRank(kelly, 1 - tail), confidenceLevel,
                resamples);
    }

    static void validate(double confidenceLevel, int resamples) {
        inRange("confidence_level", confidenceLevel, 0, 1);
        if (confidenceLevel == 0 || confidenceLevel == 1) {
            throw new InvalidParameterException("confidence_level",
                    "must be strictly between 0 and 1, got " + confidenceLevel);
        }
        if (resamples < MIN_RESAMPLES) {
            throw new InvalidParameterException("bootstrap_resamples",
                    "must be at least " + MIN_RESAMPLES + ", got " + resamples);
        }
    }

    private static double[] resampledKelly(double[] pnl, int resamples, SplittableRandom random) {
        int n = pnl.length;
        double[] out = new double[resamples];
        Tally tally = new Tally();
        for (int r = 0; r < resamples; r++) {
            tally.clear();
            for (int i = 0; i < n; i++) {
                tally.add(pnl[random.nextInt(n)]);
            }
            out[r] = resampleKelly(tally.wins, tally.losses, tally.grossProfit, tally.grossLoss);
        }
        return out;
    }

    private static double resampleKelly(int wins, int losses, double grossProfit, double grossLoss) {
        if (losses == 0) {
            return wins == 0 ? 0 : 1;
        }
        return EdgeStatistics.kelly(wins, losses, grossProfit, grossLoss);
    }

    /** The {@code ceil(q n)}-th smallest value (1-based) of sorted values, clamped to the ends. */
    private static double nearestRank(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }
}
