package com.positionlab.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The estimators that PyPortfolioOpt's cases give no numbers for (exponentially weighted returns and
 * covariance, the three Ledoit-Wolf targets, OAS, the semicovariance) against an independent numpy
 * re-implementation written from the definitions in ../shared/reference/pypfopt/cases.json
 * (bench/reference/estimators.py; its output is the fixture beside this test), on all 7,125 rows of
 * stock_prices.csv. Both are double precision; they differ only by summation order.
 */
class IndependentEstimatorsTest {

    private static final double RELATIVE = 1e-9;

    private static JsonNode expected;
    private static ReturnTable returns;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference prices not present");
        try (InputStream in = IndependentEstimatorsTest.class.getResourceAsStream("independent-estimators.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        double[][] prices = ReferencePrices.stockPrices();
        returns = ReturnTable.fromPrices(prices, false);
    }

    @Test
    void exponentiallyWeightedMeanReturns() {
        vector(ExpectedReturns.ema(returns, 500, true, 252), expected.get("ema_compounding"), "ema compounded");
        vector(ExpectedReturns.ema(returns, 500, false, 252), expected.get("ema_simple"), "ema simple");
    }

    @Test
    void exponentiallyWeightedCovarianceSampleAndSemicovariance() {
        matrix(Covariances.exponential(returns, 180, 252), expected.get("exp_cov"), "exp_cov");
        matrix(Covariances.sample(returns, 252), expected.get("sample_cov"), "sample_cov");
        matrix(Covariances.semicovariance(returns, 0, 252), expected.get("semicovariance"), "semicovariance");
    }

    @Test
    void ledoitWolfTowardsEachTargetAndOas() {
        check(Shrinkage.constantVariance(returns, 252), "lw_constant_variance");
        check(Shrinkage.singleFactor(returns, 252), "lw_single_factor");
        check(Shrinkage.constantCorrelation(returns, 252), "lw_constant_correlation");
        check(Shrinkage.oracleApproximating(returns, 252), "oas");
    }

    private static void check(Shrinkage.Shrunk s, String key) {
        assertThat(s.shrinkage()).as(key + " shrinkage").isBetween(0.0, 1.0);
        close(s.shrinkage(), expected.get(key + "_shrinkage").asDouble(), key + " shrinkage");
        matrix(s.covariance(), expected.get(key), key);
    }

    private static void matrix(double[][] actual, JsonNode e, String what) {
        assertThat(actual).as(what).hasNumberOfRows(e.size());
        for (int i = 0; i < actual.length; i++) {
            vector(actual[i], e.get(i), what + " row " + i);
        }
    }

    private static void vector(double[] actual, JsonNode e, String what) {
        assertThat(actual).as(what).hasSize(e.size());
        for (int i = 0; i < actual.length; i++) {
            close(actual[i], e.get(i).asDouble(), what + "[" + i + "]");
        }
    }

    private static void close(double actual, double expect, String what) {
        assertThat(Math.abs(actual - expect)).as("%s: %s against %s", what, actual, expect)
                .isLessThanOrEqualTo(RELATIVE * Math.max(Math.abs(expect), 1e-12) + 1e-15);
    }
}
