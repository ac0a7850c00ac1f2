package com.positionlab.domain;

import java.time.OffsetDateTime;

/**
 * A backtest as stored: its kind ({@code run}, {@code comparison}, {@code sweep} or {@code trade_sequence}), a
 * label for lists, how long it took, and its request and answer as JSON.
 *
 * @param createdAt null until stored
 */
public record StoredBacktest(String backtestId, String kind, String label, double latencyMs, String requestJson,
                             String responseJson, OffsetDateTime createdAt) {
}
