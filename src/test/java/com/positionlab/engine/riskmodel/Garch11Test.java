package com.positionlab.engine.riskmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The GARCH(1,1) fit: it recovers simulated parameters within their standard errors, the point it reports is a
 * maximum of an independent implementation of arch's likelihood, its log-likelihood and forecast equal that
 * implementation's, and on a reference series it matches (to the optimiser's tolerance) an independent fit
 * with scipy's SLSQP, the optimiser arch uses, of the same likelihood.
 */
class Garch11Test {

    private static final double OMEGA = 2e-6;
    private static final double ALPHA = 0.08;
    private static final double BETA = 0.90;
    private static final double MU = 3e-4;

    /** Summing a few thousand terms of magnitude about 10 loses about this much. */
    private static final double ROUNDING = 1e-9;
    private static final double STANDARD_ERRORS = 4;

    @Test
    void recoversTheTrueParametersOfALongSimulatedSeries() {
        double[] r = Garch11.simulate(OMEGA, ALPHA, BETA, MU, 20_000, 11);
        GarchFit fit = Garch11.fit(r);
        double[] se = standardErrors(r, fit);
        // omega, alpha, beta, mu: the estimates must lie within 4 standard errors of the truth...
        assertThat(fit.omega()).isCloseTo(OMEGA, within(STANDARD_ERRORS * se[0]));
        assertThat(fit.alpha()).isCloseTo(ALPHA, within(STANDARD_ERRORS * se[1]));
        assertThat(fit.beta()).isCloseTo(BETA, within(STANDARD_ERRORS * se[2]));
        assertThat(fit.mu()).isCloseTo(MU, within(STANDARD_ERRORS * se[3]));
        // ...and those standard errors are small enough for that to mean something
        assertThat(se[0] / OMEGA).isLessThan(0.2);
        assertThat(se[1]).isLessThan(0.01);
        assertThat(se[2]).isLessThan(0.01);
        assertThat(fit.observations()).isEqualTo(20_000);
    }

    @Test
    void theReportedPointIsAMaximum() {
        for (long seed = 1; seed <= 5; seed++) {
            assertIsAMaximum("seed " + seed, Garch11.simulate(OMEGA, ALPHA, BETA, MU, 1250, seed));
        }
    }

