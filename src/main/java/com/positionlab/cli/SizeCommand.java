package com.positionlab.cli;

import java.util.List;

import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
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
        PositionSizingRequest request = KellyCommand.readRequest(file, PositionSizingRequest.class, this::check);
        boolean selfContained = selfContained(request);
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

    /** Sized without a workspace: the request brings its book and returns and names no stored rule. */
    private boolean selfContained(PositionSizingRequest request) {
        return db.url == null && request.portfolioState() != null && request.portfolioState().returnHistory() != null
                && request.ruleId() == null;
    }

    /**
     * The problems of the rest of a request that has fields of the wrong type, so that all are reported at
     * once (only then, and only a workspace named with --db, is opened for the check: nothing is sized or
     * recorded).
     */
    private List<FieldError> check(PositionSizingRequest request) {
        try {
            if (selfContained(request)) {
                return Calculators.create().sizing().check(request);
            }
            // Only a workspace named with --db is opened for a check: the default one may not exist yet.
            return db.url == null ? List.of() : db.withServices(services -> services.sizing().check(request));
        } catch (Exception e) {
            return List.of();
        }
    }

    private PositionSizingResponse run(PositionSizingService service, PositionSizingRequest request) {
        return allMethods ? service.sizeAllMethods(request) : service.size(request);
    }
}
