package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frontier [FILE|-] [--points N]}: the efficient frontier of an optimisation request, as JSON. */
@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = {"Prints the efficient frontier: points evenly spaced in expected return from the "
                + "minimum-volatility portfolio to the highest return (each with its return, volatility, Sharpe ratio "
                + "and weights), the critical line algorithm's turning points when it applies, and the minimum-"
                + "volatility and maximum-Sharpe portfolios.",
                "Request: as for optimize, without an objective (objective.risk_free_rate, if given, places the "
                        + "maximum-Sharpe portfolio)."})
final class FrontierCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Option(names = "--points", paramLabel = "N", description = "Frontier portfolios to list, 2 to 1000 "
            + "(default: the request's points, else 50)")
    Integer points;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptimizeRequest r = KellyCommand.readRequest(file, OptimizeRequest.class);
        if (points != null) {
            r = r.withPoints(points);
        }
        try {
            var response = Calculators.create().frontier().frontier(r);
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
            return 0;
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage().replaceFirst("^points:", "--points:"));
        }
    }
}
