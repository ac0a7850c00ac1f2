package com.positionlab.domain;

import java.math.BigDecimal;

/** A position of a portfolio: a quantity of one instrument (negative for a short). */
public record Holding(String portfolioId, String instrumentId, BigDecimal quantity) {
}
