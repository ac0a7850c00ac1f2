package com.positionlab.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.Strategy;
import com.positionlab.service.imports.ImportKind;
import com.positionlab.service.imports.ImportOptions;
import com.positionlab.service.imports.ImportReport;
import com.positionlab.service.imports.ImportService;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.ui.common.Dialogs;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.TaskRunner;

/**
 * State and commands of the Data view: what the workspace holds, CSV import with its report, and
 * resetting the workspace to the demo or to empty.
 */
public final class DataViewModel {

    /** A strategy with its number of closed trades. */
    public record StrategyRow(String id, String name, String description, int trades) {
    }

    private final WorkspaceService workspace;
    private final ImportService imports;
    private final PortfolioService portfolios;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final Dialogs dialogs;
    private final WorkspaceChanges changes;

    private final ReadOnlyObjectWrapper<WorkspaceService.Summary> summary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Instrument> instruments = FXCollections.observableArrayList();
    private final ObservableList<StrategyRow> strategies = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ImportReport> lastReport = new ReadOnlyObjectWrapper<>();

    public DataViewModel(WorkspaceService workspace, ImportService imports, PortfolioService portfolios,
                         TaskRunner runner, Notifier notifier, Dialogs dialogs, WorkspaceChanges changes) {
        this.workspace = workspace;
        this.imports = imports;
        this.portfolios = portfolios;
        this.runner = runner;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.changes = changes;
        changes.revisionProperty().addListener((o, a, b) -> refresh());
    }

    public ReadOnlyObjectProperty<WorkspaceService.Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Instrument> instruments() {
        return instruments;
    }

    public ObservableList<StrategyRow> strategies() {
        return strategies;
    }

    public ReadOnlyObjectProperty<ImportReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    /** Reloads the summary, the instruments and the strategies. */
    public void refresh() {
        runner.submit("Loading workspace", p -> {
            Map<String, Integer> counts = workspace.tradeCounts();
            List<StrategyRow> rows = workspace.strategies().stream().map(s -> row(s, counts)).toList();
            return new Loaded(workspace.summary(), workspace.instruments(), rows);
        }, loaded -> {
            summary.set(loaded.summary());
            instruments.setAll(loaded.instruments());
            strategies.setAll(loaded.strategies());
        }, e -> notifier.error("Could not read the workspace", ErrorMessages.describe(e)));
    }

    private record Loaded(WorkspaceService.Summary summary, List<Instrument> instruments, List<StrategyRow> strategies) {
    }

    private static StrategyRow row(Strategy s, Map<String, Integer> counts) {
        return new StrategyRow(s.id(), s.name(), s.description() == null ? "" : s.description(),
                counts.getOrDefault(s.id(), 0));
    }

    /** Asks for a CSV file and imports it: checked first; when rows are rejected, asks before importing the rest. */
    public void importFile(ImportKind kind) {
        Optional<Path> file = dialogs.chooseFileToOpen("Import " + kind.name().toLowerCase() + " from CSV",
                "CSV files", "*.csv", "*.txt");
        file.ifPresent(f -> importFile(kind, f));
    }

    /** Imports {@code file} as {@code kind}, checking it first. */
    public void importFile(ImportKind kind, Path file) {
        runner.submit("Checking " + file.getFileName(), p -> {
            String portfolioId = kind == ImportKind.HOLDINGS ? portfolios.defaultPortfolio().id() : null;
            ImportOptions options = new ImportOptions(false, portfolioId, null);
            return new Checked(options, imports.validate(file, kind, options, p));
        }, checked -> {
            ImportReport report = checked.report();
            ImportOptions options = checked.options();
            if (!report.unknownInstruments().isEmpty()) {
                if (!confirmNewInstruments(file, report)) {
                    return;
                }
                options = options.creatingInstruments();
            }
            if (report.rowsRejected() == 0) {
                write(kind, file, options);
                return;
            }
            lastReport.set(report);
            if (report.rowsAccepted() == 0) {
                notifier.error("Nothing imported", file.getFileName() + ": all " + report.rowsRejected()
                        + " rows were rejected. The report below lists each line and why; fix the file and import again.");
                return;
            }
            if (dialogs.confirm("Rows rejected", report.rowsRejected() + " of " + report.rowsRead() + " rows of "
                    + file.getFileName() + " were rejected (see the report). Import the " + report.rowsAccepted()
                    + " valid rows only?", "Import valid rows")) {
                write(kind, file, new ImportOptions(true, options.portfolioId(), options.instrumentId(),
                        options.createInstruments()));
            } else {
                notifier.info("Nothing imported", "Fix the rejected rows listed below and import again.");
            }
        }, e -> notifier.error("Could not import " + file.getFileName(), ErrorMessages.describe(e)));
    }

    private record Checked(ImportOptions options, ImportReport report) {
    }

    /** Asks before adding the instruments a file names that the workspace does not know; false: nothing imported. */
    private boolean confirmNewInstruments(Path file, ImportReport report) {
        List<String> unknown = report.unknownInstruments();
        String names = String.join(", ", unknown.subList(0, Math.min(12, unknown.size())))
                + (unknown.size() > 12 ? " and " + (unknown.size() - 12) + " more" : "");
        if (dialogs.confirm("New instruments", file.getFileName() + " names " + unknown.size() + " instrument"
                + (unknown.size() == 1 ? "" : "s") + " this workspace does not know: " + names + ". Add "
                + (unknown.size() == 1 ? "it" : "them") + " as new instruments and import?", "Add and import")) {
            return true;
        }
        lastReport.set(report);
        notifier.info("Nothing imported", "Check the tickers in " + file.getFileName() + " and import again.");
        return false;
    }

    private void write(ImportKind kind, Path file, ImportOptions options) {
        runner.submit("Importing " + file.getFileName(), p -> imports.importFile(file, kind, options, p), report -> {
            lastReport.set(report);
            notifier.info("Imported " + file.getFileName(), report.rowsAccepted() + " rows accepted, "
                    + report.rowsNew() + " new" + (report.rowsRejected() > 0 ? ", " + report.rowsRejected()
                    + " rejected" : ""));
            changes.changed();
        }, e -> notifier.error("Could not import " + file.getFileName(), ErrorMessages.describe(e)));
    }

    /** Replaces the workspace with a fresh demo workspace, after confirmation. */
    public void resetToDemo() {
        if (!dialogs.confirm("Reset to demo", "Replace everything in this workspace with the generated demo "
                + "workspace? Your instruments, prices, trades and holdings will be deleted.", "Replace with demo")) {
            return;
        }
        runner.submit("Creating demo workspace", workspace::createDemo, d -> {
            notifier.info("Demo workspace ready", d.instruments().size() + " instruments, " + d.trades().size()
                    + " trades, " + d.holdings().size() + " holdings");
            changes.changed();
        }, e -> notifier.error("Could not create the demo workspace", ErrorMessages.describe(e)));
    }

    /** Empties the workspace (one empty portfolio remains), after confirmation. */
    public void startEmpty() {
        if (!dialogs.confirm("Start an empty workspace", "Delete everything in this workspace and start empty? "
                + "You can import prices, trades and holdings afterwards.", "Delete and start empty")) {
            return;
        }
        runner.submit("Emptying workspace", p -> {
            workspace.createEmpty();
            return true;
        }, ok -> {
            notifier.info("Empty workspace", "Import prices first, then holdings and trades.");
            changes.changed();
        }, e -> notifier.error("Could not empty the workspace", ErrorMessages.describe(e)));
    }
}
