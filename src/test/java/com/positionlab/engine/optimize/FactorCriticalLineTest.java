package com.positionlab.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The critical line through the structure of a factor-model covariance {@code B F B' + D} gives the frontier
 * of the same covariance as a dense matrix: on seeded random factor models (2 to 300 assets, 1 to 5 factors,
 * a tenth of the assets with specific variances about 30 times smaller than the rest) of six kinds (long only
 * with caps, tied expected returns, sector caps and a floor, long-short, market neutral, an equality row),
 * the same turning points, weights to 1e-9 and lambdas to a relative 1e-9.
 */
@Tag("slow")
class FactorCriticalLineTest {

    /** Weights agree to this (weight units). */
    static final double WEIGHTS = 1e-9;
    /** Lambdas agree to this, relative. */
    static final double LAMBDAS = 1e-9;
    /**
     * ... or to this fraction of the lambda unit (the largest variance over the largest |mean|): near lambda = 0
     * the explicit inverse's round-off in lambda, about 1e-13 of that unit, exceeds a relative 1e-9.
     */
    static final double LAMBDA_FLOOR = 1e-11;
    /** The products with the factor form agree with the dense matrix's to this (variance units). */
    static final double PRODUCTS = 1e-15;

    static final String[] KINDS = {"long only", "tied means", "sector rows", "long-short", "market neutral",
        "equality row"};

    /** A random factor model: loadings N(0, 0.2^2), F = G G'/k, specific variances in [0.01, 0.05]. */
    private static FactorCovariance model(Random rnd, int n, int k, double smallShare) {
        double[][] b = new double[n][k];
        for (double[] row : b) {
            for (int a = 0; a < k; a++) {
                row[a] = 0.2 * rnd.nextGaussian();
            }
        }
        double[][] g = new double[k][k];
        for (double[] row : g) {
            for (int a = 0; a < k; a++) {
                row[a] = rnd.nextGaussian();
            }
        }
        double[][] f = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                f[a][c] = TurningPoint.dot(g[a], g[c]) / k;
            }
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextDouble() < smallShare ? 1e-3 * (0.5 + rnd.nextDouble()) : 0.01 + 0.04 * rnd.nextDouble();
        }
        return new FactorCovariance(b, f, d);
    }

    private record Problem(String kind, double[] mu, FactorCovariance factors, double[] lo, double[] hi,
                           List<CriticalLine.Row> rows, double budget) {

        Frontier dense() {
            return CriticalLine.solve(mu, new DenseCovariance(factors.dense()), lo, hi, rows, budget);
        }

        Frontier factored() {
            return CriticalLine.solve(mu, factors, lo, hi, rows, budget);
        }
    }

    private static Problem problem(Random rnd, int trial) {
        String kind = KINDS[trial % KINDS.length];
        int n = 2 + rnd.nextInt(299);
        FactorCovariance fc = model(rnd, n, 1 + rnd.nextInt(5), 0.1);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = kind.equals("tied means") ? 0.05 * (1 + rnd.nextInt(3)) : 0.02 + 0.15 * rnd.nextDouble();
        }
        double cap = Math.max(1.5 / n, rnd.nextDouble());
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, kind.equals("long-short") ? -0.5 : kind.equals("market neutral") ? -0.3 : 0);
        Arrays.fill(hi, kind.equals("market neutral") ? 0.3 : cap);
        List<CriticalLine.Row> rows = new ArrayList<>();
        if (n >= 3 && (kind.equals("sector rows") || kind.equals("equality row"))) {
            double[][] sector = new double[3][n];
            for (int i = 0; i < n; i++) {
                sector[i % 3][i] = 1;
            }
            if (kind.equals("equality row")) {
                rows.add(CriticalLine.Row.equal("sector 0", sector[0], 0.3));
            } else {
                rows.add(CriticalLine.Row.atMost("sector 0", sector[0], 0.4));
                rows.add(new CriticalLine.Row("sector 1", sector[1], 0.1, 0.5));
            }
        }
        return new Problem(kind, mu, fc, lo, hi, rows, kind.equals("market neutral") ? 0 : 1);
    }

    @Test
    void randomFactorModelsGiveTheTurningPointsOfTheirDenseMatrices() {
        Random rnd = new Random(2027);
        for (int trial = 0; trial < 60; trial++) {
            Problem p = problem(rnd, trial);
            String where = "trial " + trial + " (" + p.kind() + ", n = " + p.mu().length + ", k = "
                    + p.factors().factors() + ")";
            sameTurningPoints(p.dense(), p.factored(), lambdaUnit(p.factors(), p.mu()), where);
        }
    }

    @Test
    void aZeroSpecificVarianceIsSolvedThroughTheExplicitInverseWithTheSameResult() {
        Random rnd = new Random(12);
        FactorCovariance random = model(rnd, 40, 3, 0);
        double[] d = random.specific();
        d[7] = 0;
        FactorCovariance fc = new FactorCovariance(random.loadings(), random.factorCovariance(), d);
        double[] mu = new double[40];
        for (int i = 0; i < 40; i++) {
            mu[i] = 0.02 + 0.15 * rnd.nextDouble();
        }
        double[] lo = new double[40];
        double[] hi = new double[40];
        Arrays.fill(hi, 0.2);
        sameTurningPoints(CriticalLine.solve(mu, fc.dense(), lo, hi), CriticalLine.solve(mu, fc, lo, hi),
                lambdaUnit(fc, mu), "one zero specific variance");
    }

    @Test
    void productsWithTheFactorFormAreThoseOfItsDenseMatrix() {
        Random rnd = new Random(3);
        FactorCovariance fc = model(rnd, 30, 4, 0.2);
        double[][] dense = fc.dense();
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i % 4 == 0 ? 0 : rnd.nextGaussian();
            y[i] = rnd.nextGaussian();
        }
        DenseCovariance dc = new DenseCovariance(dense);
        double[] fx = fc.times(x);
        double[] dx = dc.times(x);
        for (int i = 0; i < 30; i++) {
            assertThat(fx[i]).isCloseTo(dx[i], within(PRODUCTS * 30));
            assertThat(dense[i][i]).isEqualTo(fc.entry(i, i));
        }
        assertThat(fc.bilinear(x, y)).isCloseTo(dc.bilinear(x, y), within(PRODUCTS * 900));
        assertThat(fc.quadratic(x)).isCloseTo(TurningPoint.quadratic(x, dense), within(PRODUCTS * 900));
        assertThat(fc.largestVariance()).isEqualTo(dc.largestVariance());
    }

    @Test
    void aFactorModelMustBeConsistent() {
        double[][] b = {{0.1}, {0.2}};
        assertThatThrownBy(() -> new FactorCovariance(b, new double[][] {{0.04}}, new double[] {0.01, -0.01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset 1");
        assertThatThrownBy(() -> new FactorCovariance(b, new double[][] {{0.04, 0}, {0.01, 0.04}},
                new double[] {0.01, 0.01})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CriticalLine.solve(new double[] {0.1, 0.2, 0.3},
                new FactorCovariance(b, new double[][] {{0.04}}, new double[] {0.01, 0.01}), new double[3],
                new double[] {1, 1, 1})).isInstanceOf(IllegalArgumentException.class);
    }

    /** The largest variance over the largest |mean|: the size of a lambda. */
    private static double lambdaUnit(Covariance c, double[] mu) {
        return c.largestVariance() / Arrays.stream(mu).map(Math::abs).max().orElseThrow();
    }

    /**
     * The two frontiers have the same turning points; consecutive points whose weights agree to 1e-9 count as
     * one (the explicit inverse's round-off can repeat a point at one lambda with weights 1e-11 apart).
     */
    private static void sameTurningPoints(Frontier dense, Frontier factored, double unit, String where) {
        List<TurningPoint> a = distinct(dense.points());
        List<TurningPoint> b = distinct(factored.points());
        assertThat(b).as(where + " turning points").hasSameSizeAs(a);
        for (int k = 0; k < a.size(); k++) {
            String at = where + " point " + k;
            assertThat(b.get(k).weights()).as(at).containsExactly(a.get(k).weights(), within(WEIGHTS));
            double la = a.get(k).lambda();
            double lb = b.get(k).lambda();
            if (Double.isInfinite(la)) {
                assertThat(lb).as(at + " lambda").isEqualTo(la);
            } else {
                assertThat(lb).as(at + " lambda").isCloseTo(la, within(LAMBDAS * Math.abs(la) + LAMBDA_FLOOR * unit));
            }
        }
    }

    private static List<TurningPoint> distinct(List<TurningPoint> points) {
        List<TurningPoint> out = new ArrayList<>();
        for (TurningPoint t : points) {
            if (!out.isEmpty() && apart(out.get(out.size() - 1), t) <= WEIGHTS) {
                out.set(out.size() - 1, t);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static double apart(TurningPoint a, TurningPoint b) {
        double d = 0;
        for (int i = 0; i < a.weights().length; i++) {
            d = Math.max(d, Math.abs(a.weights()[i] - b.weights()[i]));
        }
        return d;
    }
}
