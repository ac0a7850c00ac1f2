package com.positionlab.engine.optimize.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.positionlab.engine.estimate.Covariances;
import com.positionlab.engine.estimate.ExpectedReturns;
import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.engine.estimate.ReturnTable;
import com.positionlab.engine.optimize.CriticalLine;

/**
 * The greedy allocation against PyPortfolioOpt's discrete-allocation cases ({@code pypfopt-da-*} in
 * ../shared/reference/pypfopt/cases.json): the maximum-Sharpe weights (risk-free rate 0.02) of the mean
 * historical returns and sample covariance of stock_prices.csv, long-only or within [-1, 1], allocated at the
 * last forward-filled prices. Units must match exactly; leftovers and the RMSE within upstream's tolerances.
 */
class PyPortfolioOptAllocationTest {

    private static final String[] TICKERS = {"GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM",
            "T", "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX"};
    /** Upstream checks value + leftover with assert_almost_equal to 4 and 7 decimals. */
    private static final double CASH_DECIMAL_4 = 1.5e-4;
    private static final double CASH_DECIMAL_7 = 1.5e-7;

    private static JsonNode cases;
    private static Map<String, Double> latest;
    private static Map<String, Double> longOnly;
    private static Map<String, Double> shorts;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference data not present");
        cases = new ObjectMapper().readTree(ReferencePrices.DIR.resolve("cases.json").toFile()).get("cases");
        double[][] prices = ReferencePrices.stockPrices();
        ReturnTable r = ReturnTable.fromPrices(prices, false);
        double[] mu = ExpectedReturns.meanHistorical(r, true, 252);
        double[][] cov = Covariances.sample(r, 252);
        int n = TICKERS.length;
        longOnly = named(CriticalLine.solve(mu, cov, filled(n, 0), filled(n, 1)).maxSharpe(0.02));
        shorts = named(CriticalLine.solve(mu, cov, filled(n, -1), filled(n, 1)).maxSharpe(0.02));
        latest = named(lastForwardFilled(prices));
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    private static double[] lastForwardFilled(double[][] prices) {
        double[] last = filled(prices[0].length, Double.NaN);
        for (double[] row : prices) {
            for (int i = 0; i < row.length; i++) {
                last[i] = Double.isNaN(row[i]) ? last[i] : row[i];
            }
        }
        return last;
    }

    private static Map<String, Double> named(double[] x) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            m.put(TICKERS[i], x[i]);
        }
        return m;
    }

    private static JsonNode c(String id) {
        for (JsonNode c : cases) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + id);
    }

    private static Map<String, Long> expectedUnits(JsonNode c) {
        Map<String, Long> m = new LinkedHashMap<>();
        c.get("expected").get("allocation").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static AllocationRequest request(JsonNode c, Map<String, Double> weights) {
        JsonNode in = c.get("inputs");
        return AllocationRequest.of(weights, latest, in.get("total_portfolio_value").asDouble())
                .withShortRatio(in.get("short_ratio").asDouble())
                .withReinvest(in.path("reinvest").asBoolean(false));
    }

    @Test
    void longOnlyMaxSharpeAllocatesUpstreamsSharesAndSpendsTheRestAsLeftover() {
        JsonNode c = c("pypfopt-da-greedy-long-only");
        Allocation a = GreedyAllocator.allocate(request(c, longOnly));
        assertThat(a.units()).containsExactlyInAnyOrderEntriesOf(expectedUnits(c));
        assertThat(a.longValue(latest) + a.leftover()).isCloseTo(10_000, within(CASH_DECIMAL_4));
        assertThat(a.shortLeftover()).isZero();
    }

    @Test
    void shortBooksAllocateUpstreamsSharesWithAndWithoutReinvestment() {
        for (String id : List.of("pypfopt-da-greedy-short-50000", "pypfopt-da-greedy-short-50000-reinvest")) {
            JsonNode c = c(id);
            AllocationRequest request = request(c, shorts);
            Allocation a = GreedyAllocator.allocate(request);
            assertThat(a.units()).as(id).containsExactlyInAnyOrderEntriesOf(expectedUnits(c));
            double books = request.reinvest() ? 100_000 : 75_000;
            assertThat(a.longValue(latest) + a.shortValue(latest) + a.leftover()).as(id)
                    .isCloseTo(books, within(CASH_DECIMAL_7));
        }
    }

    @Test
    void exactAllocationOfTheReferenceWeightsDeviatesNoMoreThanGreedy() {
        for (String id : List.of("pypfopt-da-greedy-long-only", "pypfopt-da-greedy-short-50000")) {
            JsonNode c = c(id);
            AllocationRequest request = request(c, id.contains("short") ? shorts : longOnly);
            ExactAllocation exact = ExactAllocator.allocate(request, java.time.Duration.ofSeconds(30));
            double greedy = ExactAllocator.deviation(request, GreedyAllocator.allocate(request));
            assertThat(exact.deviation()).as(id).isLessThanOrEqualTo(greedy + CASH_DECIMAL_7);
            RandomRequests.assertWithinBooks(request, exact.allocation());
        }
    }

    @Test
    void shortAllocationErrorIsUpstreamsRmse() {
        JsonNode c = c("pypfopt-da-greedy-rmse-short");
        AllocationRequest request = request(c, shorts);
        double rmse = GreedyAllocator.allocate(request).rmse(request);
        assertThat(rmse).isCloseTo(c.get("expected").get("rmse").asDouble(),
                within(c.get("tolerance").get("abs_limit").asDouble()));
    }
}
