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

    public OptimizationHistory(Store store, OptimizeService optimize, FrontierService frontier) {
        this.store = store;
        this.optimize = optimize;
        this.frontier = frontier;
    }

    public OptimizeResponse optimize(OptimizeRequest request) {
        String method = request.objective() == null ? null : request.objective().method();
        return run("optimize", method, request, optimize::optimize,
                r -> new Report(r.solver().name(), r.solver().iterations(), r.solver().timeMs()));
    }

    public FrontierResponse frontier(OptimizeRequest request) {
        return run("frontier", null, request, frontier::frontier,
                r -> new Report(r.solver().name(), r.solver().iterations(), r.solver().timeMs()));
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

    public List<StoredOptimization> recent(int limit) {
        return store.optimizations().recent(limit);
    }

    private record Report(String solver, int iterations, double timeMs) {
    }

    private <T> T run(String kind, String method, OptimizeRequest request, Function<OptimizeRequest, T> work,
                      Function<T, Report> report) {
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
                    r.iterations(), r.timeMs(), requestJson, json(answer), null, null));
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
