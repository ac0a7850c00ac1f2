package com.positionlab.service.build;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.positionlab.domain.StoredOptimization;
import com.positionlab.service.Json;
import com.positionlab.service.optimize.FrontierResponse;
import com.positionlab.service.optimize.OptimizeRequest;

/**
 * A portfolio's last stored build: its setup, the frontier it gave, and when. The Build view reopens on the
 * setup, recomputes it from the stored prices and holdings, and says whether it came out the same
 * ({@link #matches}); a difference means the data changed since.
 */
public record LastBuild(OptimizeRequest setup, FrontierResponse frontier, OffsetDateTime at) {

    /** Weights that differ by no more than this are the same. */
    static final double SAME = 1e-9;

    static java.util.Optional<LastBuild> of(StoredOptimization o) {
        try {
            OptimizeRequest setup = Json.mapper().readValue(o.requestJson(), OptimizeRequest.class);
            FrontierResponse frontier = Json.mapper().readValue(o.responseJson(), FrontierResponse.class);
            return setup.universe() == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new LastBuild(setup, frontier, o.createdAt()));
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty(); // a run stored by another version: reopen without it
        }
    }

    /** Whether {@code r}'s frontier has the stored minimum-volatility and maximum-Sharpe portfolios. */
    public boolean matches(BuildResult r) {
        FrontierResponse now = r.frontier();
        return same(frontier.minVolatility(), now.minVolatility()) && same(frontier.maxSharpe(), now.maxSharpe());
    }

    private static boolean same(FrontierResponse.Point a, FrontierResponse.Point b) {
        if (a == null || b == null) {
            return a == b;
        }
        Map<String, Double> x = a.weights();
        Map<String, Double> y = b.weights();
        if (x == null || y == null || !x.keySet().equals(y.keySet())) {
            return false;
        }
        return x.entrySet().stream().allMatch(e -> Math.abs(e.getValue() - y.get(e.getKey())) <= SAME)
                && Math.abs(a.expectedReturn() - b.expectedReturn()) <= SAME
                && Math.abs(a.volatility() - b.volatility()) <= SAME;
    }
}
