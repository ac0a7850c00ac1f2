package com.positionlab.ui.build;

import java.util.Arrays;
import java.util.List;

import com.positionlab.ui.build.FrontierChart.Kind;
import com.positionlab.ui.build.FrontierChart.Marker;

/**
 * What the frontier chart shows, all as fractions (volatility annual, expected return annual, 0.12 = 12%):
 * the frontier polyline ordered by rising return, the labelled markers, the capital market line from
 * (0, {@code riskFreeRate}) with slope {@code maxSharpe} (a ratio; NaN for none), and a cloud of random
 * portfolios. The arrays are the chart's own copies and are never changed.
 */
record FrontierData(double[] curveVolatility, double[] curveReturn, List<Marker> markers, double riskFreeRate,
                    double maxSharpe, double[] cloudVolatility, double[] cloudReturn) {

    /** Nothing to show. */
    static final FrontierData EMPTY = new FrontierData(new double[0], new double[0], List.of(), Double.NaN, Double.NaN,
            new double[0], new double[0]);

    /** The same data with another cloud. */
    FrontierData withCloud(double[] volatility, double[] expectedReturn) {
        return new FrontierData(curveVolatility, curveReturn, markers, riskFreeRate, maxSharpe, volatility, expectedReturn);
    }

    boolean isEmpty() {
        return curveVolatility.length == 0 && markers.isEmpty();
    }

    /** Whether the capital market line is drawn: both the risk-free rate and the maximum Sharpe ratio known. */
    boolean hasCapitalMarketLine() {
        return Double.isFinite(riskFreeRate) && Double.isFinite(maxSharpe);
    }

    boolean has(Kind kind) {
        return markers.stream().anyMatch(m -> m.kind() == kind);
    }

    /** The window the view resets to: the curve and every marker, padded (the cloud and the line may run outside). */
    ChartGeometry.Window fit(Marker selected) {
        int n = curveVolatility.length;
        int extra = selected == null ? 0 : 1;
        double[] xs = new double[n + markers.size() + extra];
        double[] ys = new double[xs.length];
        System.arraycopy(curveVolatility, 0, xs, 0, n);
        System.arraycopy(curveReturn, 0, ys, 0, n);
        for (int i = 0; i < markers.size(); i++) {
            xs[n + i] = markers.get(i).volatility();
            ys[n + i] = markers.get(i).expectedReturn();
        }
        if (selected != null) {
            xs[xs.length - 1] = selected.volatility();
            ys[ys.length - 1] = selected.expectedReturn();
        }
        return ChartGeometry.fit(xs, ys, 0.02);
    }

    /** The pairs (xs[i], ys[i]) with both coordinates finite, as two fresh arrays. */
    static double[][] finitePairs(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("volatility and return arrays differ in length: " + xs.length + " and "
                    + ys.length);
        }
        int n = 0;
        double[][] out = {new double[xs.length], new double[xs.length]};
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                out[0][n] = xs[i];
                out[1][n++] = ys[i];
            }
        }
        return new double[][] {Arrays.copyOf(out[0], n), Arrays.copyOf(out[1], n)};
    }
}
