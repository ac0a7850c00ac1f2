package com.positionlab.service.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A portfolio as the {@code portfolio} command prints it (snake_case in JSON), which its report reads: the
 * snapshot with statistics that do not exist (NaN) as null.
 */
public record PortfolioJson(String portfolioId, String name, String currency, LocalDate asOf, boolean demoData,
                            BigDecimal cash, double cashWeight, BigDecimal holdingsValue, BigDecimal totalValue,
                            List<HoldingJson> holdings, Map<String, Double> sectorWeights) {

    /** One holding. */
    public record HoldingJson(String instrumentId, String name, String sector, String currency, BigDecimal quantity,
                              Double lastPrice, LocalDate lastPriceDate, BigDecimal marketValue, double weight,
                              Double annualisedVolatility, BigDecimal averageCost, BigDecimal costBasis,
                              BigDecimal unrealisedPnl, Double dayChange) {
        static HoldingJson of(HoldingRow r) {
            return new HoldingJson(r.instrumentId(), r.name(), r.sector(), r.currency(), r.quantity(),
                    finite(r.lastPrice()), r.lastPriceDate(), r.marketValue(), r.weight(),
                    finite(r.annualisedVolatility()), r.averageCost(), r.costBasis(), r.unrealisedPnl(),
                    finite(r.dayChange()));
        }
    }

    public static PortfolioJson of(PortfolioSnapshot s) {
        return new PortfolioJson(s.portfolioId(), s.name(), s.currency(), s.asOf(), s.demo(), s.cash(), s.cashWeight(),
                s.holdingsValue(), s.totalValue(), s.holdings().stream().map(HoldingJson::of).toList(),
                s.sectorWeights());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
