package com.positionlab.engine.backtest;

import static com.positionlab.engine.InvalidParameterException.finite;
import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

import com.positionlab.engine.InvalidParameterException;

/**
 * A walk-forward backtest of a {@link WeightRule} on a {@link PriceHistory}.
 *
 * <p>The backtest runs over the trading days in {@code [start, end]}; the first of them is day 0, on whose close
 * the portfolio, all cash until then, first trades. Prices before {@code start} are history the rule may look
 * back on. Trading costs are proportional: with {@code c = costBps / 10^4} and {@code s = slippageBps / 10^4}, a
 * buy of {@code q} units at close {@code p} executes at {@code p (1 + s)}, a sale at {@code p (1 - s)}, and
 * either pays a commission of {@code c x q x execution price}; see {@link Backtester} for how trades are sized.
 *
 * @param history        the closes the backtest runs on
 * @param start          first calendar day of the backtest (inclusive)
 * @param end            last calendar day of the backtest (inclusive)
 * @param initialCapital cash at the start, before day 0's close, &gt; 0 (the currency of the prices)
 * @param schedule       when the portfolio trades back to the rule's targets
 * @param lookback       trading days of prices the rule sees at each rebalance, today included, &gt;= 1
 * @param costBps        commission in basis points of traded value, in [0, {@value #MAX_BPS}]
 * @param slippageBps    slippage in basis points of the close, in [0, {@value #MAX_BPS}]
 * @param cashRate       interest per trading day on cash (and on borrowed cash, which pays it), a fraction in
 *                       [-0.01, 0.01]: 0.0001 is one basis point a day
 * @param lotSizes       null for fractional units; otherwise units per lot for each instrument (positions are then
 *                       whole lots; 0 leaves that instrument fractional)
 */
public record BacktestRequest(PriceHistory history, LocalDate start, LocalDate end, double initialCapital,
        RebalanceSchedule schedule, int lookback, double costBps, double slippageBps, double cashRate,
        double[] lotSizes) {

    /** Upper bound on the commission and on the slippage, in basis points (10%). */
    public static final double MAX_BPS = 1000;
    /**
     * Upper bound on a rule's gross exposure {@code sum |w|} (400% of equity). With costs at most
     * {@value #MAX_BPS} bps each, the costs of any rebalance stay below its equity, so trade sizes are well defined.
     */
    public static final double MAX_GROSS_EXPOSURE = 4;

    public BacktestRequest {
        if (history == null) {
            throw new InvalidParameterException("history", "must be given");
        }
        if (start == null) {
            throw new InvalidParameterException("start", "must be given");
        }
        if (end == null) {
            throw new InvalidParameterException("end", "must be given");
        }
        if (end.isBefore(start)) {
            throw new InvalidParameterException("end", "must not be before start (" + start + "), got " + end);
        }
        if (history.firstOnOrAfter(start) > history.lastOnOrBefore(end)) {
            throw new InvalidParameterException("start", "no trading day between " + start + " and " + end);
        }
        positive("initial_capital", initialCapital);
        if (schedule == null) {
            throw new InvalidParameterException("schedule", "must be given");
        }
        if (lookback < 1) {
            throw new InvalidParameterException("lookback", "must be at least 1 trading day, got " + lookback);
        }
        inRange("cost_bps", costBps, 0, MAX_BPS);
        inRange("slippage_bps", slippageBps, 0, MAX_BPS);
        inRange("cash_rate", cashRate, -0.01, 0.01);
        lotSizes = validLots(lotSizes, history.instruments());
    }

    private static double[] validLots(double[] lots, int n) {
        if (lots == null) {
            return null;
        }
        if (lots.length != n) {
            throw new InvalidParameterException("lot_sizes", "must hold one lot size per instrument (" + n + "), got "
                    + lots.length);
        }
        double[] copy = lots.clone();
        for (double lot : copy) {
            finite("lot_sizes", lot);
            if (lot < 0) {
                throw new InvalidParameterException("lot_sizes", "must not be negative, got " + lot);
            }
        }
        return copy;
    }

    /** No costs, no interest, fractional units. */
    public static BacktestRequest of(PriceHistory history, LocalDate start, LocalDate end, double initialCapital,
            RebalanceSchedule schedule, int lookback) {
        return new BacktestRequest(history, start, end, initialCapital, schedule, lookback, 0, 0, 0, null);
    }

    public BacktestRequest withCosts(double newCostBps, double newSlippageBps) {
        return new BacktestRequest(history, start, end, initialCapital, schedule, lookback, newCostBps, newSlippageBps,
                cashRate, lotSizes);
    }

    public BacktestRequest withCashRate(double newCashRate) {
        return new BacktestRequest(history, start, end, initialCapital, schedule, lookback, costBps, slippageBps,
                newCashRate, lotSizes);
    }

    public BacktestRequest withLotSizes(double[] newLotSizes) {
        return new BacktestRequest(history, start, end, initialCapital, schedule, lookback, costBps, slippageBps,
                cashRate, newLotSizes);
    }

    public BacktestRequest withSchedule(RebalanceSchedule newSchedule) {
        return new BacktestRequest(history, start, end, initialCapital, newSchedule, lookback, costBps, slippageBps,
                cashRate, lotSizes);
    }

    public BacktestRequest withLookback(int newLookback) {
        return new BacktestRequest(history, start, end, initialCapital, schedule, newLookback, costBps, slippageBps,
                cashRate, lotSizes);
    }

    public BacktestRequest withPeriod(LocalDate newStart, LocalDate newEnd) {
        return new BacktestRequest(history, newStart, newEnd, initialCapital, schedule, lookback, costBps, slippageBps,
                cashRate, lotSizes);
    }

    /** Day 0 of the backtest as a row of the history. */
    public int firstDay() {
        return history.firstOnOrAfter(start);
    }

    /** The backtest's last day as a row of the history. */
    public int lastDay() {
        return history.lastOnOrBefore(end);
    }

    /** A copy of the lot sizes, or null for fractional units. */
    @Override
    public double[] lotSizes() {
        return lotSizes == null ? null : lotSizes.clone();
    }

    /** Units per lot of instrument {@code i}; 0 when its units are fractional. */
    double lotSize(int i) {
        return lotSizes == null ? 0 : lotSizes[i];
    }

    /** Equal when every parameter is and the history is the same object (immutable, and too large to compare). */
    @Override
    public boolean equals(Object o) {
        return o instanceof BacktestRequest r && history == r.history && start.equals(r.start) && end.equals(r.end)
                && Double.compare(initialCapital, r.initialCapital) == 0 && schedule.equals(r.schedule)
                && lookback == r.lookback && Double.compare(costBps, r.costBps) == 0
                && Double.compare(slippageBps, r.slippageBps) == 0 && Double.compare(cashRate, r.cashRate) == 0
                && Arrays.equals(lotSizes, r.lotSizes);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(history, start, end, initialCapital, schedule, lookback, costBps,
                slippageBps, cashRate) + Arrays.hashCode(lotSizes);
    }

    @Override
    public String toString() {
        return "BacktestRequest[" + start + ".." + end + ", capital=" + initialCapital + ", " + schedule
                + ", lookback=" + lookback + ", cost_bps=" + costBps + ", slippage_bps=" + slippageBps
                + ", cash_rate=" + cashRate + ", lot_sizes=" + Arrays.toString(lotSizes) + "]";
    }
}
