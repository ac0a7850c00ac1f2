package com.positionlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.config.DataPaths;
import com.positionlab.engine.task.Progress;
import com.positionlab.report.Report;
import com.positionlab.report.ReportFiles;
import com.positionlab.report.ReportFormat;
import com.positionlab.report.ReportInput;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report --kind KIND --in RESULT.json --out FILE}: a command's result as a PDF, CSV, zip or JSON report. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a result as a report: FILE.pdf (inputs, tables, charts, binding limits, page "
                + "numbers), FILE.csv (the main table), FILE.zip (every table as CSV) or FILE.json (the full result).",
                "RESULT.json is what the matching command printed. Kinds:",
                "  sizing       what `size` printed (with --all-methods, every method compared)",
                "  kelly        what `kelly` printed (with --simulation FILE, what `simulate` printed for it)",
                "  simulation   what `simulate` printed",
                "  edge         what `edge` printed",
                "  portfolio    what `portfolio` printed",
                "  optimization what `optimize` printed",
                "  frontier     what `frontier` printed",
                "  backtest     what `backtest` printed (one strategy, several, a sweep or a trade sequence), or",
                "               what `attribution` printed",
                "  history      every sizing accepted from --from to --to (dates), read from the workspace (--db);",
                "               a summary table, then a page each",
                "The file is written whole or not at all; prints {kind, format, file, bytes} as JSON."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "sizing, kelly, simulation, edge, portfolio, history, optimization, frontier or backtest")
    String kind;

    @Option(names = "--in", paramLabel = "RESULT.json", description = "The result, or - for standard input "
            + "(every kind but history)")
    String in;

    @Option(names = "--from", paramLabel = "DATE", description = "history only: the first day, YYYY-MM-DD (UTC)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "history only: the last day, YYYY-MM-DD (UTC)")
    String to;

    @Mixin
    DbOption db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report: .pdf, .csv, .zip or .json")
    Path out;

    @Option(names = "--simulation", paramLabel = "FILE", description = "kelly only: the simulation to report with it")
    String simulation;

    @Option(names = "--workspace", paramLabel = "NAME", description = "The workspace the result came from, as the "
            + "report states it (default: not stated)")
    String workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReportKind k;
        ReportFormat format;
        try {
            k = ReportKind.of(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--kind: " + ValidationException.quote(kind) + " " + e.getMessage());
        }
        try {
            format = ReportFormat.of(out);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--out: " + e.getMessage());
        }
        if (k != ReportKind.HISTORY && (from != null || to != null)) {
            throw new InvalidInputException((from != null ? "--from" : "--to") + ": only a history report has dates");
        }
        if (simulation != null && k != ReportKind.KELLY) {
            throw new InvalidInputException("--simulation: only a kelly report has a simulation");
        }
        if (workspace != null && workspace.length() > 500) {
            throw new InvalidInputException("--workspace: at most 500 characters");
        }
        JsonNode accepted = k == ReportKind.HISTORY ? history() : null;
        ReportContext context = new ReportContext(Instant.now(), workspace != null ? workspace
                : accepted != null ? DataPaths.workspaceName(db.resolvedUrl()) : null, null);
        if (simulation != null) {
            context = context.withSimulation(read("--simulation", simulation));
        }
        Report report;
        try {
            report = k.build(accepted != null ? accepted : read("--in", in), context);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException((simulation != null && e.getMessage().contains("`simulate`")
                    ? "--simulation: " : "--in: ") + e.getMessage());
        }
        Path written;
        try {
            written = ReportFiles.write(report, out, Progress.NONE);
        } catch (ReportFiles.WriteException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", k.id());
        summary.put("format", format.extension());
        summary.put("file", written.toString());
        summary.put("bytes", Files.size(written));
        spec.commandLine().getOut().println(Json.mapper().writeValueAsString(summary));
        return 0;
    }

    /** The sizings accepted from --from to --to, read from the workspace, as the history kind reads them. */
    private JsonNode history() throws Exception {
        if (in != null) {
            throw new InvalidInputException("--in: a history report reads the workspace (--db), not a file");
        }
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        return db.withServices(services -> {
            try {
                return Json.mapper().valueToTree(services.sizing().acceptance().between(first, last));
            } catch (ValidationException e) {
                throw new InvalidInputException("--" + e.getMessage());
            }
        });
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            throw new InvalidInputException(option + ": is required for a history report (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + ": " + ValidationException.quote(text) + " is not a date "
                    + "(YYYY-MM-DD)");
        }
    }

    private JsonNode read(String option, String file) throws IOException {
        if (file == null) {
            throw new InvalidInputException(option + ": is required: the JSON the matching command printed");
        }
        try (InputStream input = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
            return ReportInput.read(input);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option + ": " + ValidationException.quote(file) + ": no such file");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + ": " + e.getMessage());
        }
    }
}
