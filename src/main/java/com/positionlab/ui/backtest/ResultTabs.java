package com.positionlab.ui.backtest;

import java.util.List;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import com.positionlab.service.backtest.BacktestResponse.Point;
import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.Views;

/**
 * The results of the Backtest view, a tab each: equity and drawdown curves of every strategy, the statistics,
 * the attribution and the trades of a chosen strategy, the rebalances' notes (when there are any), the sweep, the
 * sizing rules and the stored backtests.
 */
final class ResultTabs {

    private final BacktestViewModel model;
    private final ReportExporter exporter;
    private final EquityChart equity = new EquityChart(EquityChart.Measure.EQUITY);
    private final EquityChart drawdown = new EquityChart(EquityChart.Measure.DRAWDOWN);
    private final TabPane tabs = new TabPane();

    ResultTabs(BacktestViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    Node create() {
        equity.setId("backtest-equity");
        drawdown.setId("backtest-drawdown");
        Tab equityTab = new Tab("Equity", equityPane());
        Tab notes = new Tab("Notes", notes());
        Tab sweep = new Tab("Sweep", new SweepTab(model, exporter).create());
        Tab sizing = new Tab("Sizing rules", new SizingTab(model, exporter).create());
        Tab history = new Tab("History", new HistoryTab(model, exporter).create());
        tabs.getTabs().setAll(equityTab, new Tab("Drawdown", padded(drawdown)),
                new Tab("Statistics", padded(new StatisticsTab(model.statisticsProperty(), "backtest-statistics",
                        exporter).create("Run a backtest to see its statistics"))),
                new Tab("Attribution", new AttributionTab(model, exporter).create()),
                new Tab("Trades", new TradesTab(model, exporter).create()), sweep, sizing, history);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("backtest-tabs");
        model.notes().addListener((ListChangeListener<String>) c -> showNotes(notes));
        showNotes(notes);
        model.resultProperty().addListener((o, a, r) -> {
            draw();
            leaveHistory(history, equityTab);
        });
        model.logScaleProperty().addListener((o, a, b) -> draw());
        model.sweeps().resultProperty().addListener((o, a, s) -> leaveHistory(history, sweep));
        model.sizings().resultProperty().addListener((o, a, s) -> leaveHistory(history, sizing));
        draw();
        return tabs;
    }

    /** A bold "Out of date" shown while {@code stale}, with {@code tip} saying why. */
    static Label staleLabel(ObservableBooleanValue stale, String tip) {
        Label l = new Label("Out of date");
        l.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        l.visibleProperty().bind(stale);
        l.managedProperty().bind(l.visibleProperty());
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    private Node equityPane() {
        CheckBox log = new CheckBox("Log scale");
        log.setId("backtest-log-scale");
        log.selectedProperty().bindBidirectional(model.logScaleProperty());
        log.setTooltip(new Tooltip("Plot equity on a logarithmic scale: equal distances are equal percentage "
                + "changes; the ticks still read in money"));
        HBox top = new HBox(12, log, Views.caption("Equity at each day's close, after costs"));
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, equity);
        VBox.setVgrow(equity, Priority.ALWAYS);
        box.setPadding(new Insets(8, 8, 4, 8));
        return box;
    }

    private static Node padded(Node n) {
        VBox box = new VBox(n);
        VBox.setVgrow(n, Priority.ALWAYS);
        box.setPadding(new Insets(8, 8, 4, 8));
        return box;
    }

    private Node notes() {
        ListView<String> list = new ListView<>(model.notes());
        list.setId("backtest-notes");
        VBox box = new VBox(6, Views.caption("What the rebalances noted: a day without a solution keeps the weights "
                + "as they were."), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** The Notes tab is there only while the result has notes. */
    private void showNotes(Tab notes) {
        boolean any = !model.notes().isEmpty();
        if (any && !tabs.getTabs().contains(notes)) {
            tabs.getTabs().add(5, notes);
        } else if (!any) {
            tabs.getTabs().remove(notes);
        }
        notes.setText("Notes (" + model.notes().size() + ")");
    }

    /** After a reload from the History tab, shows the tab of what was reloaded. */
    private void leaveHistory(Tab history, Tab target) {
        if (tabs.getSelectionModel().getSelectedItem() == history) {
            tabs.getSelectionModel().select(target);
        }
    }

    private void draw() {
        BacktestViewModel.Result r = model.resultProperty().get();
        List<Run> runs = r == null ? List.of() : r.runs();
        List<String> names = runs.stream().map(Run::label).toList();
        List<List<Point>> curves = runs.stream().map(x -> x.equityCurve() == null ? List.<Point>of()
                : x.equityCurve()).toList();
        List<List<Point>> falls = runs.stream().map(x -> x.drawdownCurve() == null ? List.<Point>of()
                : x.drawdownCurve()).toList();
        String currency = model.currencyProperty().get();
        java.time.LocalDate split = r == null ? null : r.request().splitDate();
        equity.show(names, curves, currency, model.logScaleProperty().get(), split);
        drawdown.show(names, falls, currency, false, split);
    }
}
