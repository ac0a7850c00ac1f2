package com.positionlab.engine.backtest;

/**
 * The holdings of a running backtest (units per instrument and cash) and the trades that take them to target
 * weights at a close. The sizing rule is documented on {@link Backtester}.
 */
final class Portfolio {

    /** Trades smaller than this fraction of equity are floating-point residue of an unchanged target: not made. */
    static final double DUST = 1e-12;
    /** A target within this fraction of a lot below a whole number of lots counts as that number of lots. */
    static final double LOT_TOLERANCE = 1e-9;
    private static final int MAX_ITERATIONS = 100;

    private final double[] units;
    private final double[] values;
    private final double[] lots;
    private final double commissionRate;
    private final double slippageRate;
    /** Cost per unit of close value bought: slippage plus commission on the execution price. */
    private final double buyCost;
    /** Cost per unit of close value sold. */
    private final double sellCost;
    private double cash;
    private double dayCommission;
    private double daySlippage;

    Portfolio(BacktestRequest request) {
        int n = request.history().instruments();
        units = new double[n];
        values = new double[n];
        lots = new double[n];
        for (int i = 0; i < n; i++) {
            lots[i] = request.lotSize(i);
        }
        commissionRate = request.costBps() / 10_000;
        slippageRate = request.slippageBps() / 10_000;
        buyCost = slippageRate + commissionRate * (1 + slippageRate);
        sellCost = slippageRate + commissionRate * (1 - slippageRate);
        cash = request.initialCapital();
    }

    double cash() {
        return cash;
    }

    double dayCommission() {
        return dayCommission;
    }

    double daySlippage() {
        return daySlippage;
    }

    /** A day's interest: {@code cash <- cash x (1 + rate)}. */
    void accrue(double rate) {
        if (rate != 0) {
            cash *= 1 + rate;
        }
    }

    /** Values the holdings at {@code close} and returns the equity {@code cash + sum units x close}. */
    double markToMarket(double[] close) {
        double equity = cash;
        for (int i = 0; i < units.length; i++) {
            double v = units[i] == 0 ? 0 : units[i] * close[i];
            values[i] = v;
            equity += v;
        }
        return equity;
    }

    /** The weights {@code units x close / equity} at the last {@link #markToMarket}. */
    double[] weights(double equity) {
        double[] w = new double[values.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = values[i] == 0 ? 0 : values[i] / equity;
        }
        return w;
    }

    /** Whether some weight at the last {@link #markToMarket} differs from its target by more than {@code band}. */
    boolean driftsBeyond(double equity, double[] target, double band) {
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i] / equity - target[i]) > band) {
                return true;
            }
        }
        return false;
    }

    /**
     * Trades at {@code close} to {@code target} weights of the equity left after the trades' costs, rounds to lots,
     * and records the trades as day {@code day}. Needs a {@link #markToMarket} at {@code close} just before. Makes
     * no trade when the costs of reaching the targets would exceed the equity.
     *
     * @return the one-way turnover {@code sum |value| / 2 / equity}
     */
    double rebalance(int day, double[] close, double equity, double[] target, TradeLog.Builder log) {
        dayCommission = 0;
        daySlippage = 0;
        double invest = postCostEquity(equity, target);
        if (!(invest > 0)) {
            return 0; // the costs of reaching the targets would exceed the equity: no trade
        }
        double traded = 0;
        for (int i = 0; i < units.length; i++) {
            double want = target[i] == 0 ? 0 : target[i] * invest / close[i];
            if (lots[i] > 0) {
                want = Math.signum(want) * Math.floor(Math.abs(want) / lots[i] + LOT_TOLERANCE) * lots[i];
            }
            double q = want - units[i];
            if (q == 0 || want != 0 && Math.abs(q * close[i]) <= DUST * equity) {
                continue;
            }
            double price = q > 0 ? close[i] * (1 + slippageRate) : close[i] * (1 - slippageRate);
            double value = q * price;
            double commission = Math.abs(value) * commissionRate;
            double slippage = Math.abs(q) * close[i] * slippageRate;
            cash -= value + commission;
            units[i] = want;
            traded += Math.abs(value);
            dayCommission += commission;
            daySlippage += slippage;
            log.add(day, i, q, close[i], price, commission, slippage);
        }
        return traded / 2 / equity;
    }

    /**
     * The equity {@code x} after a rebalance's costs when every instrument is traded to {@code target[i] x}: the
     * root of {@code x + sum_i k_i |w_i x - h_i| = E}, {@code h_i} the holding's value before trading and
     * {@code k_i} the buy or sell cost per unit of close value. The left side is convex, piecewise linear and
     * increasing ({@code sum k |w| < 1}), so Newton's method, exact on each linear piece, reaches the root in a
     * few steps.
     */
    private double postCostEquity(double equity, double[] target) {
        if (buyCost == 0 && sellCost == 0) {
            return equity;
        }
        double x = equity;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double slope = 0;
            double offset = 0;
            for (int i = 0; i < values.length; i++) {
                double d = target[i] * x - values[i];
                if (d > 0) {
                    slope += buyCost * target[i];
                    offset += buyCost * values[i];
                } else if (d < 0) {
                    slope -= sellCost * target[i];
                    offset -= sellCost * values[i];
                }
            }
            double next = (equity + offset) / (1 + slope);
            if (next == x) {
                break;
            }
            x = next;
        }
        return x;
    }
}
