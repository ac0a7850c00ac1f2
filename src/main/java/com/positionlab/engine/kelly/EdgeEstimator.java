package com.positionlab.engine.kelly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.positionlab.engine.task.Progress;

/**
 * A strategy's edge from its closed trades: the statistics of {@link EdgeStatistics}, the bootstrap
 * interval of {@link KellyBootstrap}, and whether Kelly may size positions.
 *
 * <p>Trades are put in exit order (stable for equal exit times) and those closed after the "as of" time are
 * ignored. The windows are: all trades; the last N trades; the trades with {@code asOf - D x 86,400 <
 * exitEpochSecond <= asOf}. Kelly is usable in a window when it has at least the minimum number of trades and
 * at least one loss: with no losses the edge cannot be estimated; with losses and no wins Kelly is
 * -Infinity, which sizes to zero. When Kelly is not usable, sizing falls back to the fixed fraction.
 */
public final class EdgeEstimator {

    private static final long SECONDS_PER_DAY = 86_400L;

    private EdgeEstimator() {
    }

    /** The edge over all three windows as of {@code asOfEpochSecond} (seconds since the epoch). */
    public static StrategyEdge estimate(List<TradeOutcome> trades, long asOfEpochSecond, EdgeConfig config) {
        List<TradeOutcome> closed = closedBy(trades, asOfEpochSecond);
        double[] all = pnl(closed);
        int from = Math.max(0, closed.size() - config.recentTrades());
        double[] last = pnl(closed.subList(from, closed.size()));
        long since = asOfEpochSecond - config.recentDays() * SECONDS_PER_DAY;
        double[] days = pnl(closed.stream().filter(t -> t.exitEpochSecond() > since).toList());
        return new StrategyEdge(asOfEpochSecond, edge(all, EdgeWindow.ALL, config),
                edge(last, EdgeWindow.LAST_TRADES, config), edge(days, EdgeWindow.LAST_DAYS, config));
    }

    /** The edge of one list of P&amp;Ls (account currency, in exit order), labelled as {@code window}. */
    public static TradeEdge edge(double[] pnl, EdgeWindow window, EdgeConfig config) {
        BootstrapInterval interval = KellyBootstrap.interval(pnl, config.confidenceLevel(), config.resamples(),
                config.seed());
        return edge(EdgeStatistics.of(pnl), interval, window, config);
    }

    /**
     * The edge of one list of P&amp;Ls without its bootstrap interval ({@link BootstrapInterval#none}): the
     * same statistics, the same usability and so the same {@link TradeEdge#basis() basis} as {@link #edge},
     * for a caller that re-estimates after every trade (a replay) and has no use for the interval.
     */
    public static TradeEdge pointEdge(double[] pnl, EdgeWindow window, EdgeConfig config) {
        return edge(EdgeStatistics.of(pnl), BootstrapInterval.none(config.confidenceLevel()), window, config);
    }

    private static TradeEdge edge(EdgeStatistics stats, BootstrapInterval interval, EdgeWindow window,
            EdgeConfig config) {
        String blocker = blocker(stats, config.minimumTrades());
        boolean usable = blocker == null;
        String reason = usable ? usableReason(stats) : blocker;
        return new TradeEdge(window, stats, interval, usable, reason, config.fallbackFraction());
    }

    /**
     * The Kelly fraction over a window of the last {@code config.recentTrades()} trades, rolled one trade
     * at a time over the trades closed by {@code asOfEpochSecond}: one point per window, the first ending at
     * the N-th trade (none when there are fewer than N trades). Window k's bootstrap uses a seed derived
     * from the configured seed and k, so each point is reproducible on its own.
     */
    public static List<RollingKellyPoint> rolling(List<TradeOutcome> trades, long asOfEpochSecond,
            EdgeConfig config, Progress progress) {
        List<TradeOutcome> closed = closedBy(trades, asOfEpochSecond);
        double[] all = pnl(closed);
        int window = config.recentTrades();
        List<RollingKellyPoint> points = new ArrayList<>();
        for (int end = window - 1; end < all.length; end++) {
            progress.checkCancelled();
            double[] slice = Arrays.copyOfRange(all, end - window + 1, end + 1);
            long seed = config.seed() + 0x9E3779B97F4A7C15L * (end + 1);
            BootstrapInterval interval = KellyBootstrap.interval(slice, config.confidenceLevel(),
                    config.resamples(), seed);
            points.add(new RollingKellyPoint(end, closed.get(end).exitEpochSecond(), EdgeStatistics.of(slice),
                    interval));
            progress.update((double) (end - window + 2) / (all.length - window + 1), "rolling Kelly");
        }
        return points;
    }

    /** The P&amp;Ls of the trades closed by {@code asOfEpochSecond}, in exit order. */
    public static double[] pnlInExitOrder(List<TradeOutcome> trades, long asOfEpochSecond) {
        return pnl(closedBy(trades, asOfEpochSecond));
    }

    private static List<TradeOutcome> closedBy(List<TradeOutcome> trades, long asOfEpochSecond) {
        Objects.requireNonNull(trades, "trades");
        return trades.stream()
                .filter(t -> t.exitEpochSecond() <= asOfEpochSecond)
                .sorted(Comparator.comparingLong(TradeOutcome::exitEpochSecond))
                .toList();
    }

    private static double[] pnl(List<TradeOutcome> trades) {
        return trades.stream().mapToDouble(TradeOutcome::pnl).toArray();
    }

    /** Why Kelly may not size positions, or null when it may. */
    private static String blocker(EdgeStatistics stats, int minimumTrades) {
        if (stats.trades() == 0) {
            return "no trades; at least " + minimumTrades + " needed";
        }
        if (stats.trades() < minimumTrades) {
            return "only " + stats.trades() + (stats.trades() == 1 ? " trade" : " trades") + "; at least "
                    + minimumTrades + " needed";
        }
        if (stats.losses() == 0) {
            return stats.wins() == 0
                    ? "no winning or losing trades; edge cannot be estimated"
                    : "no losing trades; edge cannot be estimated";
        }
        return null;
    }

    private static String usableReason(EdgeStatistics stats) {
        if (stats.wins() == 0) {
            return "no winning trades in " + stats.trades() + " trades; a negative edge sizes to zero";
        }
        return "Kelly from " + stats.trades() + " trades";
    }
}
