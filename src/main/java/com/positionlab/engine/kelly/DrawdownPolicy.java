package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import com.positionlab.engine.InvalidParameterException;

/**
 * How the Kelly multiplier responds to drawdown and to recent performance (see {@link DynamicKellyAdjuster}).
 *
 * @param floor                    multiplier at and beyond {@code maxDrawdown}, in [0, 1] (default 0.25)
 * @param maxDrawdown              drawdown, as a fraction of the equity peak, at which the floor is reached,
 *                                 in (0, 1] (default 0.20)
 * @param exponent                 shape of the curve: 1 linear, above 1 gentle at first then steep, below 1
 *                                 steep at first; in (0, 10] (default 1)
 * @param recentTrades             size N of the recent window, in trades (default 20)
 * @param negativeExpectancyFactor multiplier when the recent window's expectancy is negative, in [0, 1]
 *                                 (default 0.5)
 * @param outperformanceMargin     the recent win rate must beat the long-run win rate by more than this, in
 *                                 [0, 1], for the outperformance factor to apply (default 0.10)
 * @param outperformanceFactor     multiplier, in [1, 10], when the recent window outperforms; the total
 *                                 dynamic multiplier never exceeds 1 (default 1.25)
 */
public record DrawdownPolicy(double floor, double maxDrawdown, double exponent, int recentTrades,
        double negativeExpectancyFactor, double outperformanceMargin, double outperformanceFactor) {

    public DrawdownPolicy {
        inRange("drawdown_floor", floor, 0, 1);
        inRange("max_drawdown", maxDrawdown, 0, 1);
        positive("max_drawdown", maxDrawdown);
        inRange("drawdown_exponent", exponent, 0, 10);
        positive("drawdown_exponent", exponent);
        if (recentTrades < 1) {
            throw new InvalidParameterException("recent_trades", "must be at least 1, got " + recentTrades);
        }
        inRange("negative_expectancy_factor", negativeExpectancyFactor, 0, 1);
        inRange("outperformance_margin", outperformanceMargin, 0, 1);
        inRange("outperformance_factor", outperformanceFactor, 1, 10);
    }

    /** Floor 0.25 at a 20% drawdown, linear; last 20 trades; x0.5 on negative expectancy; x1.25 above +10%. */
    public static DrawdownPolicy defaults() {
        return new DrawdownPolicy(0.25, 0.20, 1.0, 20, 0.5, 0.10, 1.25);
    }
}
