package com.positionlab.service.sizing;

import com.positionlab.domain.Range;

/**
 * The allowed values of a sizing request's number fields, in the request's units (fractions of equity,
 * annualised volatilities, simple returns). The service checks requests against them and the ticket checks
 * what is typed against the same ranges, scaled to its percent fields (a test compares the two). A stored
 * rule allows exactly what a request allows.
 */
public final class SizingRanges {

    /** An entry or stop price. */
    public static final Range PRICE = Range.aboveUpTo(0, Double.MAX_VALUE);
    public static final Range EXPECTED_RETURN = Range.aboveUpTo(-1, 10);
    public static final Range WIN_PROBABILITY = Range.closed(0, 1);
    public static final Range CONFIDENCE = Range.open(0, 1);
    public static final Range MAX_POSITION = Range.aboveUpTo(0, 10);
    public static final Range MIN_POSITION = Range.closed(0, 10);
    public static final Range VOLATILITY_TARGET = Range.aboveUpTo(0, 2);
    public static final Range FIXED_PERCENTAGE = Range.aboveUpTo(0, 1);
    public static final Range RISK_PER_TRADE = Range.aboveUpTo(0, 0.2);
    public static final Range KELLY_MULTIPLIER = Range.aboveUpTo(0, 1);
    public static final Range MAX_KELLY_FRACTION = Range.aboveUpTo(0, 1);
    public static final Range OPTIMAL_F_FRACTION = Range.aboveUpTo(0, 1);
    /** A limit on the book's annualised volatility. */
    public static final Range MAX_PORTFOLIO_VOLATILITY = Range.aboveUpTo(0, 2);
    /** A limit on the book's VaR (a loss fraction). */
    public static final Range MAX_PORTFOLIO_VAR = Range.aboveUpTo(0, 1);
    public static final Range MAX_INSTRUMENT_WEIGHT = Range.aboveUpTo(0, 10);
    public static final Range MAX_SECTOR_WEIGHT = Range.aboveUpTo(0, 10);
    public static final Range CORRELATION_LIMIT = Range.closed(-1, 1);
    public static final Range LEVERAGE = Range.aboveUpTo(0, 100);
    public static final Range CURRENT_DRAWDOWN = Range.fromBelow(0, 1);
    public static final Range BUDGET_TOTAL_VOLATILITY = Range.aboveUpTo(0, 2);
    public static final Range BUDGET_MAX_DRAWDOWN = Range.aboveUpTo(0, 1);
    /** A share of a risk budget. */
    public static final Range BUDGET_SHARE = Range.closed(0, 1);
    /** A stress shock: a simple return. */
    public static final Range SHOCK = Range.closed(-1, 10);
    /** A percentile of the ATR's own history, for the volatility regimes. */
    public static final Range ATR_PERCENTILE = Range.closed(0, 1);
    /** The most the volatility adjustment may cut the size. */
    public static final Range MAX_VOLATILITY_REDUCTION = Range.closed(0, 1);
    public static final int ATR_PERIOD_MIN = 2;
    public static final int ATR_PERIOD_MAX = 250;
    /** Trading days of history: at least {@link SizingDefaults#MIN_RETURNS} returns. */
    public static final int LOOKBACK_MIN = SizingDefaults.MIN_RETURNS;
    public static final int LOOKBACK_MAX = 5000;
    public static final int SCENARIOS_MIN = 1000;
    public static final int SCENARIOS_MAX = 1_000_000;
    public static final int HORIZON_MIN = 1;
    public static final int HORIZON_MAX = 250;

    private SizingRanges() {
    }
}
