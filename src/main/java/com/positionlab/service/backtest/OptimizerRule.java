package com.positionlab.service.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.backtest.PriceWindow;
import com.positionlab.engine.backtest.WeightRule;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.NoSolutionException;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.service.optimize.OptimizeResponse;
import com.positionlab.service.optimize.OptimizeService;
import com.positionlab.service.optimize.PriceTable;

/**
 * An {@code optimize} objective as a backtest strategy: at each rebalance, the optimisation over the window's
 * prices of the instruments priced on every day of it (the others get nothing), with the strategy's estimators
 * and constraints. A turnover limit or trading cost is measured from the drifted weights before trading. A
 * rebalance without a solution (infeasible on that day's estimates) or with fewer than two instruments of full
 * history keeps the weights as they are, and says so in the notes; a strategy the optimiser refuses on the first
 * rebalance is an error naming its field ({@code strategy.FIELD}).
 */
final class OptimizerRule implements WeightRule {

    /** A weight this far below zero in a long-only answer is the solver's rounding. */
    static final double NOISE = 1e-9;
    /** The least prices a window must hold for an optimisation (20 returns). */
    static final int MIN_PRICES = 21;
    /** Strategy fields that are not the objective's. */
    static final Set<String> SECTIONS = Set.of("expected_returns", "risk_model", "constraints", "black_litterman",
            "solver");

    private final OptimizeService service;
    private final ObjectNode strategy;
    private final List<String> tickers;
    private final List<String> notes;
    private final boolean shorts;
    private boolean asked;

    OptimizerRule(OptimizeService service, ObjectNode strategy, List<String> tickers, List<String> notes) {
        this.service = service;
        this.strategy = strategy;
        this.tickers = tickers;
        this.notes = notes;
        JsonNode bounds = strategy.path("constraints").path("weight_bounds");
        this.shorts = strategy.path("market_neutral").asBoolean(false)
                || bounds.isArray() && bounds.size() == 2 && bounds.get(0).isNumber() && bounds.get(0).asDouble() < 0;
    }

    @Override
    public boolean allowsShort() {
        return shorts;
    }

    @Override
    public double[] targetWeights(PriceWindow window, double[] current) {
        boolean first = !asked;
        asked = true;
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < window.instruments() && window.size() >= MIN_PRICES; i++) {
            boolean full = true;
            for (int k = 0; k < window.size() && full; k++) {
                full = !Double.isNaN(window.price(k, i));
            }
            if (full) {
                eligible.add(i);
            }
        }
        if (eligible.size() < 2) {
            note(window.today(), "fewer than two instruments have " + MIN_PRICES + " days of prices; weights kept");
            return current;
        }
        OptimizeRequest request = request(eligible, window, current);
        PriceTable table = table(eligible, window, tickers);
        try {
            OptimizeResponse answer = service.optimize(request, (ids, lookback) -> table);
            double[] w = new double[window.instruments()];
            for (int i : eligible) {
                w[i] = answer.weights().getOrDefault(tickers.get(i), 0.0);
                if (!shorts && w[i] < 0 && w[i] > -NOISE) {
                    w[i] = 0; // a solver's rounding below a zero bound, not a short position
                }
            }
            return w;
        } catch (NoSolutionException e) {
            note(window.today(), "no solution (" + e.getMessage() + "); weights kept");
            return current;
        } catch (ValidationException e) {
            if (first) {
                throw new ValidationException(e.errors().stream().map(f -> new ValidationException.FieldError(
                        "strategy." + f.field().replaceFirst("^objective\\.", ""), f.reason())).toList());
            }
            note(window.today(), e.getMessage() + "; weights kept");
            return current;
        }
    }

    private void note(LocalDate day, String text) {
        if (notes.size() < BacktestService.MAX_NOTES) {
            notes.add(day + ": " + text);
        }
    }

    private OptimizeRequest request(List<Integer> eligible, PriceWindow window, double[] current) {
        ObjectNode n = Json.mapper().createObjectNode();
        ObjectNode objective = n.putObject("objective");
        strategy.fields().forEachRemaining(f -> {
            if (SECTIONS.contains(f.getKey())) {
                n.set(f.getKey(), f.getValue().deepCopy());
            } else if (!f.getKey().equals("label")) {
                objective.set(f.getKey(), f.getValue());
            }
        });
        n.set("universe", Json.mapper().valueToTree(eligible.stream().map(tickers::get).toList()));
        n.put("lookback_days", Math.max(20, window.size() - 1));
        JsonNode c = n.path("constraints");
        if (c.isObject() && !c.has("current_weights") && (c.has("max_turnover") || c.has("transaction_cost_bps"))) {
            ObjectNode w = ((ObjectNode) c).putObject("current_weights");
            eligible.forEach(i -> w.put(tickers.get(i), current[i]));
        }
        try {
            return Json.requestMapper().convertValue(n, OptimizeRequest.class);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("strategy", "is not an optimisation this service reads: "
                    + ValidationException.clip(String.valueOf(e.getMessage())));
        }
    }

    private static PriceTable table(List<Integer> eligible, PriceWindow window, List<String> tickers) {
        int rows = window.size();
        List<LocalDate> dates = new ArrayList<>(rows);
        double[][] prices = new double[rows][eligible.size()];
        for (int k = 0; k < rows; k++) {
            int daysAgo = rows - 1 - k;
            dates.add(window.date(daysAgo));
            for (int j = 0; j < eligible.size(); j++) {
                prices[k][j] = window.price(daysAgo, eligible.get(j));
            }
        }
        return new PriceTable(dates, eligible.stream().map(tickers::get).toList(), prices);
    }
}
