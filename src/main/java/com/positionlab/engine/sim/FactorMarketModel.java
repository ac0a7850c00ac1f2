package com.positionlab.engine.sim;

import java.util.SplittableRandom;

import com.positionlab.engine.task.Progress;

/**
 * A seeded factor model of daily log returns with volatility clustering:
 *
 * <pre>
 *   r[i,t] = drift[i] + beta[i] * m[t] + gamma[i] * s[sector(i), t] + e[i,t]
 * </pre>
 *
 * where the market factor m, each sector factor s and each idiosyncratic term e follow a GARCH(1,1)
 * process {@code x[t] = sigma[t] z[t]}, {@code sigma2[t] = omega + alpha x[t-1]^2 + beta sigma2[t-1]},
 * z standard normal, each started at its unconditional variance {@code omega / (1 - alpha - beta)}.
 * Same seed, same returns.
 */
public final class FactorMarketModel {

    /** GARCH(1,1) parameters of one daily factor; requires alpha + beta < 1. */
    public record Garch(double omega, double alpha, double beta) {
        public Garch {
            if (omega <= 0 || alpha < 0 || beta < 0 || alpha + beta >= 1) {
                throw new IllegalArgumentException("GARCH: need omega > 0, alpha, beta >= 0 and alpha + beta < 1");
            }
        }

        /** A GARCH process with the given annualised unconditional volatility and persistence. */
        public static Garch withAnnualVol(double annualVol, double alpha, double beta) {
            double dailyVar = annualVol * annualVol / 252.0;
            return new Garch(dailyVar * (1 - alpha - beta), alpha, beta);
        }

        public double unconditionalVariance() {
            return omega / (1 - alpha - beta);
        }
    }

    /** One asset's loadings: its sector index, market beta, sector loading, drift and idiosyncratic process. */
    public record Asset(int sector, double beta, double sectorLoading, double dailyDrift, Garch idiosyncratic) {
    }

    private final Garch market;
    private final Garch[] sectors;
    private final Asset[] assets;

    public FactorMarketModel(Garch market, Garch[] sectors, Asset[] assets) {
        this.market = market;
        this.sectors = sectors.clone();
        this.assets = assets.clone();
        for (Asset a : assets) {
            if (a.sector() < 0 || a.sector() >= sectors.length) {
                throw new IllegalArgumentException("asset sector " + a.sector() + " is not one of " + sectors.length);
            }
        }
    }

    /** Simulates {@code days} daily log returns; {@code result[t][i]} is asset i on day t. */
    public double[][] simulateLogReturns(int days, long seed, Progress progress) {
        SplittableRandom rng = new SplittableRandom(seed);
        GarchState m = new GarchState(market);
        GarchState[] s = new GarchState[sectors.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = new GarchState(sectors[k]);
        }
        GarchState[] e = new GarchState[assets.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = new GarchState(assets[i].idiosyncratic());
        }
        double[][] out = new double[days][assets.length];
        double[] sectorDraw = new double[sectors.length];
        for (int t = 0; t < days; t++) {
            if (t % 256 == 0) {
                progress.checkCancelled();
                progress.update((double) t / days, "Simulating prices");
            }
            double mt = m.next(rng);
            for (int k = 0; k < s.length; k++) {
                sectorDraw[k] = s[k].next(rng);
            }
            for (int i = 0; i < assets.length; i++) {
                Asset a = assets[i];
                out[t][i] = a.dailyDrift() + a.beta() * mt + a.sectorLoading() * sectorDraw[a.sector()] + e[i].next(rng);
            }
        }
        return out;
    }

    private static final class GarchState {
        private final Garch p;
        private double variance;
        private double last;

        GarchState(Garch p) {
            this.p = p;
            this.variance = p.unconditionalVariance();
        }

        double next(SplittableRandom rng) {
            variance = p.omega() + p.alpha() * last * last + p.beta() * variance;
            last = Math.sqrt(variance) * rng.nextGaussian();
            return last;
        }
    }
}
