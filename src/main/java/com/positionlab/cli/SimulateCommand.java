package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.kelly.SimulationRequest;
import com.positionlab.service.kelly.SimulationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simulate [FILE|-] [--threads N]}: Monte Carlo growth paths for several betting fractions, as JSON. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates wealth paths of betting fractions of current capital on repeated bets and prints "
                + "terminal wealth percentiles, percentile bands, ruin and target probabilities, drawdowns, mean log "
                + "growth, sample paths and, for two-outcome bets, the exact lattice answers; plus the recommended "
                + "fraction.",
                "Request (JSON): win_probability, win_loss_ratio (or outcomes: a trade list per unit staked), "
                        + "fractions, bets (250), paths (10000), initial_capital (100000), ruin_level (0.5), "
                        + "target_multiple (2), seed (42), stop_ruined_paths (false), ruin_probability_limit (0.05)."})
final class SimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores). "
            + "Results do not depend on it.")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new InvalidInputException("--threads: must be between 1 and 256, got " + n);
        }
        SimulationRequest request = KellyCommand.readRequest(file, SimulationRequest.class,
                SimulationService::check);
        try {
            var response = Calculators.create().simulation().simulate(request, n, Progress.NONE);
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
            return 0;
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
