package com.positionlab.engine.backtest;

import java.time.LocalDate;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.task.Progress;

/**
 * Runs a walk-forward backtest: day by day over the trading days of {@link BacktestRequest}, each day at its
 * close, the rule seeing no price after that close.
 *
 * <p>On each day {@code d} (row {@code t} of the history):
 * <ol>
 * <li>from day 1 on, cash earns a day's interest: {@code cash <- cash x (1 + cashRate)};</li>
 * <li>the holdings are valued at the close: {@code E = cash + sum_i units_i x close_i};</li>
 * <li>if the {@link RebalanceSchedule} says so (always on day 0), the rule is given the window of the last
 * {@code lookback} closes up to row {@code t} and the weights {@code units x close / E}, and its target weights
 * {@code w} are traded to, at the close;</li>
 * <li>equity, cash and weights are recorded after the trades.</li>
 * </ol>
 * Between rebalances the units are held, so weights drift with prices.
 *
 * <p><b>Trade sizing and costs.</b> With {@code c} the commission rate and {@code s} the slippage rate, buying
 * costs {@code kb = s + c (1 + s)} and selling {@code ks = s + c (1 - s)} per unit of close value traded: a buy of
 * {@code q} units at close {@code p} pays {@code q p (1 + s)} plus commission {@code c q p (1 + s)}, a sale
 * receives {@code q p (1 - s)} less commission {@code c q p (1 - s)}; slippage is the {@code q p s} lost against
 * the close. Costs are paid from cash. The trades are sized so that the weights after them are the targets
 * exactly: each instrument goes to {@code w_i X / p_i} units, where {@code X}, the equity after costs, solves
 * {@code X + sum_i k_i |w_i X - h_i| = E} ({@code h_i} the holding's value before trading). So a fully invested
 * long-only target leaves no cash and no debt; a rebalance whose costs would exceed the equity makes no trade.
 *
 * <p><b>Lots.</b> When an instrument has a lot size {@code L > 0}, its target units are rounded toward zero to
 * whole lots: {@code sign(u) x floor(|u| / L + 10^-9) x L}. A long position then never exceeds its target value,
 * so lot rounding never spends cash the fractional portfolio would not; the remainder stays in cash.
 *
 * <p>Trades whose value is below {@code 10^-12} of equity (the residue of floating-point arithmetic when a
 * weight is already on target) are not made. A day whose equity before trading is not positive makes no trade.
 */
public final class Backtester {

    private static final int CHECK_EVERY = 64;

    private Backtester() {
    }

    /**
     * Runs {@code rule} on {@code request}. Checks {@code progress} for cancellation every 64 days.
     *
     * @throws InvalidParameterException on {@code target_weights} when the rule returns invalid targets
     * @throws com.positionlab.engine.task.CancelledException when cancelled
     */
    public static BacktestResult run(BacktestRequest request, WeightRule rule, Progress progress) {
        if (request == null) {
            throw new InvalidParameterException("request", "must be given");
        }
        if (rule == null) {
            throw new InvalidParameterException("rule", "must be given");
        }
        PriceHistory history = request.history();
        int first = request.firstDay();
        int days = request.lastDay() - first + 1;
        int n = history.instruments();
        LocalDate[] dates = new LocalDate[days];
        double[] equity = new double[days];
        double[] cash = new double[days];
        double[][] weights = new double[days][];
        boolean[] rebalanced = new boolean[days];
        double[] turnovers = new double[days];
        double[] commissions = new double[days];
        double[] slippages = new double[days];
        TradeLog.Builder log = new TradeLog.Builder(dates, n * 4);
        Portfolio portfolio = new Portfolio(request);
        double[] target = null;
        for (int d = 0; d < days; d++) {
            if (d % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) d / days, "backtest");
            }
            int t = first + d;
            double[] close = history.row(t);
            dates[d] = history.date(t);
            if (d > 0) {
                portfolio.accrue(request.cashRate());
            }
            double e = portfolio.markToMarket(close);
            rebalanced[d] = d == 0 || isDue(request.schedule(), dates[d - 1], dates[d], portfolio, e, target);
            if (rebalanced[d] && e > 0) {
                double[] proposed = rule.targetWeights(history.window(t, request.lookback()), portfolio.weights(e));
                target = validTargets(proposed, close, rule.allowsShort(), dates[d]);
                turnovers[d] = portfolio.rebalance(d, close, e, target, log);
                commissions[d] = portfolio.dayCommission();
                slippages[d] = portfolio.daySlippage();
                e = portfolio.markToMarket(close);
            }
            equity[d] = e;
            cash[d] = portfolio.cash();
            weights[d] = portfolio.weights(e);
        }
        progress.update(1, "backtest");
        return new BacktestResult(dates, request.initialCapital(), equity, cash, weights, rebalanced, turnovers,
                commissions, slippages, log.build());
    }

    private static boolean isDue(RebalanceSchedule schedule, LocalDate previous, LocalDate today, Portfolio portfolio,
            double equity, double[] target) {
        if (schedule instanceof RebalanceSchedule.DriftBand drift) {
            return target != null && equity > 0 && portfolio.driftsBeyond(equity, target, drift.band());
        }
        return schedule.startsPeriod(previous, today);
    }

    /** A copy of the rule's targets once they are valid for the day's closes. */
    static double[] validTargets(double[] proposed, double[] close, boolean shortAllowed, LocalDate date) {
        if (proposed == null || proposed.length != close.length) {
            throw new InvalidParameterException("target_weights", "the rule must return " + close.length
                    + " weights on " + date + ", got " + (proposed == null ? "none" : proposed.length));
        }
        double[] w = proposed.clone();
        double gross = 0;
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new InvalidParameterException("target_weights", "must be finite numbers, got " + w[i]
                        + " for instrument " + i + " on " + date);
            }
            if (w[i] < 0 && !shortAllowed) {
                throw new InvalidParameterException("target_weights", "must not be negative (the rule does not "
                        + "allow short positions), got " + w[i] + " for instrument " + i + " on " + date);
            }
            if (w[i] != 0 && Double.isNaN(close[i])) {
                throw new InvalidParameterException("target_weights", "instrument " + i + " has no price on "
                        + date + " and cannot be held, got weight " + w[i]);
            }
            gross += Math.abs(w[i]);
        }
        if (gross > BacktestRequest.MAX_GROSS_EXPOSURE) {
            throw new InvalidParameterException("target_weights", "gross exposure sum |w| must be at most "
                    + BacktestRequest.MAX_GROSS_EXPOSURE + ", got " + gross + " on " + date);
        }
        return w;
    }
}
