package com.positionlab.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.JsonRequests;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.service.kelly.KellyService;
import com.positionlab.service.ValidationException;
import com.positionlab.service.kelly.KellyCalculationRequest;
import com.positionlab.service.kelly.KellyCalculationResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kelly [FILE|-]}: a KellyCalculationRequest in, a KellyCalculationResponse out, as JSON. */
@Command(name = "kelly", mixinStandardHelpOptions = true,
        description = {"Computes a Kelly fraction from a KellyCalculationRequest (JSON, snake_case) and prints the "
                + "KellyCalculationResponse.",
                "Discrete: win_probability, average_win, average_loss [, sample_size, confidence_level]. "
                        + "Continuous: expected_return, portfolio_volatility. Multi-asset: expected_returns, "
                        + "volatilities, correlation_matrix [, leverage_cap]. Always: kelly_multiplier (0.25), "
                        + "max_kelly_fraction (0.5)."})
final class KellyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Also store the calculation in this workspace's kelly_calculations table.")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KellyCalculationRequest request = readRequest(file, KellyCalculationRequest.class, KellyService::check);
        KellyCalculationResponse response;
        try {
            if (db == null) {
                response = Calculators.create().kelly().calculate(request);
            } else {
                DbOption option = new DbOption();
                option.url = db;
                response = option.withServices(services -> services.kelly().calculate(request));
            }
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
        spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
        return 0;
    }

    /** Reads a JSON request from a file or standard input; any problem is invalid input naming the field. */
    static <T> T readRequest(String file, Class<T> type) throws Exception {
        return readRequest(file, type, value -> List.of());
    }

    /**
     * Reads a JSON request; fields of the wrong type are reported together with what {@code check} finds
     * wrong with the rest (see {@link JsonRequests#readChecked}).
     */
    static <T> T readRequest(String file, Class<T> type, Function<T, List<FieldError>> check) throws Exception {
        try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
            return JsonRequests.readChecked(in, type, check);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
