package com.positionlab.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.positionlab.service.Json;
import com.positionlab.service.portfolio.HoldingRow;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.portfolio.PortfolioSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portfolio}: the holdings with their last prices, market values and weights, as JSON. */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
        description = "Prints a portfolio's holdings, last prices, market values, weights and annualised "
                + "volatilities as JSON.")
final class PortfolioCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--portfolio", paramLabel = "ID", description = "Portfolio id (default: the first one).")
    String portfolioId;

    @Spec
    CommandSpec spec;

    /** JSON shape of one holding; NaN statistics become null. */
    record HoldingJson(String instrumentId, String name, String sector, String currency, BigDecimal quantity,
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

    /** JSON shape of the whole portfolio. */
    record PortfolioJson(String portfolioId, String name, String currency, LocalDate asOf, boolean demoData,
                         BigDecimal cash, double cashWeight, BigDecimal holdingsValue, BigDecimal totalValue,
                         List<HoldingJson> holdings, Map<String, Double> sectorWeights) {
    }

    @Override
    public Integer call() throws Exception {
        return db.withServices(services -> {
            PortfolioService service = services.portfolio();
            String id = portfolioId != null ? portfolioId : service.defaultPortfolio().id();
            if (!service.exists(id)) {
                throw new InvalidInputException("--portfolio: \"" + id + "\" does not exist");
            }
            PortfolioSnapshot s = service.snapshot(id);
            PortfolioJson out = new PortfolioJson(s.portfolioId(), s.name(), s.currency(), s.asOf(), s.demo(),
                    s.cash(), s.cashWeight(), s.holdingsValue(), s.totalValue(),
                    s.holdings().stream().map(HoldingJson::of).toList(), s.sectorWeights());
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(out));
            return 0;
        });
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
