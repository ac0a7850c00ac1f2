package com.positionlab.service.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One holding as the Portfolio view and the {@code portfolio} command show it.
 *
 * @param lastPrice            latest close, or NaN when the instrument has no price
 * @param marketValue          quantity x last price, rounded to the currency's minor unit
 * @param weight               market value / portfolio total (holdings + cash), a fraction
 * @param annualisedVolatility sample standard deviation of the last year's daily simple returns x sqrt(252),
 *                             a fraction; NaN with fewer than 20 returns
 * @param averageCost          average price paid per unit, null when not known
 * @param costBasis            quantity x average cost (negative for a short), null when the cost is not known
 * @param unrealisedPnl        market value - cost basis, null when the cost or the price is not known
 * @param dayChange            the last close over the one before, less 1 (adjusted closes), a fraction; NaN
 *                             without two closes
 */
public record HoldingRow(String instrumentId, String name, String sector, String currency, BigDecimal lotSize,
                         BigDecimal quantity, double lastPrice, LocalDate lastPriceDate, BigDecimal marketValue,
                         double weight, double annualisedVolatility, BigDecimal averageCost, BigDecimal costBasis,
                         BigDecimal unrealisedPnl, double dayChange) {
}
