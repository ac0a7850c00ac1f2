package com.positionlab.engine.backtest.trades;

import java.util.Arrays;

/**
 * The trades closed before the one being sized: their returns net of cost, their replayed P&amp;Ls and the equity
 * they leave. A {@link TradeSizer} sees only this and the next trade's stop, so it cannot look ahead.
 */
final class PriorTrades {

    private final double initialCapital;
    private final double[] netReturns;
    private final double[] pnl;
    private int count;
    private double equity;

    PriorTrades(double initialCapital, int capacity) {
        this.initialCapital = initialCapital;
        this.netReturns = new double[capacity];
        this.pnl = new double[capacity];
        this.equity = initialCapital;
    }

    double initialCapital() {
        return initialCapital;
    }

    /** Number of prior trades. */
    int count() {
        return count;
    }

    /** {@code E_0 + pnl_1 + ... + pnl_count}, account currency. */
    double equity() {
        return equity;
    }

    /** A copy of the prior returns net of cost, in exit order. */
    double[] netReturns() {
        return Arrays.copyOf(netReturns, count);
    }

    /** A copy of the prior replayed P&amp;Ls (account currency), in exit order. */
    double[] pnl() {
        return Arrays.copyOf(pnl, count);
    }

    /** Records a closed trade. */
    void add(double netReturn, double tradePnl) {
        netReturns[count] = netReturn;
        pnl[count] = tradePnl;
        count++;
        equity += tradePnl;
    }
}
