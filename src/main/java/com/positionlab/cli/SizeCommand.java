package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code size [FILE|-] [--db URL] [--all-methods]}: a PositionSizingRequest in, the PositionSizingResponse out. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = {"Sizes a trade from a PositionSizingRequest (JSON, snake_case) and prints the "
                + "PositionSizingResponse.",
                "Return history, prices, sectors and lot sizes come from the workspace (--db, else the default "
                        + "workspace) unless portfolio_state carries return_history; then no workspace is opened.",
                "With a workspace the sizing emits a position_sized event into its outbox (see 'events')."})
final class SizeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Mixin
    DbOption db;

    @Option(names = "--all-methods", description = "Also size the decision by every method, side by side "
            + "(the response's comparison).")
    boolean allMethods;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PositionSizingRequest request = KellyCommand.readRequest(file, PositionSizingRequest.class);
        boolean selfContained = db.url == null && request.portfolioState() != null
                && request.portfolioState().returnHistory() != null && request.ruleId() == null;
        PositionSizingResponse response;
        try {
            if (selfContained) {
                response = run(Calculators.create().sizing(), request);
            } else {
                response = db.withServices(services -> run(services.sizing(), request));
            }
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
        spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
        return 0;
    }

    private PositionSizingResponse run(PositionSizingService service, PositionSizingRequest request) {
        return allMethods ? service.sizeAllMethods(request) : service.size(request);
    }
}
