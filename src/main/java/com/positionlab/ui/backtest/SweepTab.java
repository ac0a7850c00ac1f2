package com.positionlab.ui.backtest;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.positionlab.ui.backtest.BacktestChoices.Choice;
import com.positionlab.ui.common.Views;

/**
 * The sweep: a small card that sweeps the first checked strategy over three lookbacks and two rebalances (three
 * target volatilities for the volatility target) ranked by a chosen statistic, and the heat map of its results.
 */
final class SweepTab {

    private final BacktestViewModel model;
    private final SweepHeatmap heatmap = new SweepHeatmap();

    private final com.positionlab.ui.common.ReportExporter exporter;

    SweepTab(BacktestViewModel model, com.positionlab.ui.common.ReportExporter exporter) {
        this.exporter = exporter;
        this.model = model;
    }

    Node create() {
        Label what = new Label();
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        Runnable describe = () -> what.setText(description(model.sweptStrategy()));
        for (int k = 0; k < BacktestChoices.STRATEGIES.size(); k++) {
            model.strategyChecked(k).addListener((o, a, b) -> describe.run());
        }
        describe.run();
        ComboBox<Choice> rank = new ComboBox<>();
        rank.setId("backtest-rank-by");
        rank.getItems().setAll(BacktestChoices.RANK_BY);
        rank.valueProperty().bindBidirectional(model.sweeps().rankByProperty());
        rank.setTooltip(new Tooltip("The statistic the sweep's points are ranked by, in sample when there is a split "
                + "date (rank_by: sharpe_ratio, sortino_ratio, calmar_ratio, cagr, max_drawdown)"));
        Button run = new Button("Run sweep", new FontIcon(Feather.GRID));
        run.setId("backtest-run-sweep");
        run.setTooltip(new Tooltip("Backtest every combination in the background and store the sweep"));
        run.setOnAction(e -> model.runSweep());
        Label stale = ResultTabs.staleLabel(model.sweeps().staleProperty(),
                "The inputs changed since this sweep: run it again to see them");
        var sweeps = model.sweeps();
        Button export = com.positionlab.ui.common.ReportButton.of("backtest-export-sweep", exporter,
                sweeps.resultProperty().isNotNull().and(sweeps.staleProperty().not()), "the sweep", () -> "sweep",
                () -> BacktestReports.of(sweeps.resultProperty().get().response()));
        HBox controls = new HBox(8, new Label("Rank by"), rank, run, export, stale);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label caption = Views.caption("");
        caption.setId("backtest-sweep-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        var shown = model.sweeps().resultProperty();
        caption.textProperty().bind(Bindings.createStringBinding(() -> shown.get() == null ? ""
                : shown.get().caption(), shown));
        VBox card = Views.card("Sweep", new VBox(6, what, controls,
                Views.fieldError(model.errors(), "sweep", rank), caption));
        model.sweeps().resultProperty().addListener((o, a, s) -> heatmap.show(s == null ? null : s.grid()));
        heatmap.show(null);
        VBox box = new VBox(10, card, heatmap);
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static String description(String strategy) {
        if (strategy == null) {
            return "Check a strategy to sweep: the first checked one is swept.";
        }
        boolean target = strategy.startsWith("Volatility target");
        return "Backtests " + strategy + " with each lookback of 63, 126 and 252 trading days and "
                + (target ? "each target volatility of 5%, 10% and 20% a year" : "each rebalance, weekly and monthly")
                + ", on the setup's period, costs and universe (the first checked strategy is swept).";
    }
}
