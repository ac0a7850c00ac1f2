package com.positionlab.service.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;

/**
 * PyPortfolioOpt's HRP and Black-Litterman cases through {@code optimize}: the objective {@code hrp} on the
 * reference prices, and {@code black_litterman} with absolute views, an equal or a zero prior.
 */
class HrpAndBlackLittermanOptimizeTest {

    private final OptimizeService service = new OptimizeService();

    @BeforeEach
    void referenceData() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ReferencePrices.present(), "reference data beside the checkout");
    }

    private static JsonNode reference(String id) throws IOException {
        return PyPortfolioOptCases.cases(id).get(0);
    }

    private static ObjectNode prices() {
        ObjectNode r = PyPortfolioOptCases.JSON.createObjectNode();
        r.put("prices", ReferencePrices.DIR.resolve("stock_prices.csv").toAbsolutePath().toString());
        r.put("price_rows", "all");
        r.put("performance_risk_free_rate", 0.02);
        return r;
    }

    private OptimizeResponse run(ObjectNode request) throws Exception {
        return service.optimize(Json.requestMapper().treeToValue(request, OptimizeRequest.class));
    }

    @Test
    void hrpWithSingleLinkageMatchesTheStoredWeightsAndPerformance() throws Exception {
        ObjectNode request = prices();
        // the performance case uses the arithmetic mean daily return x 252 and the pairwise covariance x 252
        request.putObject("expected_returns").put("compounding", false);
        request.putObject("objective").put("method", "hrp").put("linkage", "single");
        OptimizeResponse r = run(request);
        JsonNode expected = reference("pypfopt-hrp-weights-single-linkage").get("expected").get("weights_by_ticker");
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double w = e.getValue().asDouble();
            assertThat(r.weights().get(e.getKey())).as(e.getKey()).isCloseTo(w, within(1e-8 + 1e-2 * Math.abs(w)));
        }
        JsonNode perf = reference("pypfopt-hrp-portfolio-performance").get("expected").get("portfolio_performance");
        for (String f : new String[] {"expected_return", "volatility", "sharpe_ratio"}) {
            double actual = switch (f) {
                case "expected_return" -> r.performance().expectedReturn();
                case "volatility" -> r.performance().volatility();
                default -> r.performance().sharpeRatio();
            };
            assertThat(actual).as(f).isCloseTo(perf.get(f).asDouble(), within(1e-7 * Math.abs(perf.get(f).asDouble())));
        }
        assertThat(r.bindingConstraints()).isEmpty();
    }

    private static ObjectNode views(ObjectNode request) {
        ObjectNode bl = request.putObject("black_litterman");
        bl.putObject("views").put("AAPL", 0.2).put("BBY", -0.3).put("BAC", 0).put("SBUX", -0.2).put("T", 0.131321);
        return bl;
    }

    @Test
    void blackLittermanWithAnEqualPriorMatchesThePerformanceOnThePosterior() throws Exception {
        ObjectNode request = prices();
        ObjectNode prior = views(request).putObject("prior");
        ReferencePrices.TICKERS.forEach(t -> prior.put(t, 0.05));
        request.putObject("objective").put("method", "black_litterman");
        OptimizeResponse r = run(request);
        JsonNode perf = reference("pypfopt-bl-equal-prior-performance").get("expected").get("portfolio_performance");
        assertThat(r.performance().expectedReturn()).isCloseTo(perf.get("expected_return").asDouble(),
                within(1e-7 * perf.get("expected_return").asDouble()));
        assertThat(r.performance().volatility()).isCloseTo(perf.get("volatility").asDouble(),
                within(1e-7 * perf.get("volatility").asDouble()));
        assertThat(r.performance().sharpeRatio()).isCloseTo(perf.get("sharpe_ratio").asDouble(),
                within(1e-7 * perf.get("sharpe_ratio").asDouble()));
        assertThat(r.blackLitterman().priorReturns().get("GOOG")).isEqualTo(0.05);
    }

    @Test
    void blackLittermanWithoutAPriorMatchesTheCleanedWeights() throws Exception {
        ObjectNode request = prices();
        views(request);
        request.putObject("objective").put("method", "black_litterman");
        OptimizeResponse r = run(request);
        JsonNode expected = reference("pypfopt-bl-weights-no-prior").get("expected").get("clean_weights");
        for (String t : ReferencePrices.TICKERS) {
            double w = r.weights().get(t);
            double clean = Math.abs(w) < 1e-4 ? 0 : Math.round(w * 1e5) / 1e5;
            assertThat(clean).as(t).isEqualTo(expected.get(t).asDouble());
        }
    }

    @Test
    void aViewOnAnUnknownTickerOrABadConfidenceNamesTheField() {
        ObjectNode request = prices();
        views(request).putObject("view_confidences").put("AAPL", 1.5);
        request.putObject("objective").put("method", "max_sharpe");
        assertThatThrownBy(() -> run(request)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("black_litterman.view_confidences");
        ObjectNode unknown = prices();
        unknown.putObject("black_litterman").putObject("views").put("NOPE", 0.1);
        unknown.putObject("objective").put("method", "max_sharpe");
        assertThatThrownBy(() -> run(unknown)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("black_litterman.views.NOPE");
    }
}
