package com.positionlab.engine.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.positionlab.engine.stats.Returns;

/**
 * A backtest day by day, each figure at the day's close after that day's trades. Day {@code d} is
 * {@code dates[d]}; every per-day array has {@link #size()} entries.
 *
 * @param dates          the trading days of the backtest
 * @param initialCapital the cash before day 0's trades
 * @param equity         {@code cash + sum units x close} after the day's trades, in currency
 * @param cash           cash after the day's interest and trades (negative when borrowing)
 * @param weights        {@code weights[d][i] = units x close / equity} after the day's trades
 * @param rebalanced     whether the schedule rebalanced on the day (the rule was asked for targets; a rebalance
 *                       can make no trade)
 * @param turnovers      the day's one-way turnover: {@code sum |trade value| / 2 / equity before trading}, 0 on
 *                       days without a rebalance
 * @param commissions    commission paid on the day
 * @param slippages      slippage paid on the day ({@link Trade#slippage()})
 * @param trades         every trade, by day then instrument
 */
public record BacktestResult(LocalDate[] dates, double initialCapital, double[] equity, double[] cash,
        double[][] weights, boolean[] rebalanced, double[] turnovers, double[] commissions, double[] slippages,
        List<Trade> trades) {

    public BacktestResult {
        int size = dates.length;
        if (size == 0 || equity.length != size || cash.length != size || weights.length != size
                || rebalanced.length != size || turnovers.length != size || commissions.length != size
                || slippages.length != size) {
            throw new IllegalArgumentException("every per-day array must hold one entry per date (" + size + ")");
        }
        dates = dates.clone();
        equity = equity.clone();
        cash = cash.clone();
        weights = deepCopy(weights);
        rebalanced = rebalanced.clone();
        turnovers = turnovers.clone();
        commissions = commissions.clone();
        slippages = slippages.clone();
        trades = TradeLog.copyOf(trades, dates);
    }

    /** The number of trading days. */
    public int size() {
        return dates.length;
    }

    /** Equity at the last close. */
    public double finalEquity() {
        return equity[equity.length - 1];
    }

    /** Equity on day {@code d}. */
    public double equityAt(int d) {
        return equity[d];
    }

    /** Equity on days {@code [from, to)}: the series {@code PerformanceStatistics} reads. */
    public double[] equity(int from, int to) {
        return Arrays.copyOfRange(equity, from, to);
    }

    /**
     * Simple daily returns {@code r[k] = equity[k + 1] / equity[k] - 1}, {@code size() - 1} of them. Day 0's costs
     * show against {@link #initialCapital()}, not here.
     */
    public double[] dailyReturns() {
        double[] r = new double[equity.length - 1];
        for (int k = 0; k < r.length; k++) {
            r[k] = equity[k + 1] / equity[k] - 1;
        }
        return r;
    }

    /** The weights on day {@code d} after trading (a copy). */
    public double[] weightsAt(int d) {
        return weights[d].clone();
    }

    /** The days the schedule rebalanced on, in order; day 0 always. */
    public List<LocalDate> rebalanceDates() {
        List<LocalDate> out = new ArrayList<>();
        for (int d = 0; d < rebalanced.length; d++) {
            if (rebalanced[d]) {
                out.add(dates[d]);
            }
        }
        return out;
    }

    /**
     * One-way turnover over the backtest: the sum over rebalances of {@code sum |trade value| / 2 / equity before
     * trading}. Buying a fully invested portfolio from cash on day 0 counts 0.5; replacing every holding counts 1.
     */
    public double turnover() {
        return sum(turnovers);
    }

    /**
     * {@link #turnover()} a year: {@code turnover x 252 / size()} ({@link Returns#TRADING_DAYS}). It includes day
     * 0's purchase; subtract {@code turnovers()[0]} for the turnover of rebalancing alone.
     */
    public double annualisedTurnover() {
        return turnover() * Returns.TRADING_DAYS / dates.length;
    }

    /** Commission paid over the backtest. */
    public double commission() {
        return sum(commissions);
    }

    /** Slippage paid over the backtest. */
    public double slippage() {
        return sum(slippages);
    }

    /** Commission plus slippage: what trading cost against free trades at the close. */
    public double costs() {
        return commission() + slippage();
    }

    /**
     * The first day on or after {@code splitDate}: where an out-of-sample part starts when days before the split
     * are in sample; {@link #size()} when the split is after the last day. In-sample is then
     * {@code slice(0, k)}, out-of-sample {@code slice(k, size())}. For return statistics that count every day's
     * return once, read the out-of-sample equity from the last in-sample close: {@code equity(k - 1, size())}.
     */
    public int splitIndex(LocalDate splitDate) {
        int k = Arrays.binarySearch(dates, splitDate);
        return k >= 0 ? k : -k - 1;
    }

    /**
     * Days {@code [from, to)} of this backtest as a backtest of their own: day {@code from} becomes day 0, its
     * initial capital is the equity at the close before ({@link #initialCapital()} when {@code from} is 0), and
     * the trades, turnover and costs are those of the days kept.
     */
    public BacktestResult slice(int from, int to) {
        if (from < 0 || to > dates.length || from >= to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + dates.length + " days");
        }
        LocalDate[] d = Arrays.copyOfRange(dates, from, to);
        return new BacktestResult(d, from == 0 ? initialCapital : equity[from - 1], Arrays.copyOfRange(equity, from, to),
                Arrays.copyOfRange(cash, from, to), Arrays.copyOfRange(weights, from, to),
                Arrays.copyOfRange(rebalanced, from, to), Arrays.copyOfRange(turnovers, from, to),
                Arrays.copyOfRange(commissions, from, to), Arrays.copyOfRange(slippages, from, to),
                ((TradeLog) trades).slice(from, to, d));
    }

    @Override
    public LocalDate[] dates() {
        return dates.clone();
    }

    @Override
    public double[] equity() {
        return equity.clone();
    }

    @Override
    public double[] cash() {
        return cash.clone();
    }

    /** Every day's weights (a copy of {@code size() x n} numbers; {@link #weightsAt} copies one day). */
    @Override
    public double[][] weights() {
        return deepCopy(weights);
    }

    @Override
    public boolean[] rebalanced() {
        return rebalanced.clone();
    }

    @Override
    public double[] turnovers() {
        return turnovers.clone();
    }

    @Override
    public double[] commissions() {
        return commissions.clone();
    }

    @Override
    public double[] slippages() {
        return slippages.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BacktestResult r && Arrays.equals(dates, r.dates)
                && Double.compare(initialCapital, r.initialCapital) == 0 && Arrays.equals(equity, r.equity)
                && Arrays.equals(cash, r.cash) && Arrays.deepEquals(weights, r.weights)
                && Arrays.equals(rebalanced, r.rebalanced) && Arrays.equals(turnovers, r.turnovers)
                && Arrays.equals(commissions, r.commissions) && Arrays.equals(slippages, r.slippages)
                && trades.equals(r.trades);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(equity) + Arrays.hashCode(dates);
    }

    @Override
    public String toString() {
        return "BacktestResult[" + dates[0] + ".." + dates[dates.length - 1] + ", " + dates.length + " days, final equity "
                + finalEquity() + ", " + trades.size() + " trades, turnover " + turnover() + ", costs " + costs() + "]";
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = rows[k].clone();
        }
        return out;
    }
}
