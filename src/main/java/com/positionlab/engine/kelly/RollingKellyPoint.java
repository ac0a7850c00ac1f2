package com.positionlab.engine.kelly;

/**
 * The Kelly fraction of one window of a rolling series.
 *
 * @param endIndex        0-based index, in exit order, of the window's last trade
 * @param exitEpochSecond exit time of that trade, seconds since the epoch
 * @param statistics      the window's edge statistics (its {@code kelly} is the point estimate)
 * @param kellyInterval   the window's bootstrap interval of the Kelly fraction
 */
public record RollingKellyPoint(int endIndex, long exitEpochSecond, EdgeStatistics statistics,
        BootstrapInterval kellyInterval) {

    /** The window's Kelly point estimate. */
    public double kelly() {
        return statistics.kelly();
    }
}
