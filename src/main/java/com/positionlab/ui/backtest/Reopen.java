package com.positionlab.ui.backtest;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.positionlab.domain.StoredBacktest;
import com.positionlab.service.Json;
import com.positionlab.service.backtest.BacktestRequest;

/**
 * On opening, the newest stored backtest of exactly the request the view would run (same strategies, dates,
 * universe and costs), so that it is shown as it was answered rather than run and stored again. A change in the
 * data moves the default dates, so the request differs and the view runs afresh.
 */
final class Reopen {

    private Reopen() {
    }

    static Optional<StoredBacktest> matching(List<StoredBacktest> recent, BacktestRequest request) {
        if (request == null) {
            return Optional.empty();
        }
        return recent.stream().filter(b -> b.kind().equals("run") || b.kind().equals("comparison"))
                .filter(b -> request.equals(read(b.requestJson()))).findFirst();
    }

    private static BacktestRequest read(String json) {
        try {
            return Json.mapper().readValue(json, BacktestRequest.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
