package com.positionlab.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The estimators against PyPortfolioOpt's own test cases (../shared/reference/pypfopt/cases.json), each
 * within its upstream tolerance: mean historical returns (compounded and simple), CAPM with the mean of the
 * assets as the market, log returns, the sample covariance, the semicovariance, and the repair of a matrix
 * that is not positive semi-definite.
 */
class PyPortfolioOptEstimatorsTest {

    private static final Path DIR = ReferencePrices.DIR;

    private static JsonNode cases;
    private static double[][] prices;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference data not present");
        cases = new ObjectMapper().readTree(DIR.resolve("cases.json").toFile()).get("cases");
        prices = ReferencePrices.stockPrices();
    }

    private static JsonNode c(String id) {
        for (JsonNode c : cases) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + id);
    }

    private static double[][] inline(JsonNode c) {
        JsonNode p = c.get("inputs").get("prices_inline");
        double[][] out = new double[p.size()][];
        for (int t = 0; t < p.size(); t++) {
            out[t] = new double[p.get(t).size()];
            for (int i = 0; i < out[t].length; i++) {
                out[t][i] = p.get(t).get(i).asDouble();
            }
        }
        return out;
    }

    private static double[] vector(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /** Within rtol and atol as numpy's allclose, or within an absolute limit (assert_almost_equal). */
    private static void close(double[] actual, double[] expected, JsonNode tol, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double allowed = tol.has("abs_limit") ? tol.get("abs_limit").asDouble()
                    : tol.path("atol").asDouble(0) + tol.path("rtol").asDouble(0) * Math.abs(expected[i]);
            assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]: %s against %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void meanHistoricalReturnsOfTheDummyPrices() {
        for (String id : List.of("pypfopt-er-mhr-dummy-compounding", "pypfopt-er-mhr-dummy-arithmetic")) {
            JsonNode c = c(id);
            ReturnTable r = ReturnTable.fromPrices(inline(c), false);
            double[] mu = ExpectedReturns.meanHistorical(r, c.get("inputs").get("compounding").asBoolean(),
                    c.get("inputs").get("frequency").asInt());
            close(mu, vector(c.get("expected").get("mean_returns")), c.get("tolerance"), id);
        }
    }

    @Test
    void meanHistoricalReturnsOfTheStockPricesUseEachAssetsListedHistory() {
        JsonNode c = c("pypfopt-er-mhr-stock-prices");
        double[] mu = ExpectedReturns.meanHistorical(ReturnTable.fromPrices(prices, false), true, 252);
        close(mu, vector(c.get("expected").get("mean_returns_in_asset_order")), c.get("tolerance"), c.get("id")
                .asText());
    }

    @Test
    void capmWithTheAssetsMeanAsTheMarket() {
        JsonNode c = c("pypfopt-er-capm-no-benchmark");
        double[] mu = ExpectedReturns.capm(ReturnTable.fromPrices(prices, false), null, 0.02, true, 252);
        close(mu, vector(c.get("expected").get("capm_returns_in_asset_order")), c.get("tolerance"), c.get("id")
                .asText());
    }

    @Test
    void logReturnsKeepEveryMissingPriceMissing() {
        JsonNode c = c("pypfopt-er-log-returns-last-value");
        ReturnTable r = ReturnTable.fromPrices(prices, true);
        assertThat(r.rows()).isEqualTo(7125);
        double last = r.values()[r.rows() - 1][19];
        assertThat(last).isCloseTo(c.get("expected").get("last_row_last_column_SBUX_2018-04-11").asDouble(),
                org.assertj.core.data.Offset.offset(c.get("tolerance").get("abs_limit").asDouble()));
        long missingPrices = 0;
        for (double[] row : prices) {
            for (double v : row) {
                missingPrices += Double.isNaN(v) ? 1 : 0;
            }
        }
        long missingReturns = 0;
        for (double[] row : r.values()) {
            for (double v : row) {
                missingReturns += Double.isNaN(v) ? 1 : 0;
            }
        }
        assertThat(missingReturns).isEqualTo(missingPrices);
        assertThat(r.complete().rows()).isEqualTo(895);
    }

    @Test
    void sampleCovarianceOfTheDummyPrices() {
        JsonNode c = c("pypfopt-rm-sample-cov-dummy");
        double[][] s = Covariances.sample(ReturnTable.fromPrices(inline(c), false), 252);
        JsonNode expected = c.get("expected").get("daily_covariance_matrix");
        for (int i = 0; i < s.length; i++) {
            double[] daily = new double[s.length];
            for (int j = 0; j < s.length; j++) {
                daily[j] = s[i][j] / 252;
            }
            close(daily, vector(expected.get(i)), c.get("tolerance"), "row " + i);
        }
    }

    @Test
    void semicovarianceBelowAVeryNegativeBenchmarkIsZeroAndGrowsWithTheBenchmark() {
        JsonNode c = c("pypfopt-rm-semicov-very-negative-benchmark");
        ReturnTable r = ReturnTable.fromPrices(prices, false);
        double[][] s = Covariances.semicovariance(r, -0.5, 252);
        for (double[] row : s) {
            close(row, new double[row.length], c.get("tolerance"), "semicovariance at -0.5");
        }
        assertThat(sum(Covariances.semicovariance(r, 1, 252))).isGreaterThan(sum(Covariances.semicovariance(r, 0,
                252)));
    }

    @Test
    void aMatrixThatIsNotPsdIsRepairedBothWays() {
        JsonNode c = c("pypfopt-rm-fix-non-psd-2x2");
        JsonNode m = c.get("inputs").get("matrix");
        double[][] s = {vector(m.get(0)), vector(m.get(1))};
        assertThat(PsdRepair.isPsd(s)).isFalse();
        for (PsdRepair.Method method : PsdRepair.Method.values()) {
            double[][] fixed = PsdRepair.repair(s, method);
            assertThat(PsdRepair.isPsd(fixed)).as(method.name()).isTrue();
            assertThat(fixed[0][1]).as("symmetric").isEqualTo(fixed[1][0]);
        }
        // Diagonal: S - 1.1 x the smallest eigenvalue on the diagonal, off-diagonal kept.
        double a = s[0][0];
        double b = s[0][1];
        double d = s[1][1];
        double minEig = (a + d) / 2 - Math.sqrt((a - d) * (a - d) / 4 + b * b);
        double[][] diag = PsdRepair.repair(s, PsdRepair.Method.DIAG);
        assertThat(diag[0][0]).isCloseTo(a - 1.1 * minEig, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(diag[0][1]).isEqualTo(b);
        assertThatThrownBy(() -> PsdRepair.repair(new double[][] {{Double.NaN}}, PsdRepair.Method.SPECTRAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double sum(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }
}
