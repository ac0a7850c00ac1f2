package com.positionlab.ui.backtest;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.positionlab.domain.StoredBacktest;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.TableExport;
import com.positionlab.ui.common.Views;

/** The stored backtests, newest first; Reload (or a double click) shows one as it was answered, not run again. */
final class HistoryTab {

    private final BacktestViewModel model;
    private final ReportExporter exporter;

    HistoryTab(BacktestViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    Node create() {
        TableView<StoredBacktest> table = new TableView<>(model.recent());
        table.setId("backtest-history");
        table.setPlaceholder(new Label("No stored backtests yet"));
        table.getColumns().add(Columns.text("Run at", "When the backtest was run and stored",
                b -> Formats.dateTime(b.createdAt()), TextWidth.cell("2026-12-31 23:59")));
        table.getColumns().add(Columns.named("Kind", "What was run (the stored kind in the tooltip)",
                b -> kind(b.kind()), StoredBacktest::kind, TextWidth.cell("One strategy")));
        TableColumn<StoredBacktest, String> label = Columns.longText("Backtest", "The strategies and the period",
                StoredBacktest::label, 360);
        table.getColumns().add(label);
        table.getColumns().add(Columns.number("Took (s)", "How long the run took, in seconds",
                b -> String.format(java.util.Locale.US, "%.1f", b.latencyMs() / 1000), TextWidth.header("Took (s)")));
        Columns.fillRemaining(table, label, 360);
        TableExport.install(table, "backtest-history", exporter);
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.reload(table.getSelectionModel().getSelectedItem());
            }
        });
        Button reload = new Button("Reload", new FontIcon(Feather.ROTATE_CCW));
        reload.setId("backtest-reload");
        reload.setTooltip(new Tooltip("Show the selected backtest as it was answered, with its inputs, without "
                + "running it again"));
        reload.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reload.setOnAction(e -> model.reload(table.getSelectionModel().getSelectedItem()));
        HBox top = new HBox(12, reload, Views.caption("The newest " + BacktestViewModel.RECENT
                + " backtests stored in the workspace; a reloaded result says when it was run."));
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static String kind(String api) {
        return switch (api) {
            case "run" -> "One strategy";
            case "comparison" -> "Comparison";
            case "sweep" -> "Sweep";
            case "trade_sequence" -> "Sizing rules";
            default -> api;
        };
    }
}
