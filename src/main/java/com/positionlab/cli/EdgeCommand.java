package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edge}: per-strategy edge and Kelly from the closed trades in the store, as JSON. */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "Prints each strategy's edge from its closed trades (win rate, payoff, expectancy, profit "
                + "factor, Kelly with a bootstrap interval) over all trades, the last N trades and the last D days, "
                + "and the dynamic Kelly multiplier from its drawdown, as JSON.")
final class EdgeCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--strategy", paramLabel = "ID", description = "Only this strategy.")
    String strategy;

    @Option(names = "--last-trades", paramLabel = "N", defaultValue = "20", description = "Recent window in trades "
            + "(default: ${DEFAULT-VALUE}).")
    int lastTrades;

    @Option(names = "--last-days", paramLabel = "D", defaultValue = "30", description = "Recent window in days "
            + "(default: ${DEFAULT-VALUE}).")
    int lastDays;

    @Option(names = "--min-trades", paramLabel = "N", defaultValue = "20", description = "Fewer trades than this: "
            + "Kelly is not used (default: ${DEFAULT-VALUE}).")
    int minTrades;

    @Option(names = "--capital", paramLabel = "AMOUNT", defaultValue = "100000", description = "Starting capital "
            + "of the equity curve for the drawdown (default: ${DEFAULT-VALUE}).")
    double capital;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EdgeConfig config;
        try {
            EdgeConfig d = EdgeConfig.defaults();
            config = new EdgeConfig(minTrades, lastTrades, lastDays, d.fallbackFraction(), d.confidenceLevel(),
                    d.resamples(), d.seed());
        } catch (InvalidParameterException e) {
            String option = switch (e.field()) {
                case "recent_trades" -> "--last-trades";
                case "recent_days" -> "--last-days";
                case "minimum_trades" -> "--min-trades";
                default -> e.field();
            };
            throw new InvalidInputException(option + e.getMessage().substring(e.field().length()));
        }
        if (!(capital > 0) || Double.isInfinite(capital)) {
            throw new InvalidInputException("--capital: must be a positive amount, got " + capital);
        }
        return db.withServices(services -> {
            try {
                var reports = services.edge().edges(strategy, config, capital);
                spec.commandLine().getOut().println(Json.mapper().writeValueAsString(reports));
                return 0;
            } catch (ValidationException | InvalidParameterException e) {
                throw new InvalidInputException(e.getMessage().replaceFirst("^strategy:", "--strategy:"));
            }
        });
    }
}
