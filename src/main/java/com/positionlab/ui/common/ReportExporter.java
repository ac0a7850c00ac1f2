package com.positionlab.ui.common;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.positionlab.engine.task.Progress;
import com.positionlab.report.CsvReportWriter;
import com.positionlab.report.Report;
import com.positionlab.report.ReportFiles;
import com.positionlab.report.ReportFormat;
import com.positionlab.report.Section;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.ui.task.TaskRunner;
import com.positionlab.ui.task.Work;

/**
 * How the views export: a result as a report (PDF, CSV of its main table, a zip of every table, or JSON,
 * chosen by the file's extension) and a table as CSV. Asks where, then writes in the background with
 * progress and cancel; the file appears whole or not at all, a failure names the path, and the notification
 * offers to open the folder. One per workstation, made by the composition root.
 */
public final class ReportExporter {

    static final String FORMATS = "Report: PDF, CSV (main table), zip of CSV tables, JSON";

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Dialogs dialogs;
    private final Supplier<String> workspace;
    private final Consumer<Path> openFolder;

    public ReportExporter(TaskRunner runner, Notifier notifier, Dialogs dialogs, Supplier<String> workspace,
                          Consumer<Path> openFolder) {
        this.runner = runner;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.workspace = workspace;
        this.openFolder = openFolder;
    }

    /** When and on which workspace a report made now is. */
    public ReportContext context() {
        return new ReportContext(Instant.now(), workspace.get(), null);
    }

    /**
     * Asks where to save a report of {@code what} (proposing {@code name}, dated, as PDF), then makes it with
     * {@code build} (which holds the result as it was on screen, or reads the workspace) and writes it, both
     * in the background.
     */
    public void export(String what, String name, Function<ReportContext, Report> build) {
        Optional<Path> chosen = dialogs.chooseFileToSave("Export " + what, fileName(name, "pdf"), FORMATS, "*.pdf",
                "*.csv", "*.zip", "*.json");
        if (chosen.isEmpty()) {
            return;
        }
        ReportContext context = context();
        write(p -> build.apply(context), withExtension(chosen.get(), "pdf"));
    }

    /** Asks where to save {@code table} as CSV and writes it. */
    public void saveTable(Section.Table table) {
        Optional<Path> chosen = dialogs.chooseFileToSave("Save " + table.title() + " as CSV",
                fileName(table.name(), "csv"), "CSV", "*.csv");
        Report report = new Report("table", table.title(), "", Instant.now(), workspace.get(), List.of(table), null);
        chosen.ifPresent(path -> write(p -> report, withExtension(path, "csv")));
    }

    /** {@code table} as CSV text, for the clipboard. */
    public static String csv(Section.Table table) {
        StringWriter w = new StringWriter();
        try {
            CsvReportWriter.writeTable(table, w, Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private void write(Work<Report> report, Path target) {
        runner.submit("Writing " + target.getFileName(), p -> ReportFiles.write(report.run(p), target, p),
                written -> notifier.done("Saved " + written.getFileName(), written.toString(), "Open folder",
                        () -> openFolder.accept(written.getParent())),
                e -> notifier.error("Could not write " + target.getFileName(), ErrorMessages.describe(e)));
    }

    /** {@code name-2026-12-03.ext}, safe as a file name. */
    static String fileName(String name, String extension) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("(^-+|-+$)", "");
        return (safe.isEmpty() ? "report" : safe) + "-" + LocalDate.now(ZoneOffset.UTC) + "." + extension;
    }

    /** The path with {@code extension} added when it names none of the formats. */
    static Path withExtension(Path path, String extension) {
        try {
            ReportFormat.of(path);
            return path;
        } catch (IllegalArgumentException e) {
            return path.resolveSibling(path.getFileName() + "." + extension);
        }
    }
}
