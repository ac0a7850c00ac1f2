package com.positionlab.service.backtest;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.backtest.BacktestResult;
import com.positionlab.engine.backtest.stats.PerformanceStatistics;
import com.positionlab.engine.stats.Returns;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestResponse.BenchmarkOut;
import com.positionlab.service.backtest.BacktestResponse.Point;

/** A backtest against its benchmark series: the series held whole, and the strategy's active figures. */
final class Benchmarks {

    private Benchmarks() {
    }

    /** Null without a benchmark series. */
    static BenchmarkOut of(BacktestData data, BacktestResult r, int offset, double rfDaily) {
        BacktestData.Benchmark b = data.benchmark();
        if (b == null) {
            return null;
        }
        double[] x = b.prices();
        if (!(x[offset] > 0)) {
            throw new ValidationException("benchmark.ticker", b.ticker() + " has no price on the first day, "
                    + r.dates()[0]);
        }
        int n = r.size();
        double[] curve = new double[n];
        List<Point> points = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            double price = x[offset + d] > 0 ? x[offset + d] : x[offset + d - 1];
            curve[d] = r.equityAt(0) * price / x[offset];
            points.add(new Point(r.dates()[d], curve[d]));
        }
        double[] diff = new double[n - 1];
        for (int d = 1; d < n; d++) {
            diff[d - 1] = r.equityAt(d) / r.equityAt(d - 1) - curve[d] / curve[d - 1];
        }
        double tracking = Returns.annualisedVolatility(diff, Returns.TRADING_DAYS);
        double mean = Returns.mean(diff);
        var p = PerformanceStatistics.of(curve, rfDaily);
        var statistics = new BacktestResponse.Statistics(p.totalReturn(), p.cagr(), p.volatility(), p.sharpe(),
                p.sortino(), p.calmar(), p.maxDrawdown(), p.maxDrawdownDays(), 0, 0, p.hitRate(), n - 1);
        double active = r.finalEquity() / r.equityAt(0) - 1 - p.totalReturn();
        return new BenchmarkOut(b.ticker(), points, statistics, active, tracking, mean * 252 / tracking);
    }
}
