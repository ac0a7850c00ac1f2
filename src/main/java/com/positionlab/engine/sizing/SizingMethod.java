package com.positionlab.engine.sizing;

/**
 * How the new position's weight (fraction of equity) is chosen before constraints. Formulas, with
 * {@code N} the number of other holdings, {@code sigma} annualised volatilities and {@code s} the
 * direction (+1 long, -1 short):
 * <ul>
 *   <li>{@link #KELLY_CRITERION}: correlation-aware growth-optimal weight
 *       {@code w = (s mu - s Sigma_new,book w_book) / sigma_new^2}, then the Kelly policy
 *       (cap at max_kelly_fraction, times kelly_multiplier and the conviction multiplier);</li>
 *   <li>{@link #FIXED_PERCENTAGE}: {@code w = fixed_percentage} (default 2%);</li>
 *   <li>{@link #VOLATILITY_ADJUSTED}: {@code w = volatility_target / forecast annualised volatility};</li>
 *   <li>{@link #RISK_PARITY}: the weight at which the new position's share of portfolio variance
 *       (Euler contribution) equals {@code 1/(N+1)};</li>
 *   <li>{@link #EQUAL_WEIGHT}: {@code w = 1/(N+1)};</li>
 *   <li>{@link #FIXED_RISK}: {@code units = equity x risk_per_trade / |entry - stop|};</li>
 *   <li>{@link #OPTIMAL_F}: Vince's optimal f over the strategy's trade returns, {@code f} maximising
 *       {@code prod(1 + f r_i / L)} with {@code L} the largest loss, so {@code w = f / L}, times
 *       optimal_f_fraction.</li>
 * </ul>
 * VOLATILITY_ADJUSTED, RISK_PARITY and EQUAL_WEIGHT give a target weight for the whole position: when
 * the instrument is already held in the trade's direction, the trade is the target less the holding.
 * The others size the trade itself (Kelly's formula already accounts for the holding through the book).
 */
public enum SizingMethod {
    KELLY_CRITERION,
    FIXED_PERCENTAGE,
    VOLATILITY_ADJUSTED,
    RISK_PARITY,
    EQUAL_WEIGHT,
    FIXED_RISK,
    OPTIMAL_F
}
