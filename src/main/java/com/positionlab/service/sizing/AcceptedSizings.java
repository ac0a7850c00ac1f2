package com.positionlab.service.sizing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sizings accepted from {@code from} to {@code to} (whole UTC days), oldest first, each with the request
 * and the response as stored: what a batch report of the history reads. At most {@link #MAX_SIZINGS};
 * {@code total} says how many there were in all.
 */
public record AcceptedSizings(LocalDate from, LocalDate to, long total, List<Entry> sizings) {

    /** Most sizings in one batch (one page each). */
    public static final int MAX_SIZINGS = 500;

    public AcceptedSizings {
        sizings = List.copyOf(sizings);
    }

    /** One accepted sizing. */
    public record Entry(String sizingId, String decisionId, Instant createdAt, String instrumentId, String direction,
                        String sizingMethod, String ruleId, BigDecimal recommendedSize,
                        BigDecimal recommendedNotional, Double recommendedWeight, JsonNode request,
                        JsonNode response) {
    }
}
