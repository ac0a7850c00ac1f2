package com.positionlab.service.sizing;

import java.util.List;

import com.positionlab.domain.PriceBar;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.risk.Atr;
import com.positionlab.engine.risk.VolatilityAdjuster;
import com.positionlab.engine.risk.VolatilityAdjustment;
import com.positionlab.engine.risk.VolatilityConfig;

/**
 * The request's optional {@code volatility_adjustment}, checked, and the instrument's ATR assessment over
 * the workspace's price bars: the lookback plus the ATR period, so that every day of the lookback has an
 * ATR. A bar without a high or a low counts its close for them (its true range is then the move from the
 * previous close).
 */
final class VolatilityAssessment {

    private VolatilityAssessment() {
    }

    /** The assessment, or null when the request does not ask for one; problems go to {@code c}. */
    static VolatilityAdjustment of(Checks c, PositionSizingRequest.VolatilityAdjustment v, String instrumentId,
                                   int lookback, SizingMarketData market) {
        if (v == null) {
            return null;
        }
        String f = "volatility_adjustment.";
        int period = c.intRange(f + "atr_period", v.atrPeriod(), Atr.DEFAULT_PERIOD, SizingRanges.ATR_PERIOD_MIN,
                SizingRanges.ATR_PERIOD_MAX);
        VolatilityConfig defaults = VolatilityConfig.defaults();
        double low = c.range(f + "low_percentile", v.lowPercentile(), defaults.lowPercentile(),
                SizingRanges.ATR_PERCENTILE);
        double high = c.range(f + "high_percentile", v.highPercentile(), defaults.highPercentile(),
                SizingRanges.ATR_PERCENTILE);
        if (low > high) {
            c.fail(f + "low_percentile", "must not exceed high_percentile (" + Checks.num(high) + "), got "
                    + Checks.num(low));
        }
        double cut = c.range(f + "max_reduction", v.maxReduction(), defaults.maxReduction(),
                SizingRanges.MAX_VOLATILITY_REDUCTION);
        if (!market.hasWorkspace()) {
            c.fail("volatility_adjustment", "needs the instrument's price history in the workspace");
            return null;
        }
        List<PriceBar> all = market.bars(instrumentId);
        if (all.isEmpty()) {
            c.fail("volatility_adjustment", "the workspace has no prices for " + instrumentId);
            return null;
        }
        if (!c.ok()) {
            return null;
        }
        List<PriceBar> bars = all.subList(Math.max(0, all.size() - lookback - period), all.size());
        double[] h = new double[bars.size()];
        double[] l = new double[bars.size()];
        double[] close = new double[bars.size()];
        for (int t = 0; t < bars.size(); t++) {
            PriceBar b = bars.get(t);
            close[t] = b.close();
            h[t] = b.high() == null ? b.close() : Math.max(b.high(), b.close());
            l[t] = b.low() == null ? b.close() : Math.min(b.low(), b.close());
        }
        try {
            return VolatilityAdjuster.assess(h, l, close, new VolatilityConfig(period, low, high, cut));
        } catch (InvalidParameterException e) {
            c.fail("volatility_adjustment", e.getMessage());
            return null;
        }
    }
}
