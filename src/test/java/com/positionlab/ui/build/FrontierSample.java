package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.positionlab.ui.build.FrontierChart.Kind;
import com.positionlab.ui.build.FrontierChart.Marker;

/**
 * A made-up but realistic frontier chart input, from a seed: a hyperbolic frontier vol(r) = sqrt(s0^2 +
 * ((r - r0) / k)^2) sampled densely, {@code assets} assets scattered to its right with tickers, a cloud of
 * random portfolios inside it, the minimum volatility and maximum Sharpe portfolios (risk-free rate 3%) and a
 * current portfolio. All fractions.
 */
record FrontierSample(double[] curveVolatility, double[] curveReturn, List<Marker> markers, double riskFreeRate,
                      double maxSharpe, double[] cloudVolatility, double[] cloudReturn) {

    static final double MIN_VOLATILITY = 0.09;
    static final double MIN_VOLATILITY_RETURN = 0.07;
    private static final double SLOPE = 0.9;

    /** The frontier's volatility at expected return {@code r} (both fractions). */
    static double frontierVolatility(double r) {
        double d = (r - MIN_VOLATILITY_RETURN) / SLOPE;
        return Math.sqrt(MIN_VOLATILITY * MIN_VOLATILITY + d * d);
    }

    static FrontierSample of(int assets, int curvePoints, int cloudPoints, long seed) {
        Random random = new Random(seed);
        double rf = 0.03;
        double[] vol = new double[curvePoints];
        double[] ret = new double[curvePoints];
        int best = 0;
        for (int i = 0; i < curvePoints; i++) {
            ret[i] = MIN_VOLATILITY_RETURN + 0.25 * i / (curvePoints - 1);
            vol[i] = frontierVolatility(ret[i]);
            if ((ret[i] - rf) / vol[i] > (ret[best] - rf) / vol[best]) {
                best = i;
            }
        }
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < assets; i++) {
            double r = -0.03 + 0.33 * random.nextDouble();
            double v = frontierVolatility(Math.min(r, 0.32)) * (1.05 + 1.6 * random.nextDouble());
            markers.add(new Marker(ticker(random), v, r, Kind.ASSET));
        }
        markers.add(new Marker("Current", 0.17, 0.085, Kind.CURRENT));
        markers.add(new Marker("Min volatility", vol[0], ret[0], Kind.MIN_VOLATILITY));
        markers.add(new Marker("Max Sharpe", vol[best], ret[best], Kind.MAX_SHARPE));
        double[] cloudVol = new double[cloudPoints];
        double[] cloudRet = new double[cloudPoints];
        for (int i = 0; i < cloudPoints; i++) {
            cloudRet[i] = MIN_VOLATILITY_RETURN - 0.04 + 0.3 * random.nextDouble();
            cloudVol[i] = frontierVolatility(Math.min(cloudRet[i], 0.32)) * (1 + 0.5 * Math.abs(random.nextGaussian()));
        }
        return new FrontierSample(vol, ret, markers, rf, (ret[best] - rf) / vol[best], cloudVol, cloudRet);
    }

    private static String ticker(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** Shows this sample in {@code chart}. */
    void showIn(FrontierChart chart) {
        chart.setData(curveVolatility, curveReturn, markers, riskFreeRate, maxSharpe);
        chart.setCloud(cloudVolatility, cloudReturn);
    }
}
