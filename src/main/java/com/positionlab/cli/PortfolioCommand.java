package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.service.Json;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.portfolio.PortfolioJson;
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

    @Override
    public Integer call() throws Exception {
        return db.withServices(services -> {
            PortfolioService service = services.portfolio();
            String id = portfolioId != null ? portfolioId : service.defaultPortfolio().id();
            if (!service.exists(id)) {
                throw new InvalidInputException("--portfolio: \"" + id + "\" does not exist");
            }
            PortfolioJson out = PortfolioJson.of(service.snapshot(id));
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(out));
            return 0;
        });
    }
}
