package com.positionlab.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.kelly.Tier;

/**
 * A strategy's Kelly sizing configuration, as stored and edited. Positions, fractions and drawdowns are
 * fractions of capital (0.02 = 2%), never percent.
 *
 * @param strategyId       the strategy configured
 * @param kellyMultiplier  fractional Kelly applied to the capped raw fraction, in (0, 2]
 * @param maxKellyFraction cap on the raw Kelly fraction, in (0, 1]
 * @param tier             the account tier whose rules apply (HIGH conviction only where it allows it)
 * @param minPosition      smallest positive position, fraction of capital, in [0, maxPosition]
 * @param maxPosition      largest position, fraction of capital, in [minPosition, 1]
 * @param convictionLow    multiplier for LOW conviction, positive
 * @param convictionMedium multiplier for MEDIUM conviction, positive
 * @param convictionHigh   multiplier for HIGH conviction, positive
 * @param drawdownFloor    Kelly multiplier reached at {@code maxDrawdown}, in [0, 1]
 * @param maxDrawdown      drawdown from the equity peak, fraction in (0, 1], at which the floor is reached
 * @param minTrades        below this many trades Kelly is not used and sizing falls back
 * @param recentTrades     size N of the "last N trades" window
 * @param recentDays       length D, in days, of the "last D days" window
 * @param fallbackFraction fixed fraction of capital used when Kelly is not usable, in [0, 1]
 * @param updatedAt        when the configuration was last saved; null for defaults never stored
 */
public record StrategyKellyConfig(String strategyId, double kellyMultiplier, double maxKellyFraction, TierName tier,
                                  double minPosition, double maxPosition, double convictionLow,
                                  double convictionMedium, double convictionHigh, double drawdownFloor,
                                  double maxDrawdown, int minTrades, int recentTrades, int recentDays,
                                  double fallbackFraction, OffsetDateTime updatedAt) {

    /** The account tiers a strategy can be sized under (see {@link Tier}). */
    public enum TierName {
        HUNTER(Tier.HUNTER), STRATEGIST(Tier.STRATEGIST);

        private final Tier defaults;

        TierName(Tier defaults) {
            this.defaults = defaults;
        }

        /** The tier with its default position boundaries. */
        public Tier defaults() {
            return defaults;
        }
    }

    public StrategyKellyConfig {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(tier, "tier");
    }

    /**
     * The engine's defaults: quarter Kelly of a raw fraction capped at 0.5, the STRATEGIST tier (0.5% to 15%
     * of capital), conviction 0.5 / 1.0 / 1.5, a floor of 0.25 at a 20% drawdown, Kelly from 20 trades, last
     * 20 trades, last 30 days, 2% fallback.
     */
    public static StrategyKellyConfig defaults(String strategyId) {
        Tier tier = TierName.STRATEGIST.defaults();
        ConvictionMultipliers conviction = ConvictionMultipliers.DEFAULTS;
        DrawdownPolicy drawdown = DrawdownPolicy.defaults();
        return new StrategyKellyConfig(strategyId, KellyPolicy.DEFAULT_KELLY_MULTIPLIER,
                KellyPolicy.DEFAULT_MAX_KELLY_FRACTION, TierName.STRATEGIST, tier.minPosition(), tier.maxPosition(),
                conviction.low(), conviction.medium(), conviction.high(), drawdown.floor(), drawdown.maxDrawdown(),
                EdgeConfig.DEFAULT_MINIMUM_TRADES, EdgeConfig.DEFAULT_RECENT_TRADES, EdgeConfig.DEFAULT_RECENT_DAYS,
                EdgeConfig.DEFAULT_FALLBACK_FRACTION, null);
    }
}
