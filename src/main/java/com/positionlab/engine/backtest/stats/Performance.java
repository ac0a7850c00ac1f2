package com.positionlab.engine.backtest.stats;

/**
 * The performance of a backtest's daily equity curve, as {@link PerformanceStatistics} computes it with
 * empyrical's definitions (252 trading days a year). Every return figure is a fraction ({@code 0.12} is 12%),
 * never a percentage. A figure the data cannot define is NaN (the JSON layer writes it as null); a ratio whose
 * denominator is exactly zero is an infinity, as in empyrical. See {@link PerformanceStatistics} for the cases.
 *
 * @param totalReturn     final equity over initial equity, minus 1
 * @param cagr            compound annual growth rate, {@code (final / initial)^(252 / days) - 1}
 * @param volatility      annualised volatility: the sample standard deviation (n - 1) of the daily returns times
 *                        sqrt(252)
 * @param sharpe          annualised Sharpe ratio of the daily excess returns over the risk-free rate
 * @param sortino         annualised Sortino ratio of the daily excess returns, with the downside deviation taken
 *                        over all days
 * @param calmar          {@code cagr / |maxDrawdown|}
 * @param maxDrawdown     the deepest fall from a running peak, {@code min_t equity_t / peak_t - 1}: 0 or negative
 * @param maxDrawdownDays trading days from the peak of the deepest drawdown to the first day back at or above
 *                        that peak, or to the last day if equity never got back
 * @param hitRate         the share of days with a return above zero, in [0, 1]
 */
public record Performance(double totalReturn, double cagr, double volatility, double sharpe, double sortino,
                          double calmar, double maxDrawdown, int maxDrawdownDays, double hitRate) {
}
