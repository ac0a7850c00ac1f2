package com.positionlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.imports.ImportException;
import com.positionlab.service.imports.ImportKind;
import com.positionlab.service.imports.ImportOptions;
import com.positionlab.service.imports.ImportReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code positionlab import}: imports prices, trades or holdings from a CSV file into the workspace and
 * prints the import report as JSON. Exit code 0 when every row was accepted, 1 when some rows were
 * rejected (the report lists them), 2 when the file cannot be imported at all.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports prices, trades or holdings from a CSV file and prints a JSON report.",
                "By default nothing is stored unless every row is valid; exit code 1 when rows were rejected.",
                "Instruments the workspace does not know are added only with --create-instruments (exit code 2 "
                        + "without it)."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--valid-only", description = "Store the valid rows even when some rows are rejected.")
    boolean validOnly;

    @Option(names = "--portfolio", paramLabel = "ID",
            description = "Portfolio for holdings (default: the first portfolio of the workspace, else 'main').")
    String portfolio;

    @Option(names = "--instrument", paramLabel = "TICKER",
            description = "Ticker of a one-file-per-ticker price file (default: the file name, upper-cased).")
    String instrument;

    @Option(names = "--create-instruments", description = "Add the instruments the file names that the workspace "
            + "does not know (without it such a file stores nothing and the report lists them).")
    boolean createInstruments;

    @Spec
    CommandSpec spec;

    /** Which kind of file to import; exactly one is given. */
    static final class Source {

        @Option(names = "--prices", paramLabel = "FILE", required = true,
                description = "Prices: long (date,instrument,close,...), wide (date,<ticker>,...) or one file "
                        + "per ticker (Date,Open,High,Low,Close,Adj Close,Volume).")
        Path prices;

        @Option(names = "--trades", paramLabel = "FILE", required = true,
                description = "Closed trades: strategy,instrument,side,quantity,entry_time,entry_price,"
                        + "exit_time,exit_price[,pnl].")
        Path trades;

        @Option(names = "--holdings", paramLabel = "FILE", required = true,
                description = "Holdings: instrument,quantity[,portfolio].")
        Path holdings;

        ImportKind kind() {
            return prices != null ? ImportKind.PRICES : trades != null ? ImportKind.TRADES : ImportKind.HOLDINGS;
        }

        Path file() {
            return prices != null ? prices : trades != null ? trades : holdings;
        }
    }

    @Override
    public Integer call() throws Exception {
        Path file = source.file();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        ImportOptions options = new ImportOptions(validOnly, portfolio, instrument, createInstruments);
        ImportReport report;
        try {
            report = db.withServices(services -> services.imports()
                    .importFile(file, source.kind(), options, Progress.NONE));
        } catch (ImportException e) {
            throw new InvalidInputException(e.getMessage());
        }
        spec.commandLine().getOut().println(Json.mapper().writeValueAsString(report));
        if (!createInstruments && !report.unknownInstruments().isEmpty()) {
            List<String> unknown = report.unknownInstruments();
            throw new InvalidInputException("the file names " + unknown.size() + " instrument"
                    + (unknown.size() == 1 ? "" : "s") + " the workspace does not know ("
                    + String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
                    + (unknown.size() > 10 ? ", ..." : "") + "); nothing was stored: check the tickers, or add them "
                    + "with --create-instruments");
        }
        return report.rowsRejected() == 0 ? 0 : 1;
    }
}
