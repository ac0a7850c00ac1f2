package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.InvalidParameterException.inRange;

import com.positionlab.engine.Reasons;

/**
 * Every trade gets the same fraction of equity: {@code f_k = fraction}.
 *
 * @param fraction position as a fraction of equity, in [0, 10] (above 1 is leverage)
 */
public record FixedFractionRule(double fraction) implements SizingRule {

    public FixedFractionRule {
        inRange("fixed_percentage", fraction, 0, 10);
    }

    @Override
    public String label() {
        return "Fixed " + Reasons.pct1(fraction) + " of equity";
    }
}
