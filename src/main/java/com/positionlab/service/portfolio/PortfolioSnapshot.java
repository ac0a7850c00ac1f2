package com.positionlab.service.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A portfolio valued at its latest prices.
 *
 * @param holdingsValue    sum of the holdings' market values
 * @param totalValue       holdings value + cash
 * @param sectorWeights    sector -> weight of the total (cash excluded), largest first
 * @param asOf             the latest price date among the holdings, or null when none has a price
 */
public record PortfolioSnapshot(String portfolioId, String name, String currency, List<HoldingRow> holdings,
                                BigDecimal cash, BigDecimal holdingsValue, BigDecimal totalValue,
                                Map<String, Double> sectorWeights, LocalDate asOf, boolean demo) {

    public double cashWeight() {
        return totalValue.signum() == 0 ? 0.0 : cash.doubleValue() / totalValue.doubleValue();
    }
}
