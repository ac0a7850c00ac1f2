package com.positionlab.domain;

import java.math.BigDecimal;

/**
 * A position of a portfolio: a quantity of one instrument (negative for a short), and the average price paid
 * per unit when it is known (null otherwise).
 */
public record Holding(String portfolioId, String instrumentId, BigDecimal quantity, BigDecimal averageCost) {

    /** A holding whose average cost is not known. */
    public Holding(String portfolioId, String instrumentId, BigDecimal quantity) {
        this(portfolioId, instrumentId, quantity, null);
    }
}
