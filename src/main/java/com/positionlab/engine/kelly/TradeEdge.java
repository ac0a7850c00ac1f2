package com.positionlab.engine.kelly;

import java.util.Objects;

import com.positionlab.engine.Reasons;

/**
 * The edge of a strategy over one window of its trades, and whether its Kelly fraction may size positions.
 *
 * @param window           which trades
 * @param statistics       win rate, averages, payoff, expectancy, profit factor and Kelly of those trades
 * @param kellyInterval    bootstrap interval of the Kelly fraction (not computed when Kelly is not finite)
 * @param kellyUsable      whether Kelly sizes positions; false below the minimum number of trades, without
 *                         losing trades, or without decisive trades
 * @param reason           why Kelly is or is not usable, for example {@code "only 12 trades; at least 20 needed"}
 * @param fallbackFraction the fixed fraction of balance used when Kelly is not usable
 */
public record TradeEdge(EdgeWindow window, EdgeStatistics statistics, BootstrapInterval kellyInterval,
        boolean kellyUsable, String reason, double fallbackFraction) {

    public TradeEdge {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(kellyInterval, "kellyInterval");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * What sizing uses: when Kelly is usable, the smaller of p - q/b and the trade list's log-optimal fraction,
     * with the reason naming which bound; otherwise the fallback fraction with the reason.
     */
    public SizingBasis basis() {
        if (!kellyUsable) {
            return SizingBasis.fallback(fallbackFraction, reason);
        }
        double averages = statistics.kelly();
        double list = statistics.logOptimalKelly();
        if (Double.isNaN(list) || averages <= list) {
            return SizingBasis.kelly(averages, reason + "; p - q/b " + Reasons.fmt(averages) + " is the smaller"
                    + (Double.isNaN(list) ? "" : " (trade list " + Reasons.fmt(list) + ")"));
        }
        return SizingBasis.kelly(list, reason + "; the trade list's log-optimal " + Reasons.fmt(list)
                + " is smaller than p - q/b " + Reasons.fmt(averages) + " and bounds it");
    }
}
