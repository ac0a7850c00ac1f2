package com.positionlab.domain;

import java.math.BigDecimal;

/** A portfolio: its holdings are stored apart; {@code cash} is in the base currency. */
public record Portfolio(String id, String name, String baseCurrency, BigDecimal cash) {
}