    @Test
    void maximaOnTheBoundaryAreMaximaToo() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] noise = new double[500];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.01 * rng.nextGaussian();
        }
        assertThat(Garch11.fit(noise).alpha()).isZero();
        assertIsAMaximum("white noise", noise);
        double[] crash = Garch11.simulate(OMEGA, ALPHA, BETA, MU, 1500, 8);
        crash[500] = -0.25;
        assertThat(Garch11.fit(crash).alpha()).isZero();
        assertIsAMaximum("one crash", crash);
    }

    /**
     * No feasible move of one parameter by a small step raises the log-likelihood: steps of 1e-6, 1e-4 and 1e-2
     * relative for omega and mu, absolute for alpha and beta (which may sit at zero).
     */
    private static void assertIsAMaximum(String series, double[] r) {
        GarchFit fit = Garch11.fit(r);
        double[] p = {fit.omega(), fit.alpha(), fit.beta(), fit.mu()};
        double[] unit = {fit.omega(), 1, 1, Math.abs(fit.mu())};
        double best = logLikelihood(r, p);
        for (int j = 0; j < 4; j++) {
            for (double step : new double[] {1e-6, 1e-4, 1e-2}) {
                for (int sign : new int[] {-1, 1}) {
                    double[] q = p.clone();
                    q[j] += sign * step * unit[j];
                    if (q[0] > 0 && q[1] >= 0 && q[2] >= 0 && q[1] + q[2] < 1) {
                        assertThat(logLikelihood(r, q)).as("%s, parameter %d, step %s", series, j, sign * step)
                                .isLessThanOrEqualTo(best + ROUNDING);
                    }
                }
            }
        }
    }

    @Test
    void logLikelihoodAndForecastEqualAnIndependentRecomputation() {
        double[] r = Garch11.simulate(OMEGA, ALPHA, BETA, MU, 1250, 3);
        GarchFit fit = Garch11.fit(r);
        double[] p = {fit.omega(), fit.alpha(), fit.beta(), fit.mu()};
        assertThat(fit.logLikelihood()).isCloseTo(logLikelihood(r, p), within(ROUNDING));
        assertThat(Garch11.logLikelihood(r, fit.omega(), fit.alpha(), fit.beta(), fit.mu()))
                .isCloseTo(logLikelihood(r, p), within(ROUNDING));
        double[] s2 = conditionalVariances(r, p);
        int last = r.length - 1;
        double eps = r[last] - fit.mu();
        double forecast = fit.omega() + fit.alpha() * eps * eps + fit.beta() * s2[last];
        assertThat(fit.forecastVolatility()).isCloseTo(Math.sqrt(forecast), within(1e-15));
        assertThat(fit.annualisedForecast(252)).isCloseTo(Math.sqrt(forecast * 252), within(1e-14));
    }

    @Test
    void matchesAnIndependentScipyFitOfArchsLikelihood() throws IOException {
        double[] r = readReference();
        GarchFit fit = Garch11.fit(r);
        // scipy.optimize.minimize(method='SLSQP', ftol=1e-12) on the same likelihood of 100 r, from arch's
        // 16 starting values, transformed back; our maximum may only be higher
        assertThat(fit.mu()).isCloseTo(4.6786960361464393e-4, within(1e-9));
        assertThat(fit.omega()).isCloseTo(2.480261683403607e-6, within(1e-11));
        assertThat(fit.alpha()).isCloseTo(0.06341036248462892, within(1e-6));
        assertThat(fit.beta()).isCloseTo(0.9066652747362304, within(1e-6));
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(4147.895708305383 - ROUNDING);
        assertThat(fit.logLikelihood()).isCloseTo(4147.895708305383, within(1e-6));
    }

    @Test
    void varUsesTheForecastVolatility() {
        GarchFit fit = new GarchFit(2e-6, 0.08, 0.9, 0.0004, 0, 0.012, 1000);
        VarEstimate v = fit.var(0.99);
        assertThat(v).isEqualTo(ParametricVar.normal(0.0004, 0.012, 0.99));
        assertThat(fit.unconditionalVariance()).isCloseTo(1e-4, within(1e-18));
    }

    @Test
    void whiteNoiseFitsWithLittleVolatilityClustering() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] r = new double[1000];
        for (int i = 0; i < r.length; i++) {
            r[i] = 0.01 * rng.nextGaussian();
        }
        GarchFit fit = Garch11.fit(r);
        assertThat(fit.alpha()).isBetween(0.0, 0.02);
        assertThat(fit.alpha() + fit.beta()).isLessThan(1);
        assertThat(fit.forecastVolatility()).isBetween(0.008, 0.012);
    }

    @Test
    void nearlyIntegratedSeriesStayStationary() {
        double[] r = Garch11.simulate(1e-7, 0.1, 0.8995, 0, 3000, 4);
        GarchFit fit = Garch11.fit(r);
        assertThat(fit.alpha() + fit.beta()).isLessThan(1);
        assertThat(fit.omega()).isPositive();
    }

    @Test
    void fitIsDeterministicAndScaleEquivariant() {
        double[] r = Garch11.simulate(OMEGA, ALPHA, BETA, MU, 1250, 6);
        GarchFit a = Garch11.fit(r);
        assertThat(Garch11.fit(r)).isEqualTo(a);
        double[] percent = Arrays.stream(r).map(v -> 100 * v).toArray();
        GarchFit b = Garch11.fit(percent);
        assertThat(b.alpha()).isCloseTo(a.alpha(), within(1e-6));
        assertThat(b.beta()).isCloseTo(a.beta(), within(1e-6));
        assertThat(b.omega() / 1e4).isCloseTo(a.omega(), within(1e-6 * a.omega()));
        assertThat(b.logLikelihood()).isCloseTo(a.logLikelihood() - r.length * Math.log(100), within(1e-6));
    }

    @Test
    void simulationIsSeededAndChecked() {
        assertThat(Garch11.simulate(OMEGA, ALPHA, BETA, MU, 50, 1)).containsExactly(
                Garch11.simulate(OMEGA, ALPHA, BETA, MU, 50, 1));
        assertThatThrownBy(() -> Garch11.simulate(OMEGA, 0.2, 0.8, MU, 50, 1))
                .hasMessage("beta: alpha + beta must be below 1, got 1.0");
        assertThatThrownBy(() -> Garch11.simulate(0, ALPHA, BETA, MU, 50, 1)).hasMessageStartingWith("omega:");
    }

    @Test
    void refusesShortConstantOrNonFiniteSeries() {
        assertThatThrownBy(() -> Garch11.fit(new double[99])).hasMessage("returns: need at least 100 returns, got 99");
        assertThatThrownBy(() -> Garch11.fit(new double[150]))
                .hasMessageStartingWith("returns: do not vary");
        double[] r = Garch11.simulate(OMEGA, ALPHA, BETA, MU, 200, 1);
        r[17] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Garch11.fit(r)).hasMessageStartingWith("returns: value 18 is Infinity");
    }

    /** arch's backcast, weights normalised first, as written in arch.univariate.volatility.GARCH.backcast. */
    private static double backcast(double[] r) {
        double mean = Arrays.stream(r).average().orElseThrow();
        int tau = Math.min(75, r.length);
        double[] w = new double[tau];
        double total = 0;
        for (int i = 0; i < tau; i++) {
            w[i] = Math.pow(0.94, i);
            total += w[i];
        }
        double b = 0;
        for (int i = 0; i < tau; i++) {
            b += w[i] / total * (r[i] - mean) * (r[i] - mean);
        }
        return b;
    }

    /** sigma2_t for p = (omega, alpha, beta, mu). */
    private static double[] conditionalVariances(double[] r, double[] p) {
        double b = backcast(r);
        double[] s2 = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            double e2 = t == 0 ? b : (r[t - 1] - p[3]) * (r[t - 1] - p[3]);
            s2[t] = p[0] + p[1] * e2 + p[2] * (t == 0 ? b : s2[t - 1]);
        }
        return s2;
    }

    private static double logLikelihood(double[] r, double[] p) {
        double[] s2 = conditionalVariances(r, p);
        double ll = 0;
        for (int t = 0; t < r.length; t++) {
            double e = r[t] - p[3];
            ll += -0.5 * (Math.log(2 * Math.PI) + Math.log(s2[t]) + e * e / s2[t]);
        }
        return ll;
    }

    /** Square roots of the diagonal of the inverse of minus the Hessian, by central second differences. */
    private static double[] standardErrors(double[] r, GarchFit fit) {
        double[] p = {fit.omega(), fit.alpha(), fit.beta(), fit.mu()};
        double[] h = new double[4];
        for (int j = 0; j < 4; j++) {
            h[j] = 1e-3 * Math.abs(p[j]);
        }
        double[][] hessian = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                hessian[i][j] = (shifted(r, p, i, h[i], j, h[j]) - shifted(r, p, i, h[i], j, -h[j])
                        - shifted(r, p, i, -h[i], j, h[j]) + shifted(r, p, i, -h[i], j, -h[j])) / (4 * h[i] * h[j]);
            }
        }
        RealMatrix information = new Array2DRowRealMatrix(hessian).scalarMultiply(-1);
        RealMatrix covariance = new LUDecomposition(information).getSolver().getInverse();
        double[] se = new double[4];
        for (int j = 0; j < 4; j++) {
            se[j] = Math.sqrt(covariance.getEntry(j, j));
        }
        return se;
    }

    private static double shifted(double[] r, double[] p, int i, double di, int j, double dj) {
        double[] q = p.clone();
        q[i] += di;
        q[j] += dj;
        return logLikelihood(r, q);
    }

    private static double[] readReference() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Garch11Test.class.getResourceAsStream("garch-1250.csv"), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();
        }
    }
}
