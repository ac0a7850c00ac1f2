package com.positionlab.engine.backtest.trades;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.positionlab.engine.kelly.EdgeConfig;

/** Trade sequences for the replay tests: hand-made ones and seeded random ones, one a day. */
final class TradeSequences {

    static final long T0 = 1_700_000_000L;
    static final long DAY = 86_400L;
    static final SequenceSettings THOUSAND = new SequenceSettings(1_000, 0);
    /** The Kelly Lab's configuration with a minimum of 5 trades, so hand examples stay short. */
    static final EdgeConfig FIVE_TRADES = new EdgeConfig(5, 20, 30, 0.02, 0.95, 2000, 42);

    private TradeSequences() {
    }

    /** Trades without stops with these returns, one a day. */
    static List<ClosedTrade> returns(double... r) {
        List<ClosedTrade> out = new ArrayList<>();
        for (int k = 0; k < r.length; k++) {
            out.add(new ClosedTrade(r[k], T0 + k * DAY));
        }
        return out;
    }

    /** Trades with these returns and stops (pairs return, stop), one a day. */
    static List<ClosedTrade> withStops(double... returnAndStop) {
        List<ClosedTrade> out = new ArrayList<>();
        for (int k = 0; k < returnAndStop.length / 2; k++) {
            out.add(new ClosedTrade(returnAndStop[2 * k], returnAndStop[2 * k + 1], T0 + k * DAY));
        }
        return out;
    }

    /**
     * n seeded trades with stops: a win with probability 0.55 returns 1% to 6%, a loss loses 1% to its stop
     * (the stop 1% to 4% away) or, one time in five, twice the stop (a gap through it).
     */
    static List<ClosedTrade> random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ClosedTrade> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double stop = 0.01 + 0.03 * rnd.nextDouble();
            double r;
            if (rnd.nextDouble() < 0.55) {
                r = 0.01 + 0.05 * rnd.nextDouble();
            } else {
                r = -stop * (rnd.nextDouble() < 0.2 ? 2 : 1);
            }
            out.add(new ClosedTrade(r, stop, T0 + k * DAY));
        }
        return out;
    }

    /** n seeded trades taking only two values: +3% with probability 0.55, else -2%. */
    static List<ClosedTrade> twoValued(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] r = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = rnd.nextDouble() < 0.55 ? 0.03 : -0.02;
        }
        return returns(r);
    }
}
