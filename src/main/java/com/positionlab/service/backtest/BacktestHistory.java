package com.positionlab.service.backtest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.positionlab.domain.StoredBacktest;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.store.Store;

/**
 * Backtests of the workspace, stored with their inputs (the newest 100) so that the Backtest view can list and
 * reload them; a backtest that fails or is cancelled is not stored.
 */
public final class BacktestHistory {

    /** A stored backtest read back: when and what was asked, and the answer. */
    public record Loaded(StoredBacktest stored, BacktestRequest request, BacktestResponse response) {
    }

    private final Store store;
    private final BacktestService service;

    public BacktestHistory(Store store, BacktestService service) {
        this.store = store;
        this.service = service;
    }

    /** Runs the backtest and stores it (committed before this returns); returns its id and answer. */
    public Loaded run(BacktestRequest request, Progress progress) {
        long start = System.nanoTime();
        BacktestResponse response = service.run(request, progress);
        StoredBacktest stored = new StoredBacktest(UUID.randomUUID().toString(), kind(response), label(response),
                (System.nanoTime() - start) / 1e6, json(request), json(response), null);
        store.backtests().save(stored);
        return new Loaded(stored, request, response);
    }

    /** The newest stored backtests, without their answers. */
    public List<StoredBacktest> recent(int limit) {
        return store.backtests().recent(limit);
    }

    /** A stored backtest with its request and answer; empty when there is none or it cannot be read back. */
    public Optional<Loaded> load(String id) {
        return store.backtests().find(id).flatMap(b -> {
            try {
                Class<? extends BacktestResponse> type = switch (b.kind()) {
                    case "run" -> BacktestResponse.Run.class;
                    case "comparison" -> BacktestResponse.Comparison.class;
                    case "sweep" -> BacktestResponse.SweepResult.class;
                    case "trade_sweep" -> BacktestResponse.TradeSweepResult.class;
                    default -> BacktestResponse.TradeSequence.class;
                };
                return Optional.of(new Loaded(b, Json.mapper().readValue(b.requestJson(), BacktestRequest.class),
                        Json.mapper().readValue(b.responseJson(), type)));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    static String kind(BacktestResponse r) {
        if (r instanceof BacktestResponse.Run) {
            return "run";
        }
        if (r instanceof BacktestResponse.Comparison) {
            return "comparison";
        }
        if (r instanceof BacktestResponse.TradeSweepResult) {
            return "trade_sweep";
        }
        return r instanceof BacktestResponse.SweepResult ? "sweep" : "trade_sequence";
    }

    /** A short description for lists. */
    static String label(BacktestResponse r) {
        String text;
        if (r instanceof BacktestResponse.Run x) {
            text = x.label() + ", " + x.start() + " to " + x.end();
        } else if (r instanceof BacktestResponse.Comparison x) {
            text = String.join(" vs ", x.results().stream().map(BacktestResponse.Run::label).toList()) + ", "
                    + x.results().get(0).start() + " to " + x.results().get(0).end();
        } else if (r instanceof BacktestResponse.TradeSweepResult x) {
            text = "Sweep of " + x.sweep().rule() + " over " + x.sweep().trades() + " trades, "
                    + x.sweep().points().size() + " points";
        } else if (r instanceof BacktestResponse.SweepResult x) {
            text = "Sweep of " + x.sweep().strategy() + ", " + x.sweep().points().size() + " points";
        } else {
            text = "Sizing rules over " + ((BacktestResponse.TradeSequence) r).trades() + " trades";
        }
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
