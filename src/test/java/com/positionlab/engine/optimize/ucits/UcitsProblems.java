package com.positionlab.engine.optimize.ucits;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;

/**
 * Seeded random long-only problems with a factor covariance: {@code Sigma = B F B' + diag(d)} with three
 * factors (market loadings 0.5 to 1.5, two style factors of either sign), factor volatilities 16%, 8% and
 * 6%, idiosyncratic volatilities 10% to 35%; expected returns 2% plus 0.4 times the market beta times 6%,
 * plus noise of 3%; bounds [0, 1].
 */
final class UcitsProblems {

    private UcitsProblems() {
    }

    static PortfolioProblem factorModel(Random random, int n) {
        double[] factorVol = {0.16, 0.08, 0.06};
        double[][] b = new double[n][3];
        double[] mu = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b[i][0] = 0.5 + random.nextDouble();
            b[i][1] = random.nextGaussian();
            b[i][2] = random.nextGaussian();
            mu[i] = 0.02 + 0.4 * b[i][0] * 0.06 + 0.03 * random.nextGaussian();
            names.add("A" + i);
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int f = 0; f < 3; f++) {
                    s += b[i][f] * b[j][f] * factorVol[f] * factorVol[f];
                }
                cov[i][j] = s;
            }
            double idio = 0.10 + 0.25 * random.nextDouble();
            cov[i][i] += idio * idio;
        }
        return PortfolioProblem.simple(names, mu, cov, 0, 1);
    }
}
