package com.positionlab.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.risk.RiskRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code risk --returns FILE}: VaR and CVaR of a series of daily returns under one risk model, as JSON. */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Measures value at risk and expected shortfall (CVaR) of daily simple returns and prints them "
                + "as positive loss fractions over the horizon (one-day figures times sqrt(days)), as JSON.",
                "Models: HISTORICAL_VAR (empirical quantile, linear interpolation), PARAMETRIC (normal, or "
                        + "Cornish-Fisher with --cornish-fisher), MONTE_CARLO (normal scenarios from the sample "
                        + "mean and deviation), GARCH (GARCH(1,1) fit, at least 100 returns; prints the fit and "
                        + "uses its one-day-ahead volatility forecast)."})
final class RiskCommand implements Callable<Integer> {

    @Option(names = "--returns", required = true, paramLabel = "FILE", description = "CSV file with a header and a "
            + "'return' column (any case; other columns ignored) of daily simple returns, e.g. 0.012.")
    String file;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "HISTORICAL_VAR", description = "HISTORICAL_VAR, "
            + "PARAMETRIC, MONTE_CARLO or GARCH (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95", description = "Confidence level in "
            + "(0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--horizon", paramLabel = "DAYS", defaultValue = "1", description = "Horizon in trading days, "
            + "at least 1 (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--cornish-fisher", description = "PARAMETRIC: correct the normal quantile for the sample's "
            + "skewness and excess kurtosis.")
    boolean cornishFisher;

    @Option(names = "--scenarios", paramLabel = "N", defaultValue = "10000", description = "MONTE_CARLO: number of "
            + "scenarios (default: ${DEFAULT-VALUE}).")
    int scenarios;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "MONTE_CARLO: random seed; the "
            + "same seed gives the same figures (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RiskRequest request = new RiskRequest(parseModel(model), confidence, horizon, cornishFisher, scenarios, seed);
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("--returns: \"" + file + "\" is not a valid file name");
        }
        try {
            var response = Calculators.create().risk().measure(path, request);
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
            return 0;
        } catch (ValidationException e) {
            throw new InvalidInputException(option(e.field()) + ": " + e.reason());
        }
    }

    /** A model name in any case, with '-' or '_' between words. */
    static RiskModel parseModel(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RiskModel m : RiskModel.values()) {
            if (m.name().equals(key)) {
                return m;
            }
        }
        throw new InvalidInputException("--model: \"" + name + "\" is not one of "
                + String.join(", ", Arrays.stream(RiskModel.values()).map(Enum::name).toList()));
    }

    private static String option(String field) {
        return switch (field) {
            case "returns" -> "--returns";
            case "confidence_level" -> "--confidence";
            case "horizon_days" -> "--horizon";
            case "scenarios" -> "--scenarios";
            case "risk_model" -> "--model";
            default -> field;
        };
    }
}
