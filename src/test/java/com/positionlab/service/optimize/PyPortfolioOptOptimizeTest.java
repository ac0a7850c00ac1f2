package com.positionlab.service.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.service.Json;

/**
 * Every EfficientFrontier and CLA case of PyPortfolioOpt's reference data, run through {@code optimize} as a
 * request in its vocabulary, within the case's upstream tolerance: the performance figures where the case
 * gives them, the closed-form weights where it defines them, and its invariants otherwise. A case without a
 * counterpart is listed in the README with the reason.
 */
class PyPortfolioOptOptimizeTest {

    /** Cases whose upstream call has no counterpart in a request, with the reason (also in the README). */
    static final Map<String, String> NO_COUNTERPART = Map.of("pypfopt-ef-custom-convex-log-barrier",
            "a user-written cvxpy objective (w'Sigma w - k sum ln w): requests name objectives, they carry no code");

    private final OptimizeService service = new OptimizeService();

    static Stream<Arguments> efficientFrontierCases() throws IOException {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference data beside the checkout");
        return PyPortfolioOptCases.cases("pypfopt-ef-", "pypfopt-cla-").stream()
                .filter(c -> !NO_COUNTERPART.containsKey(c.get("id").asText()))
                .map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("efficientFrontierCases")
    void reproducesTheCase(String id, JsonNode c) throws Exception {
        if (id.equals("pypfopt-ef-min-volatility-vs-max-sharpe-4-assets")) {
            fourAssets(c);
            return;
        }
        ObjectNode request = PyPortfolioOptCases.request(c);
        if (id.startsWith("pypfopt-cla-")) {
            // PyPortfolioOpt's CLA maximises the Sharpe ratio at a risk-free rate of 0 (hard-wired)
            request.with("objective").put("risk_free_rate", 0.0);
            request.put("solver", "cla");
        }
        if (id.equals("pypfopt-ef-nonconvex-market-neutral-efficient-risk-0.19")) {
            request.with("objective").put("method", "efficient_risk").put("target_volatility", 0.19)
                    .put("market_neutral", true);
        }
        JsonNode expected = c.get("expected");
        if (expected.path("type").asText().equals("invariants")) {
            invariants(id, request, expected);
            return;
        }
        OptimizeResponse r = run(request);
        if (expected.path("type").asText().equals("closed_form")) {
            closedForm(r, request);
            return;
        }
        JsonNode perf = expected.get("portfolio_performance");
        JsonNode tol = c.get("tolerance");
        check(id, "expected_return", r.performance().expectedReturn(), perf, tol);
        check(id, "volatility", r.performance().volatility(), perf, tol);
        if (id.equals("pypfopt-ef-nonconvex-market-neutral-efficient-risk-0.19")) {
            // upstream's SLSQP stopped at a volatility of about 0.1900004: its Sharpe ratio is 2.4e-6 low
            assertThat(r.performance().sharpeRatio()).isCloseTo(perf.get("sharpe_ratio").asDouble(), within(3e-6));
        } else {
            check(id, "sharpe_ratio", r.performance().sharpeRatio(), perf, tol);
        }
        assertThat(r.solver().status()).isEqualTo("optimal");
    }

    @Test
    void everyCaseWithoutACounterpartIsListedInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String id : NO_COUNTERPART.keySet()) {
            assertThat(readme).as("README lists %s", id).contains(id);
        }
    }

    private OptimizeResponse run(ObjectNode request) throws Exception {
        return service.optimize(Json.requestMapper().treeToValue(request, OptimizeRequest.class));
    }

    private static void check(String id, String field, double actual, JsonNode perf, JsonNode tol) {
        double expected = perf.get(field).asDouble();
        double allowed;
        if (tol.has("decimal")) {
            allowed = 1.5 * Math.pow(10, -tol.get("decimal").asInt());
        } else {
            allowed = tol.path("atol").asDouble(0) + tol.path("rtol").asDouble(1e-7) * Math.abs(expected);
        }
        assertThat(actual).as("%s %s", id, field).isCloseTo(expected, within(allowed));
    }

    /** Weights from the Lagrangian system of the return and budget rows alone (the bounds do not bind). */
    private void closedForm(OptimizeResponse r, ObjectNode request) throws Exception {
        ObjectNode minVol = request.deepCopy();
        Estimates e = Estimates.of(Json.requestMapper().treeToValue(minVol, OptimizeRequest.class));
        int n = e.mu().length;
        SimpleMatrix a = new SimpleMatrix(n + 2, n + 2);
        SimpleMatrix b = new SimpleMatrix(n + 2, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, e.cov()[i][j]);
            }
            a.set(i, n, e.mu()[i]);
            a.set(n, i, e.mu()[i]);
            a.set(i, n + 1, 1);
            a.set(n + 1, i, 1);
        }
        double target = request.get("objective").get("target_return").asDouble();
        b.set(n, 0, target);
        b.set(n + 1, 0, request.get("objective").path("market_neutral").asBoolean(false) ? 0 : 1);
        SimpleMatrix x = a.solve(b);
        List<Double> w = List.copyOf(r.weights().values());
        for (int i = 0; i < n; i++) {
            assertThat(w.get(i)).as("weight %d", i).isCloseTo(x.get(i, 0), within(1.5e-7));
        }
        assertThat(r.performance().expectedReturn()).isCloseTo(target, within(1e-9));
    }

    private void invariants(String id, ObjectNode request, JsonNode expected) throws Exception {
        OptimizeResponse r = run(request);
        double sum = r.weights().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(1, within(1.5e-7));
        switch (id) {
            case "pypfopt-ef-sector-min-volatility-bounds-pm1", "pypfopt-ef-sector-efficient-risk-0.19" ->
                    sectors(r, request.get("constraints"));
            case "pypfopt-ef-max-sharpe-custom-bounds" -> {
                assertThat(r.weights().values()).allSatisfy(w -> assertThat(w).isBetween(0.03 - 1e-9, 0.13 + 1e-9));
                ObjectNode perAsset = request.deepCopy();
                var bounds = perAsset.with("constraints").putArray("weight_bounds");
                for (int i = 0; i < 20; i++) {
                    bounds.addArray().add(i % 2 == 0 ? 0.01 : 0.02).add(i % 2 == 0 ? 0.13 : 0.11);
                }
                List<Double> w = List.copyOf(run(perAsset).weights().values());
                for (int i = 0; i < 20; i++) {
                    assertThat(w.get(i)).isBetween(i % 2 == 0 ? 0.01 - 1e-9 : 0.02 - 1e-9,
                            i % 2 == 0 ? 0.13 + 1e-9 : 0.11 + 1e-9);
                }
            }
            case "pypfopt-ef-max-sharpe-explicit-constraints" -> {
                assertThat(r.weights().get("GOOG")).isGreaterThanOrEqualTo(0.2 - 1e-9);
                assertThat(r.weights().get("FB")).isCloseTo(0.15, within(1.5e-7));
                assertThat(r.weights().get("BABA") + r.weights().get("AMZN")).isLessThanOrEqualTo(0.10 + 1e-9);
            }
            default -> throw new AssertionError("no invariants written for " + id + ": " + expected);
        }
    }

    private static void sectors(OptimizeResponse r, JsonNode k) {
        JsonNode mapper = k.get("sector_mapper");
        for (String sector : List.of("tech", "utility", "retail", "fig", "airline", "energy")) {
            double s = 0;
            for (var e : r.weights().entrySet()) {
                if (mapper.get(e.getKey()).asText().equals(sector)) {
                    s += e.getValue();
                }
            }
            assertThat(s).as(sector).isBetween(k.get("sector_lower").path(sector).asDouble(0) - 1e-9,
                    k.get("sector_upper").path(sector).asDouble(1) + 1e-9);
        }
    }

    private void fourAssets(JsonNode c) throws Exception {
        JsonNode in = c.get("inputs");
        ObjectNode request = PyPortfolioOptCases.JSON.createObjectNode();
        ObjectNode mu = request.putObject("mu");
        ObjectNode cov = request.putObject("cov");
        cov.set("tickers", in.get("tickers"));
        cov.set("matrix", in.get("cov_matrix_inline"));
        for (int i = 0; i < 4; i++) {
            mu.put(in.get("tickers").get(i).asText(), in.get("expected_returns_inline").get(i).asDouble());
        }
        request.putObject("constraints").set("weight_bounds", in.get("weight_bounds"));
        request.putObject("objective").put("method", "min_volatility");
        double minVol = run(request).performance().volatility();
        request.putObject("objective").put("method", "max_sharpe").put("risk_free_rate", 0.0);
        double sharpeVol = run(request).performance().volatility();
        assertThat(minVol).isLessThan(sharpeVol);
    }
}
