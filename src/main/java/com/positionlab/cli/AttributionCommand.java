package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.AttributionRequest;
import com.positionlab.service.backtest.AttributionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attribution [FILE|-]}: one period's Brinson-Fachler attribution by sector, as JSON. */
@Command(name = "attribution", mixinStandardHelpOptions = true,
        description = {"Attributes one period's active return (portfolio minus benchmark) to allocation, selection "
                + "and interaction by sector (Brinson-Fachler), and prints each sector's effects with the totals.",
                "Request (JSON, each map keyed by sector): portfolio_weights and benchmark_weights (fractions, each "
                        + "side summing to 1; a sector may be on one side only), portfolio_returns and "
                        + "benchmark_returns (the period's returns as fractions, for every sector the side holds)."})
final class AttributionCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AttributionRequest request = KellyCommand.readRequest(file, AttributionRequest.class,
                AttributionService::check);
        try {
            var response = Calculators.create().attribution().attribute(request);
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
            return 0;
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
