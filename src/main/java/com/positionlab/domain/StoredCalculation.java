package com.positionlab.domain;

import java.time.OffsetDateTime;

/** One Kelly calculation as kept, with its request and response as JSON. Nullable fields are those the request did not have. */
public record StoredCalculation(String calculationId, String strategyId, String instrumentId,
                                Double winProbability, Double averageWin, Double averageLoss,
                                Double expectedReturn, double kellyFraction, double adjustedKelly,
                                Double confidenceLower, Double confidenceUpper, Double confidenceLevel,
                                Integer sampleSize, String requestJson, String responseJson,
                                double processingTimeMs, OffsetDateTime createdAt) {
}
