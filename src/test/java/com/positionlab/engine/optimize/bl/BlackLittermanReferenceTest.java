package com.positionlab.engine.optimize.bl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.positionlab.engine.estimate.Covariances;
import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.engine.estimate.ReturnTable;

/**
 * Black-Litterman against PyPortfolioOpt's reference cases (ids {@code pypfopt-bl-*}) on the 20 stocks'
 * annualised sample covariance (all rows, pairwise): the market-implied risk aversion from SPY and the implied
 * prior, the weights with a zero prior, the performance with an equal prior, and views without uncertainty.
 */
class BlackLittermanReferenceTest {

    /** numpy assert_array_almost_equal(decimal=6). */
    private static final double SIX_DECIMALS = 1.5e-6;
    /** numpy assert_allclose default. */
    private static final double PERFORMANCE_RTOL = 1e-7;
    /** The no-uncertainty case: posterior within this of an exact view. */
    private static final double EXACT_VIEW = 1e-5;
    private static final double RISK_FREE_RATE = 0.02;
    private static final int FREQUENCY = 252;

    private static JsonNode root;
    private static List<String> tickers;
    private static double[][] sigma;
    private static double[] spy;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference data not present");
        Path dir = ReferencePrices.DIR;
        root = new ObjectMapper().readTree(dir.resolve("cases.json").toFile());
        String header = Files.readAllLines(dir.resolve("stock_prices.csv")).get(0);
        tickers = List.of(header.substring(header.indexOf(',') + 1).split(","));
        sigma = Covariances.sample(ReturnTable.fromPrices(ReferencePrices.stockPrices(), false), FREQUENCY);
        List<String> lines = Files.readAllLines(dir.resolve("spy_prices.csv"));
        spy = new double[lines.size() - 1];
        for (int t = 1; t < lines.size(); t++) {
            spy[t - 1] = Double.parseDouble(lines.get(t).split(",")[1]);
        }
    }

    private static JsonNode c(String id) {
        for (JsonNode c : root.get("cases")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + id);
    }

    /** The case's absolute views (ticker -> return, in their order) as views on the 20 assets. */
    private static Views absoluteViews(JsonNode c) {
        JsonNode v = c.get("inputs").get("absolute_views");
        List<Integer> indices = new ArrayList<>();
        List<Double> returns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            indices.add(tickers.indexOf(e.getKey()));
            returns.add(e.getValue().asDouble());
        }
        return Views.absolute(tickers.size(), indices.stream().mapToInt(Integer::intValue).toArray(),
                returns.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void marketRiskAversionOfSpyRoundsToTheReference() {
        JsonNode c = c("pypfopt-bl-market-implied-risk-aversion");
        double delta = MarketImplied.riskAversion(spy, RISK_FREE_RATE, FREQUENCY);
        assertThat(Math.rint(delta * 1e5) / 1e5).isEqualTo(c.get("expected").get("delta_rounded_5dp").asDouble());
    }

    @Test
    void marketImpliedPriorMatchesToSixDecimals() {
        JsonNode c = c("pypfopt-bl-market-implied-prior");
        JsonNode capsByTicker = root.get("definitions").get("market_caps");
        double[] caps = tickers.stream().mapToDouble(t -> capsByTicker.get(t).asDouble()).toArray();
        double delta = MarketImplied.riskAversion(spy, RISK_FREE_RATE, FREQUENCY);
        double[] pi = MarketImplied.priorReturns(caps, delta, sigma, RISK_FREE_RATE);
        JsonNode expected = c.get("expected").get("prior_returns_in_asset_order");
        for (int i = 0; i < pi.length; i++) {
            assertThat(pi[i]).as(tickers.get(i)).isCloseTo(expected.get(i).asDouble(), within(SIX_DECIMALS));
        }
    }

    @Test
    void zeroPriorWeightsMatchExactlyAfterCleaning() {
        JsonNode c = c("pypfopt-bl-weights-no-prior");
        Views views = absoluteViews(c);
        double[] w = BlackLitterman.withDefaults(sigma, null, views).weights();
        JsonNode expected = c.get("expected").get("clean_weights");
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double clean = clean(w[i]);
            assertThat(clean).as(tickers.get(i)).isEqualTo(expected.get(tickers.get(i)).asDouble());
            sum += clean;
        }
        assertThat(sum).isCloseTo(1, within(1e-5));
        for (int k = 0; k < views.count(); k++) {
            int asset = indexOf(views.picking()[k]);
            boolean nonNegativeView = views.returns()[k] >= 0;
            assertThat(w[asset] >= 0).as("%s's weight has the sign of its view", tickers.get(asset))
                    .isEqualTo(nonNegativeView);
        }
    }

    @Test
    void equalPriorPerformanceUsesThePosteriorReturnsAndCovariance() {
        JsonNode c = c("pypfopt-bl-equal-prior-performance");
        double[] pi = new double[tickers.size()];
        Arrays.fill(pi, 0.05);
        BlackLitterman model = BlackLitterman.withDefaults(sigma, pi, absoluteViews(c));
        double[] w = model.weights();
        Posterior posterior = model.posterior();
        double ret = posterior.expectedReturn(w);
        double vol = posterior.volatility(w);
        JsonNode p = c.get("expected").get("portfolio_performance");
        assertRelative(ret, p.get("expected_return").asDouble(), "expected return");
        assertRelative(vol, p.get("volatility").asDouble(), "volatility");
        assertRelative((ret - RISK_FREE_RATE) / vol, p.get("sharpe_ratio").asDouble(), "Sharpe ratio");
    }

    @Test
    void viewsWithoutUncertaintyAreImposedExactly() {
        JsonNode c = c("pypfopt-bl-no-uncertainty");
        Views views = absoluteViews(c);
        double[] exact = new BlackLitterman(sigma, null, views, BlackLitterman.DEFAULT_TAU,
                ViewUncertainty.given(new double[4][4])).posterior().returns();
        for (int k = 0; k < views.count(); k++) {
            assertThat(exact[indexOf(views.picking()[k])]).isCloseTo(views.returns()[k], within(EXACT_VIEW));
        }
        double[][] partial = {{0, 0, 0, 0}, {0, 0.2, 0, 0}, {0, 0, 0.2, 0}, {0, 0, 0, 0.2}};
        double[] mu = new BlackLitterman(sigma, null, views, BlackLitterman.DEFAULT_TAU,
                ViewUncertainty.given(partial)).posterior().returns();
        assertThat(mu[tickers.indexOf("GOOG")]).isCloseTo(0.4, within(EXACT_VIEW));
        assertThat(Math.abs(mu[tickers.indexOf("AAPL")] + 0.3)).isGreaterThan(0.01);
    }

    /** PyPortfolioOpt's clean_weights(cutoff=1e-4, rounding=5); + 0.0 turns -0.0 into 0.0. */
    private static double clean(double w) {
        return Math.abs(w) < 1e-4 ? 0.0 : Math.rint(w * 1e5) / 1e5 + 0.0;
    }

    private static int indexOf(double[] oneHot) {
        for (int i = 0; i < oneHot.length; i++) {
            if (oneHot[i] == 1) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an absolute view");
    }

    private static void assertRelative(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(PERFORMANCE_RTOL * Math.abs(expected)));
    }
}
