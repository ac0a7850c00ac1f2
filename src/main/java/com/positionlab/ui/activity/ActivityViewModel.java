package com.positionlab.ui.activity;

import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredOptimization;
import com.positionlab.domain.StoredSizing;
import com.positionlab.io.AtomicFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.Json;
import com.positionlab.service.metrics.LatencyRecorder;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.optimize.OptimizationHistory;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.sizing.TtlCache;
import com.positionlab.ui.common.Dialogs;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.TaskRunner;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.ui.common.ReportButton;

/**
 * The Activity page: the accepted sizings (position_sizing_history), filtered by text and method, and the
 * live figures of the sizing service (rate, count, errors, latency percentiles, caches). The figures are
 * read from the service's in-memory recorder by {@link #sampleMetrics()}, which is cheap enough to call
 * every second on the UI thread.
 */
public final class ActivityViewModel {

    /** Most sizings listed. */
    public static final int HISTORY_LIMIT = 500;

    /** One cache of the sizing service: its name, time to live, and hits and misses so far. */
    public record CacheRow(String name, Duration ttl, long hits, long misses) {
    }

    /** Most optimisations listed. */
    public static final int OPTIMIZATION_LIMIT = 200;

    private final PositionSizingService service;
    private final OptimizationHistory optimizationHistory;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final Dialogs dialogs;

