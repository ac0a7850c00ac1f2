package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.AllocateRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code allocate [FILE|-]}: target weights to whole units in lots, the leftover cash and the trades, as JSON. */
@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = {"Turns target weights into whole units (in lots), with the cash left over and the trades "
                + "that move the current units there.",
                "Request (JSON): weights {TICKER: w}, latest_prices {TICKER: price} or prices (a wide CSV; each "
                        + "ticker's last price), total_portfolio_value, lot_sizes {TICKER: units}, short_ratio, reinvest "
                        + "(false), method (greedy or exact), time_limit_ms (exact; 10000), current_units {TICKER: n}."})
final class AllocateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AllocateRequest request = KellyCommand.readRequest(file, AllocateRequest.class);
        try {
            var response = Calculators.create().allocate().allocate(request);
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
            return 0;
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
