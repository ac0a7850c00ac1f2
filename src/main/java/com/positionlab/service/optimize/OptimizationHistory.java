package com.positionlab.service.optimize;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.domain.StoredOptimization;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.store.Store;

/**
 * Optimisations over a workspace: a request naming a {@code portfolio_id} is run and stored with its answer
 * (committed before it is answered), and one without an answer is stored as failed with its error; a request
 * without a portfolio is only answered. Also the newest stored optimisation of a portfolio, and the recent
 * runs for the Activity view.
 */
public final class OptimizationHistory {

    private final Store store;
    private final OptimizeService optimize;
    private final FrontierService frontier;
    private final PriceSource prices;

    public OptimizationHistory(Store store, OptimizeService optimize, FrontierService frontier) {
        this.store = store;
        this.optimize = optimize;
        this.frontier = frontier;
        this.prices = new WorkspacePrices(store);
    }

    /** The workspace's prices, for requests that name a {@code universe}. */
    public PriceSource prices() {
        return prices;
    }

    public OptimizeResponse optimize(OptimizeRequest request) {
        String method = request.objective() == null ? null : request.objective().method();
        return run("optimize", method, request, r -> optimize.optimize(r, prices),
                r -> new Report(r.solver().name(), r.solver().iterations(), r.solver().timeMs()), r -> r);
    }

    public FrontierResponse frontier(OptimizeRequest request) {
        return frontierRun(request).response();
    }

    /** {@link #frontier}, with the estimates, problem and exact frontier it came from (for the workstation). */
    public FrontierService.Run frontierRun(OptimizeRequest request) {
        return run("frontier", null, request, r -> frontier.run(r, prices),
                r -> new Report(r.response().solver().name(), r.response().solver().iterations(),
                        r.response().solver().timeMs()), FrontierService.Run::response);
    }

    /** The portfolio's newest successful optimisation, as the JSON that answered it. */
    public Optional<JsonNode> latest(String portfolioId) {
        return store.optimizations().latest(portfolioId).map(o -> {
            try {
                return Json.mapper().readTree(o.responseJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored optimisation is not JSON", e);
            }
        });
    }

    /** The request of the portfolio's newest successful frontier over a workspace universe (a build's setup). */
    public Optional<OptimizeRequest> latestBuildSetup(String portfolioId) {
        return latestFrontier(portfolioId).map(o -> {
            try {
                return Json.mapper().readValue(o.requestJson(), OptimizeRequest.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored optimisation request is not JSON", e);
            }
        }).filter(r -> r.universe() != null);
    }

    /** The portfolio's newest successful frontier run, as stored. */
    public Optional<StoredOptimization> latestFrontier(String portfolioId) {
        return store.optimizations().latest(portfolioId, "frontier");
    }

    public List<StoredOptimization> recent(int limit) {
        return store.optimizations().recent(limit);
    }

    private record Report(String solver, int iterations, double timeMs) {
    }

    private <T> T run(String kind, String method, OptimizeRequest request, Function<OptimizeRequest, T> work,
                      Function<T, Report> report, Function<T, Object> stored) {
        String portfolio = request.portfolioId();
        if (portfolio == null) {
            return work.apply(request);
        }
        if (store.portfolios().find(portfolio).isEmpty()) {
            throw new ValidationException("portfolio_id", "no portfolio " + ValidationException.quote(portfolio)
                    + " in this workspace");
        }
        long start = System.nanoTime();
        String requestJson = json(request);
        String id = UUID.randomUUID().toString();
        try {
            T answer = work.apply(request);
            Report r = report.apply(answer);
            store.optimizations().save(new StoredOptimization(id, portfolio, kind, method, "optimal", r.solver(),
                    r.iterations(), r.timeMs(), requestJson, json(stored.apply(answer)), null, null));
            return answer;
        } catch (NoSolutionException e) {
            store.optimizations().save(new StoredOptimization(id, portfolio, kind, method, "failed", null, null,
                    (System.nanoTime() - start) / 1e6, requestJson, null, cut(e.getMessage()),
                    null));
            throw e;
        }
    }

    private static String cut(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 1000);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
