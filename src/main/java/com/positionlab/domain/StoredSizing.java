package com.positionlab.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One accepted sizing as the history keeps it, with its request and response as JSON. */
public record StoredSizing(String sizingId, String decisionId, String portfolioId, String instrumentId,
                           String direction, String sizingMethod, String ruleId, BigDecimal recommendedSize,
                           BigDecimal recommendedNotional, Double recommendedWeight, Double kellyFraction,
                           Double confidenceScore, String requestJson, String responseJson,
                           Double processingTimeMs, Instant createdAt) {
}
