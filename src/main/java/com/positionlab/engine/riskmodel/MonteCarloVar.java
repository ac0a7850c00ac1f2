package com.positionlab.engine.riskmodel;

import java.util.SplittableRandom;

/** Stand-in; replaced by the full implementation. */
public final class MonteCarloVar {
    private MonteCarloVar() {
    }

    public static double[] portfolioScenarios(double[] mean, double[][] covariance, double[] weights, int n, long seed) {
        int k = mean.length;
        double mu = 0;
        double var = 0;
        for (int i = 0; i < k; i++) {
            mu += weights[i] * mean[i];
            for (int j = 0; j < k; j++) {
                var += weights[i] * weights[j] * covariance[i][j];
            }
        }
        double sd = Math.sqrt(Math.max(var, 0));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int s = 0; s < n; s++) {
            double u1 = rnd.nextDouble();
            double u2 = rnd.nextDouble();
            out[s] = mu + sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return out;
    }
}
