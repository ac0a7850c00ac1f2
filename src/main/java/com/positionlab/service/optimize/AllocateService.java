package com.positionlab.service.optimize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.positionlab.engine.optimize.allocate.Allocation;
import com.positionlab.engine.optimize.allocate.AllocationRequest;
import com.positionlab.engine.optimize.allocate.ExactAllocation;
import com.positionlab.engine.optimize.allocate.ExactAllocator;
import com.positionlab.engine.optimize.allocate.GreedyAllocator;
import com.positionlab.engine.optimize.allocate.Trade;
import com.positionlab.engine.optimize.allocate.Trades;
import com.positionlab.service.ValidationException;

/** Answers an {@link AllocateRequest}: weights to whole lots, the leftover cash and the trades. */
public final class AllocateService {

    static final int DEFAULT_TIME_LIMIT_MS = 10_000;

    public AllocateResponse allocate(AllocateRequest r) {
        if (r.weights() == null || r.weights().isEmpty()) {
            throw new ValidationException("weights", "is required");
        }
        if (r.totalPortfolioValue() == null) {
            throw new ValidationException("total_portfolio_value", "is required");
        }
        Map<String, Double> prices = prices(r);
        String method = r.method() == null ? "greedy" : r.method().toLowerCase(Locale.ROOT);
        AllocationRequest request;
        try {
            request = AllocationRequest.of(r.weights(), prices, r.totalPortfolioValue())
                    .withLotSizes(r.lotSizes() == null ? Map.of() : r.lotSizes());
            if (r.shortRatio() != null) {
                request = request.withShortRatio(r.shortRatio());
            }
            if (Boolean.TRUE.equals(r.reinvest())) {
                request = request.withReinvest(true);
            }
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field(e.getMessage()), reason(e.getMessage()));
        }
        Allocation a;
        Double deviation = null;
        String status = "optimal";
        switch (method) {
            case "greedy" -> a = GreedyAllocator.allocate(request);
            case "exact" -> {
                int ms = r.timeLimitMs() == null ? DEFAULT_TIME_LIMIT_MS : r.timeLimitMs();
                if (ms < 10 || ms > 600_000) {
                    throw new ValidationException("time_limit_ms", "must be between 10 and 600000");
                }
                ExactAllocation x;
                try {
                    x = ExactAllocator.allocate(request, Duration.ofMillis(ms));
                } catch (IllegalStateException e) {
                    throw new NoSolutionException("method", "the exact allocation found no answer: " + e.getMessage());
                }
                a = x.allocation();
                deviation = x.deviation();
                status = x.status().name().toLowerCase(Locale.ROOT);
            }
            default -> throw new ValidationException("method", ValidationException.quote(r.method())
                    + " is not greedy or exact");
        }
        return new AllocateResponse(method, new LinkedHashMap<>(a.units()), a.leftover(), a.longLeftover(),
                a.shortLeftover(), a.rmse(request), deviation, status, trades(r, a, prices), r);
    }

    private static Map<String, Double> prices(AllocateRequest r) {
        if (r.latestPrices() != null) {
            return r.latestPrices();
        }
        if (r.prices() == null) {
            throw new ValidationException("latest_prices", "is required unless prices (a price file) is given");
        }
        PriceTable table = PriceCsv.read(Path.of(r.prices()), "prices");
        double[] last = table.latest();
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < last.length; i++) {
            if (!Double.isNaN(last[i])) {
                out.put(table.tickers().get(i), last[i]);
            }
        }
        return out;
    }

    private static List<AllocateResponse.TradeOut> trades(AllocateRequest r, Allocation a, Map<String, Double> prices) {
        List<AllocateResponse.TradeOut> out = new ArrayList<>();
        Map<String, Long> current = r.currentUnits() == null ? Map.of() : r.currentUnits();
        try {
            for (Trade t : Trades.between(current, a.units())) {
                Double price = prices.get(t.ticker());
                out.add(new AllocateResponse.TradeOut(t.ticker(), t.from(), t.to(), Math.abs(t.quantity()),
                        t.side().name().toLowerCase(Locale.ROOT), price == null ? 0 : t.notional(price)));
            }
        } catch (IllegalArgumentException e) {
            throw new ValidationException("current_units", reason(e.getMessage()));
        }
        return out;
    }

    private static String field(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 ? message.substring(0, colon) : "request";
    }

    private static String reason(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 ? message.substring(colon + 2) : message;
    }
}
