package com.positionlab.ui.activity;

import com.positionlab.domain.StoredOptimization;
import com.positionlab.domain.StoredSizing;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.metrics.LatencyRecorder;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.service.Names;
import com.positionlab.ui.common.Views;
import javafx.scene.control.DatePicker;
import com.positionlab.ui.common.ReportButton;
import com.positionlab.ui.common.ReportExporter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.util.StringConverter;

/**
 * The Activity view: live figures of the sizing service on top (sampled once a second while the page is
 * shown), the accepted sizings with their filters, and the selected sizing's reasons and the caches below.
 */
public final class ActivityView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ActivityViewModel model;
    private final ReportExporter exporter;
    private final Label rate = value("activity-rate");
    private final Label count = value("activity-count");
    private final Label errors = value("activity-errors");
    private final TitledPane diagnostics = new TitledPane();
    private final TabPane diagnosticTabs = new TabPane();
    private final Tab errorsTab = new Tab("Errors");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(java.time.ZoneId.systemDefault());
    private final Label refused = value("activity-refused");
    private final Label p50 = value("activity-p50");
    private final Label p95 = value("activity-p95");
    private final Label p99 = value("activity-p99");
    private final Label max = value("activity-max");
    private final Timeline sampler;

    public ActivityView(ActivityViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
        sampler = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.sampleMetrics()));
        sampler.setCycleCount(Animation.INDEFINITE);
    }

    /** The batch report of accepted sizings: from, to, and Export…. */
    private Node reportControls() {
        DatePicker from = new DatePicker();
        from.setId("activity-report-from");
        from.valueProperty().bindBidirectional(model.reportFromProperty());
        DatePicker to = new DatePicker();
        to.setId("activity-report-to");
        to.valueProperty().bindBidirectional(model.reportToProperty());
        for (DatePicker p : List.of(from, to)) {
            p.setPrefWidth(150);
            p.setMinWidth(150);
            p.setConverter(isoDates(p));
            p.setTooltip(new Tooltip("Days of the report of accepted sizings (UTC), both included"));
        }
        Button report = ReportButton.of("activity-report", exporter, model.canReportProperty(),
                "the sizings accepted in these days", () -> "sizings-" + model.reportFromProperty().get() + "-to-"
                        + model.reportToProperty().get(), model::historyReport);
        report.setText("Report…");
        HBox box = new HBox(6, Views.caption("Accepted from"), from, Views.caption("to"), to, report);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Dates as YYYY-MM-DD whatever the locale; text that is no date keeps the date it had. */
    private static StringConverter<LocalDate> isoDates(DatePicker picker) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
                } catch (DateTimeParseException e) {
                    return picker.getValue();
                }
            }
        };
    }

    public Node createView() {
        Label title = new Label("Activity");
        title.getStyleClass().add(Styles.TITLE_3);
        Button export = new Button("Export events (JSON Lines)", new FontIcon(Feather.DOWNLOAD));
        export.setId("activity-export");
        export.setTooltip(new Tooltip("Every position_sized event of the workspace, one JSON object per line, "
                + "oldest first"));
        export.setOnAction(e -> model.exportEvents());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, title, spacer, reportControls(), export);
        head.setAlignment(Pos.CENTER_LEFT);

        Node history = historyCard();
        HBox.setHgrow(history, Priority.ALWAYS);
        HBox body = new HBox(8, history, side());
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox root = new VBox(8, head, metricsCard(), body);
        root.setId("activity-view");
        root.getStyleClass().add("page");
        model.metricsProperty().addListener((o, a, s) -> showMetrics(s));
        showMetrics(model.metricsProperty().get());
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                sampler.stop();
            } else {
                model.sampleMetrics();
                sampler.play();
            }
        });
        return root;
    }

    private Node metricsCard() {
        HBox tiles = new HBox(34, tile("Sizings per second", rate, "Sizings finished in the last 10 seconds, per "
                        + "second"), tile("Sizings since start", count, "Sizings this session ran, comparisons included"),
                errorsTile(),
                tile("Refused", refused, "Tickets refused for their input: the ticket said why beside the field"),
                tile("P50 latency", p50, "Half of the recent sizings took at most this long"),
                tile("P95 latency", p95, "95% of the recent sizings took at most this long"),
                tile("P99 latency", p99, "99% of the recent sizings took at most this long"),
                tile("Slowest", max, "The slowest recent sizing"));
        VBox box = new VBox(4, tiles, Views.caption("Live, this session; latency over the last "
                + LatencyRecorder.WINDOW + " sizings, updated every second."));
        return Views.card("Sizing service", box);
    }

    private Node historyCard() {
        TextField filter = new TextField();
        filter.setId("activity-filter");
        filter.setPromptText("Filter: instrument, method or decision id");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<SizingMethod> method = new ComboBox<>();
        method.setId("activity-method");
        method.getItems().add(null);
        method.getItems().addAll(SizingMethod.values());
        method.setConverter(Views.converter(m -> m == null ? "All methods" : Names.method(m)));
        method.valueProperty().bindBidirectional(model.methodFilterProperty());
        method.setPrefWidth(190);
        Label status = Views.caption("");
        status.textProperty().bind(model.statusProperty());
        HBox filters = new HBox(8, filter, method, status);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<StoredSizing> table = new TableView<>(model.history());
        table.setId("activity-history");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "compact-table");
        // Every column at its full width; what does not fit scrolls sideways rather than being cut.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No accepted sizings yet: size a trade and press Accept."));
        table.getColumns().setAll(List.of(
                Columns.text("Time", "When the sizing was accepted", s -> TIME.format(s.createdAt()), 130),
                Columns.text("Ticker", "The instrument", StoredSizing::instrumentId, 65),
                Columns.text("Side", "LONG or SHORT", StoredSizing::direction, 58),
                Columns.number("Entry", "Entry price asked for", s -> Formats.price(model.prices(s)[0]), 70),
                Columns.number("Stop", "Stop price asked for (— when none)", s -> Formats.price(model.prices(s)[1]), 64),
                Columns.text("Rule", "The stored rule the ticket used (— when none)",
                        s -> s.ruleId() == null ? "—" : s.ruleId(), 90),
                Columns.named("Method", "The sizing method", s -> Names.method(s.sizingMethod()),
                        StoredSizing::sizingMethod, 110),
                Columns.number("Units", "Recommended units", s -> Formats.quantity(s.recommendedSize()), 60),
                Columns.number("Notional", "Units x entry price, in the instrument's currency",
                        s -> Formats.money(s.recommendedNotional()), 95),
                Columns.number("Weight", "Notional as % of equity", s -> percent(s.recommendedWeight()), 62),
                Columns.number("Kelly f*", "Growth-optimal weight, % of equity (negative: the edge is against "
                        + "the trade's direction)", s -> percent(s.kellyFraction()), 72),
                Columns.number("Confidence", "Confidence score of the estimate (0 to 1)",
                        s -> s.confidenceScore() == null ? "—" : Formats.decimal2(s.confidenceScore()), 95)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        model.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        VBox box = new VBox(6, filters, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        TabPane tabs = new TabPane(new Tab("Accepted sizings", box), new Tab("Optimisations", optimizationTable()));
        tabs.setId("activity-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return Views.card("History", tabs);
    }

    /** Every stored optimisation and frontier of the workspace's portfolios, failed runs shown as such. */
    private Node optimizationTable() {
        TableView<StoredOptimization> table = new TableView<>(model.optimizations());
        table.setId("activity-optimizations");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "compact-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No optimisation stored yet: optimize a portfolio (portfolio_id) "
                + "from the API or the command line with --db."));
        table.getColumns().setAll(List.of(
                Columns.text("Time", "When the run finished", o -> TIME.format(o.createdAt()), 150),
                Columns.text("Portfolio", "The workspace portfolio it was for", StoredOptimization::portfolioId, 90),
                Columns.text("Kind", "optimize: one portfolio; frontier: the efficient frontier",
                        StoredOptimization::kind, 70),
                Columns.text("Method", "The objective (API name)", o -> o.method() == null ? "—" : o.method(), 130),
                Columns.text("Status", "optimal, or failed: no answer (infeasible, unbounded, not converged)",
                        StoredOptimization::status, 64),
                Columns.number("Latency", "Wall time of the run", o -> ms(o.latencyMs()), 70),
                Columns.number("Iterations", "Turning points, root-search or solver steps, as the method counts them",
                        o -> o.iterations() == null ? "—" : Integer.toString(o.iterations()), 92),
                Columns.longText("Solver or error", "The method or library that answered, or why there was no answer",
                        o -> o.error() != null ? o.error() : o.solver(), 320)));
        return table;
    }

    private Node side() {
        Label detail = new Label();
        detail.setId("activity-detail");
        detail.setWrapText(true);
        detail.getStyleClass().add(Styles.TEXT_SMALL);
        detail.textProperty().bind(model.selectedDetailProperty());
        Label hint = Views.caption("Select a sizing to see what bound its size.");
        hint.visibleProperty().bind(model.selectedProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());

        TableView<ActivityViewModel.CacheRow> caches = new TableView<>(model.caches());
        caches.setId("activity-caches");
        caches.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "compact-table");
        caches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        caches.getColumns().setAll(List.of(
                Columns.longText("Cache", "What the sizing service keeps in memory; dropped when the data changes",
                        ActivityViewModel.CacheRow::name, 170),
                Columns.number("Keeps", "Time to live", c -> ttl(c.ttl()), 62),
                Columns.number("Hits", "Lookups answered from the cache, of all lookups",
                        c -> c.hits() + " of " + (c.hits() + c.misses()), 68)));
        caches.setPrefHeight(260);
        TableView<LatencyRecorder.Failure> failed = new TableView<>(model.failures());
        failed.setId("activity-failures");
        failed.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "compact-table");
        failed.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        failed.setPlaceholder(new Label("No sizing has failed this session"));
        failed.getColumns().setAll(List.of(
                Columns.text("When", "Local time the sizing failed", f -> CLOCK.format(f.at()), 70),
                Columns.longText("What failed", "The ticket and the error, as the service reported it",
                        LatencyRecorder.Failure::what, 200)));
        // Errors and caches are for diagnosing the service, not for daily use: folded away until asked for.
        errorsTab.setContent(failed);
        diagnosticTabs.getTabs().setAll(errorsTab, new Tab("Caches", caches));
        diagnosticTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        diagnosticTabs.getStyleClass().add(Styles.DENSE);
        diagnostics.setText("Diagnostics: errors and caches");
        diagnostics.setContent(diagnosticTabs);
        diagnostics.setId("activity-diagnostics");
        diagnostics.setExpanded(false);
        VBox box = new VBox(8, Views.card("Selected sizing", new VBox(4, hint, detail)), diagnostics);
        VBox.setVgrow(box.getChildren().get(0), Priority.ALWAYS);
        box.setMinWidth(320);
        box.setPrefWidth(320);
        return box;
    }

    private void showMetrics(LatencyRecorder.Snapshot s) {
        if (s == null) {
            return;
        }
        rate.setText(Formats.decimal2(s.ratePerSecond()));
        count.setText(Long.toString(s.count()));
        errors.setText(Long.toString(s.errors()));
        refused.setText(Long.toString(s.rejected()));
        if (s.errors() > 0 && !errors.getStyleClass().contains(Styles.DANGER)) {
            errors.getStyleClass().add(Styles.DANGER);
        }
        p50.setText(ms(s.p50Ms()));
        p95.setText(ms(s.p95Ms()));
        p99.setText(ms(s.p99Ms()));
        max.setText(ms(s.maxMs()));
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? (v < 10 ? Formats.decimal2(v) : String.format(java.util.Locale.US, "%.0f", v)) + " ms" : "—";
    }

    private static String percent(Double v) {
        return v == null ? "—" : Formats.percent(v);
    }

    private static String ttl(java.time.Duration d) {
        return d.toMinutes() >= 60 && d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    /** The error count, which opens the list of errors under Diagnostics when clicked. */
    private Node errorsTile() {
        Node tile = tile("Errors", errors, "Sizings that failed on our side (the workspace, a fault). Click to see "
                + "them under Diagnostics.");
        tile.setId("activity-errors-tile");
        tile.setCursor(javafx.scene.Cursor.HAND);
        tile.setOnMouseClicked(e -> showErrors());
        return tile;
    }

    /** Unfolds Diagnostics on its Errors tab. */
    void showErrors() {
        diagnostics.setExpanded(true);
        diagnosticTabs.getSelectionModel().select(errorsTab);
    }

    private static Node tile(String caption, Label value, String tip) {
        Label c = Views.caption(caption);
        c.setTooltip(new Tooltip(tip));
        return new VBox(1, c, value);
    }

    private static Label value(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().addAll(Styles.TITLE_3, "tile-value");
        return l;
    }
}
