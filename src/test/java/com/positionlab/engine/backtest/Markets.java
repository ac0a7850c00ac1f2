package com.positionlab.engine.backtest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** Price histories for the backtest tests: written by hand, or random walks from a seed. */
public final class Markets {

    private Markets() {
    }

    /** {@code count} weekdays (Monday to Friday) from {@code from} on. */
    public static LocalDate[] weekdays(LocalDate from, int count) {
        LocalDate[] out = new LocalDate[count];
        LocalDate d = from;
        for (int k = 0; k < count; k++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            out[k] = d;
            d = d.plusDays(1);
        }
        return out;
    }

    /** The dates given as ISO strings. */
    public static LocalDate[] dates(String... iso) {
        LocalDate[] out = new LocalDate[iso.length];
        for (int k = 0; k < iso.length; k++) {
            out[k] = LocalDate.parse(iso[k]);
        }
        return out;
    }

    /** Rows of closes from columns: {@code columns[i][t]} is instrument i's close on day t. */
    public static double[][] rows(double[]... columns) {
        double[][] out = new double[columns[0].length][columns.length];
        for (int i = 0; i < columns.length; i++) {
            for (int t = 0; t < columns[i].length; t++) {
                out[t][i] = columns[i][t];
            }
        }
        return out;
    }

    /**
     * Geometric random walks: {@code n} instruments over {@code days} days with daily log returns of mean 0.0003
     * and volatility 0.02 (plus a common factor), starting between 20 and 200. With {@code lateListings}, every
     * third instrument is listed only after a random day in the first half (NaN before).
     */
    public static double[][] randomWalk(int days, int n, long seed, boolean lateListings) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] prices = new double[days][n];
        double[] level = new double[n];
        int[] listing = new int[n];
        for (int i = 0; i < n; i++) {
            level[i] = 20 + 180 * rng.nextDouble();
            listing[i] = lateListings && i % 3 == 2 ? rng.nextInt(days / 2) : 0;
        }
        for (int t = 0; t < days; t++) {
            double common = 0.01 * rng.nextGaussian();
            for (int i = 0; i < n; i++) {
                if (t > 0) {
                    level[i] *= Math.exp(0.0003 + common + 0.017 * rng.nextGaussian());
                }
                prices[t][i] = t < listing[i] ? Double.NaN : level[i];
            }
        }
        return prices;
    }

    /** A random-walk history over weekdays from 2015-01-01. */
    public static PriceHistory randomHistory(int days, int n, long seed, boolean lateListings) {
        return new PriceHistory(weekdays(LocalDate.of(2015, 1, 1), days), randomWalk(days, n, seed, lateListings));
    }
}
