package com.positionlab.engine.backtest.attribution;

import com.positionlab.engine.InvalidParameterException;

/**
 * What the sizes chosen for a sequence of closed trades added over sizing every trade alike. Trade k returned
 * r_k per unit of capital put in it and was given the fraction f_k of the equity at its entry; trades follow one
 * another without overlapping, so equity grows by the factor 1 + f_k r_k per trade. Fractions throughout.
 * <pre>
 *   chosen      = prod(1 + f_k r_k) - 1
 *   equalSized  = prod(1 + f r_k) - 1,   f = mean(f_k), the same trades at the average size
 *   fromSizing  = chosen - equalSized
 * </pre>
 * fromSizing is positive when the larger sizes went to the better trades, negative when they went to the
 * worse ones, and 0 when every f_k is the same. A trade whose loss takes all the equity (1 + f_k r_k at or below
 * 0) ends the sequence at -1.
 *
 * @param chosenReturn     the compounded return with the chosen sizes
 * @param equalSizedReturn the compounded return with every trade at the mean fraction
 * @param meanFraction     the mean of the chosen fractions
 * @param fromSizing       chosenReturn - equalSizedReturn
 */
public record SizingAttribution(double chosenReturn, double equalSizedReturn, double meanFraction,
                                double fromSizing) {

    /**
     * The chosen and the equal-sized results of the trades, and their difference.
     *
     * @param tradeReturns r_k, each trade's return per unit of capital allocated, in trade order; finite
     * @param fractions    f_k, the fraction of equity given to each trade; finite, 0 or more (above 1 is
     *                     leverage)
     */
    public static SizingAttribution of(double[] tradeReturns, double[] fractions) {
        if (tradeReturns == null || tradeReturns.length == 0) {
            throw new InvalidParameterException("trade_returns", "need at least 1 trade, got 0");
        }
        if (fractions == null || fractions.length != tradeReturns.length) {
            throw new InvalidParameterException("fractions", "need one per trade (" + tradeReturns.length
                    + "), got " + (fractions == null ? 0 : fractions.length));
        }
        double sum = 0;
        for (int k = 0; k < tradeReturns.length; k++) {
            if (!Double.isFinite(tradeReturns[k])) {
                throw new InvalidParameterException("trade_returns", "trade " + (k + 1)
                        + ": must be a finite number, got " + tradeReturns[k]);
            }
            if (!Double.isFinite(fractions[k]) || fractions[k] < 0) {
                throw new InvalidParameterException("fractions", "trade " + (k + 1)
                        + ": must be a finite number, 0 or more, got " + fractions[k]);
            }
            sum += fractions[k];
        }
        double mean = sum / fractions.length;
        double chosen = 1;
        double equal = 1;
        for (int k = 0; k < tradeReturns.length; k++) {
            chosen *= Math.max(0, 1 + fractions[k] * tradeReturns[k]);
            equal *= Math.max(0, 1 + mean * tradeReturns[k]);
        }
        return new SizingAttribution(chosen - 1, equal - 1, mean, (chosen - 1) - (equal - 1));
    }
}
