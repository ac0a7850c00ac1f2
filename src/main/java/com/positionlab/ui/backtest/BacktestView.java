package com.positionlab.ui.backtest;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.ui.common.ReportButton;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.Views;

/**
 * The Backtest view: the setup on the left; Run and Cancel, the inputs of the result shown, and the result's tabs
 * (equity, drawdown, statistics, attribution, trades, notes, sweep, sizing rules, history) on the right.
 */
public final class BacktestView {

    private final BacktestViewModel model;
    private final ReportExporter exporter;

    public BacktestView(BacktestViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    public Node createView() {
        BorderPane root = new BorderPane();
        root.setId("backtest-view");
        root.getStylesheets().add(Objects.requireNonNull(BacktestView.class.getResource("backtest.css"))
                .toExternalForm());
        root.setPadding(new Insets(12));
        root.setTop(header());
        root.setLeft(new SetupPanel(model).create());
        Label caption = new Label();
        caption.setId("backtest-caption");
        caption.getStyleClass().add("result-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(Bindings.createStringBinding(() -> model.resultProperty().get() == null
                ? "No result yet: set up a backtest and press Run." : model.resultProperty().get().caption(),
                model.resultProperty()));
        Node tabs = new ResultTabs(model, exporter).create();
        VBox center = new VBox(6, caption, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.setCenter(center);
        BorderPane.setMargin(center, new Insets(0, 0, 0, 10));
        return root;
    }

    private Node header() {
        Label title = new Label("Backtest");
        title.getStyleClass().add(Styles.TITLE_3);
        Label stale = ResultTabs.staleLabel(model.staleProperty(),
                "The inputs changed since this result was run: press Run to backtest them");
        stale.setId("backtest-stale");
        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Button run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("backtest-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(false);
        run.setTooltip(new Tooltip("Backtest the checked strategies in the background and store the result"));
        run.setOnAction(e -> model.run());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("backtest-cancel");
        cancel.setTooltip(new Tooltip("Stop the backtest, sweep or comparison in progress"));
        cancel.disableProperty().bind(model.busyProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Label status = new Label();
        status.setId("backtest-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        HBox top = new HBox(10, title, stale, busy, Views.spacer(), run, cancel, export());
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, top, status);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    /** Export of the result shown (one strategy or several) through the report layer's backtest kind. */
    private Node export() {
        return ReportButton.of("backtest-export", exporter, model.canReportProperty(), "the backtest",
                () -> "backtest", () -> BacktestReports.of(model.reportJson()));
    }
}