    private final ObservableList<StoredSizing> history = FXCollections.observableArrayList();
    private final ObservableList<StoredOptimization> optimizations = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<SizingMethod> methodFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<StoredSizing> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper selectedDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LatencyRecorder.Snapshot> metrics = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CacheRow> caches = FXCollections.observableArrayList();
    private final ObservableList<LatencyRecorder.Failure> failures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The days of the batch report of accepted sizings: this month so far by default. */
    private final ObjectProperty<LocalDate> reportFrom = new SimpleObjectProperty<>(
            LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1));
    private final ObjectProperty<LocalDate> reportTo = new SimpleObjectProperty<>(LocalDate.now(ZoneOffset.UTC));
    private int historyGeneration;

    /**
     * @param changes  the workspace's data changed (history rows may be gone)
     * @param accepted a sizing was accepted into the history
     */
    public ActivityViewModel(PositionSizingService service, OptimizationHistory optimizationHistory,
                             TaskRunner runner, Notifier notifier, Dialogs dialogs, WorkspaceChanges changes,
                             WorkspaceChanges accepted) {
        this.service = service;
        this.optimizationHistory = optimizationHistory;
        this.runner = runner;
        this.notifier = notifier;
        this.dialogs = dialogs;
        filterText.addListener((o, a, b) -> refresh());
        methodFilter.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> selectedDetail.set(detail(b)));
        changes.revisionProperty().addListener((o, a, b) -> refresh());
        accepted.revisionProperty().addListener((o, a, b) -> refresh());
        sampleMetrics();
    }

    // ---- state -------------------------------------------------------------------------------

    /** Accepted sizings matching the filters, newest first. */
    public ObservableList<StoredSizing> history() {
        return history;
    }

    /** The workspace portfolios' optimisations and frontiers, newest first, failed runs included. */
    public ObservableList<StoredOptimization> optimizations() {
        return optimizations;
    }

    /** Text that the instrument, method or decision id must contain; blank for all. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The method sizings must have been made with; null for all. */
    public ObjectProperty<SizingMethod> methodFilterProperty() {
        return methodFilter;
    }

    public ObjectProperty<StoredSizing> selectedProperty() {
        return selected;
    }

    /** Why the selected sizing has its size: its binding constraints, reason and warnings, as lines. */
    public ReadOnlyStringProperty selectedDetailProperty() {
        return selectedDetail.getReadOnlyProperty();
    }

    /** The service's counts and latencies at the last sample. */
    public ReadOnlyObjectProperty<LatencyRecorder.Snapshot> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    /** The sizing service's most recent failures, newest first. */
    public ObservableList<LatencyRecorder.Failure> failures() {
        return failures;
    }

    public ObservableList<CacheRow> caches() {
        return caches;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Reads the history with the current filters in the background; only the newest read is shown. */
    public void refresh() {
        int gen = ++historyGeneration;
        String text = filterText.get() == null || filterText.get().isBlank() ? null : filterText.get().strip();
        SizingMethod m = methodFilter.get();
        SizingHistoryFilter filter = new SizingHistoryFilter(null, m == null ? null : m.name(),
                text, HISTORY_LIMIT);
        runner.submit("Reading the sizing history", p -> service.acceptance().history(filter), rows -> {
            if (gen != historyGeneration) {
                return;
            }
            String keep = selected.get() == null ? null : selected.get().sizingId();
            history.setAll(rows);
            selected.set(rows.stream().filter(s -> s.sizingId().equals(keep)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0)));
            status.set(rows.size() + (rows.size() == 1 ? " sizing" : " sizings")
                    + (rows.size() == HISTORY_LIMIT ? " (the newest " + HISTORY_LIMIT + ")" : ""));
        }, e -> notifier.error("Could not read the sizing history", ErrorMessages.describe(e)));
        runner.submit("Reading the optimisations", p -> optimizationHistory.recent(OPTIMIZATION_LIMIT), rows -> {
            if (gen == historyGeneration) {
                optimizations.setAll(rows);
            }
        }, e -> notifier.error("Could not read the optimisations", ErrorMessages.describe(e)));
    }

    /** Copies the service's latency recorder and cache counters into the properties (cheap, UI thread). */
    public void sampleMetrics() {
        metrics.set(service.metrics().snapshot());
        List<LatencyRecorder.Failure> recent = service.metrics().recentFailures();
        if (!recent.equals(failures)) {
            failures.setAll(recent);
        }
        List<CacheRow> rows = service.caches().stream().map(ActivityViewModel::row).toList();
        if (!rows.equals(caches)) {
            caches.setAll(rows);
        }
    }

    /** Asks for a file and writes every stored position_sized event there, one JSON object per line. */
    public ObjectProperty<LocalDate> reportFromProperty() {
        return reportFrom;
    }

    public ObjectProperty<LocalDate> reportToProperty() {
        return reportTo;
    }

    /** Whether both days are set and in order, so that the batch report can be made. */
    public BooleanBinding canReportProperty() {
        return Bindings.createBooleanBinding(() -> reportFrom.get() != null && reportTo.get() != null
                && !reportTo.get().isBefore(reportFrom.get()), reportFrom, reportTo);
    }

    /**
     * Every sizing accepted in the chosen days as one report (a summary, then a page each); the workspace is
     * read when the report is made, in the background.
     */
    public Function<ReportContext, Report> historyReport() {
        LocalDate from = reportFrom.get();
        LocalDate to = reportTo.get();
        return context -> ReportKind.HISTORY.build(ReportButton.json(service.acceptance().between(from, to)),
                context);
    }

    public void exportEvents() {
        Optional<Path> target = dialogs.chooseFileToSave("Export sizing events (JSON Lines)", "sizing-events.jsonl",
                "JSON Lines", "*.jsonl", "*.ndjson");
        target.ifPresent(path -> runner.submit("Exporting sizing events", p -> {
            int[] count = new int[1];
            AtomicFile.writeText(path, w -> count[0] = service.exportEvents(w));
            return count[0];
        }, n -> notifier.info("Events exported", n + (n == 1 ? " event" : " events") + " written to " + path),
                e -> notifier.error("Events not exported", ErrorMessages.describe(e)
                        + ". Choose another folder or file name.")));
    }

    private static CacheRow row(TtlCache<?, ?> c) {
        return new CacheRow(c.name(), c.ttl(), c.hits(), c.misses());
    }

    /** The stored response's reason, binding constraints and warnings; a line saying so when it cannot be read. */
    static String detail(StoredSizing s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append(s.direction()).append(' ').append(Formats.quantity(s.recommendedSize())).append(' ')
                .append(s.instrumentId()).append(" by ").append(s.sizingMethod());
        if (s.ruleId() != null) {
            b.append(" (rule ").append(s.ruleId()).append(')');
        }
        try {
            PositionSizingResponse r = Json.mapper().readValue(s.responseJson(), PositionSizingResponse.class);
            if (r.optimalPosition().reason() != null) {
                b.append("\nNo position: ").append(r.optimalPosition().reason());
            }
            if (r.bindingConstraints() == null || r.bindingConstraints().isEmpty()) {
                b.append("\nNo limit bound the size.");
            } else {
                r.bindingConstraints().forEach(c -> b.append("\n").append(c.name()).append(": ")
                        .append(Formats.percent(c.weightBefore())).append(" → ").append(Formats.percent(c.weightAfter()))
                        .append(" (").append(c.reason()).append(')'));
            }
            if (r.warnings() != null) {
                r.warnings().forEach(w -> b.append("\nNote: ").append(w));
            }
        } catch (Exception e) {
            b.append("\nThe stored response could not be read: ").append(ErrorMessages.describe(e));
        }
        return b.toString();
    }

    /** The entry and stop prices a stored sizing was asked with (NaN when not given or unreadable). */
    public double[] prices(StoredSizing s) {
        return prices.computeIfAbsent(s.sizingId(), id -> {
            try {
                var d = Json.mapper().readValue(s.requestJson(), PositionSizingRequest.class).tradingDecision();
                return new double[] {d == null || d.entryPrice() == null ? Double.NaN : d.entryPrice(),
                        d == null || d.stopPrice() == null ? Double.NaN : d.stopPrice()};
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                return new double[] {Double.NaN, Double.NaN};
            }
        });
    }

    private final java.util.Map<String, double[]> prices = new java.util.HashMap<>();
}
