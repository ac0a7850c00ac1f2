package com.positionlab.ui.backtest;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import com.positionlab.service.backtest.BacktestResponse.SequenceRun;
import com.positionlab.service.backtest.BacktestResponse.TradePoint;
import com.positionlab.ui.backtest.Workspace.StrategyChoice;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.Views;

/**
 * The sizing rules over a workspace strategy's closed trades: equity after each trade under each rule, and a
 * table of each rule's figures with the part of its return that came from its sizing (against equal sizes of
 * the same trades).
 */
final class SizingTab {

    private final BacktestViewModel model;
    private final ReportExporter exporter;
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());

    SizingTab(BacktestViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    Node create() {
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("backtest-chart");
        chart.getXAxis().setLabel("Trade (in exit order)");
        chart.setMinSize(300, 180);
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setForceZeroInRange(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.compact(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        y.labelProperty().bind(Bindings.createStringBinding(() -> "Equity (" + (model.currencyProperty().get()
                .isEmpty() ? "price currency" : model.currencyProperty().get()) + ")", model.currencyProperty()));
        TableView<StatisticsGrid.Row> table = new StatisticsTab(model.sizings().gridProperty(), "backtest-sizing-table",
                exporter).create("No comparison yet");
        table.getStyleClass().add(Styles.DENSE);
        table.setFixedCellSize(26);
        table.setPrefHeight(44 + 7 * 26);
        table.setMinHeight(44 + 7 * 26);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(8, controls(), chart, table);
        box.setPadding(new Insets(8));
        model.sizings().resultProperty().addListener((o, a, s) -> show(s));
        show(model.sizings().resultProperty().get());
        return box;
    }

    private Node controls() {
        ComboBox<StrategyChoice> strategy = new ComboBox<>(model.sizings().strategies());
        strategy.setId("backtest-sizing-strategy");
        strategy.valueProperty().bindBidirectional(model.sizings().strategyProperty());
        strategy.setTooltip(new Tooltip("A workspace strategy whose closed trades are replayed (strategy_id)"));
        Button run = new Button("Compare sizing rules", new FontIcon(Feather.BAR_CHART_2));
        run.setId("backtest-run-sizing");
        run.setTooltip(new Tooltip("Replay the trades in exit order under Kelly, a 10% fixed fraction, half optimal f "
                + "and, when every trade has a stop, 1% fixed risk, each sized from the trades closed before; from "
                + "the initial capital, with the costs"));
        run.setOnAction(e -> model.runSizing());
        Label stale = ResultTabs.staleLabel(model.sizings().staleProperty(),
                "The strategy, the capital or the costs changed since this comparison: run it again");
        var sizings = model.sizings();
        Button export = com.positionlab.ui.common.ReportButton.of("backtest-export-sizing", exporter,
                sizings.resultProperty().isNotNull().and(sizings.staleProperty().not()), "the sizing rules compared",
                () -> "sizing-rules", () -> BacktestReports.of(sizings.resultProperty().get().response()));
        HBox row = new HBox(8, new Label("Strategy"), strategy, run, export, stale);
        row.setAlignment(Pos.CENTER_LEFT);
        Label caption = Views.caption("");
        caption.setId("backtest-sizing-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        var shown = model.sizings().resultProperty();
        caption.textProperty().bind(Bindings.createStringBinding(() -> shown.get() == null
                ? "Compare the sizing rules over a strategy's closed trades." : shown.get().caption(), shown));
        return new VBox(4, row, Views.fieldError(model.errors(), "sizing_strategy", strategy), caption);
    }

    private void show(SizingRuns.Shown s) {
        chart.getData().clear();
        if (s == null) {
            return;
        }
        for (SequenceRun r : s.response().results()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(r.label());
            int step = Math.max(1, r.equityCurve().size() / EquityChart.MAX_POINTS);
            for (int k = 0; k < r.equityCurve().size(); k += step) {
                TradePoint p = r.equityCurve().get(k);
                series.getData().add(new XYChart.Data<>(p.trade(), p.value()));
            }
            TradePoint last = r.equityCurve().get(r.equityCurve().size() - 1);
            if ((r.equityCurve().size() - 1) % step != 0) {
                series.getData().add(new XYChart.Data<>(last.trade(), last.value()));
            }
            chart.getData().add(series);
        }
    }
}
