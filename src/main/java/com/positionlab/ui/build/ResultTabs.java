package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.positionlab.service.build.BuildResult;
import com.positionlab.service.build.Selection;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.Views;

/**
 * The lower half of the Build view: the selection's figures and weights, its risk contributions, the weights
 * along the frontier, the compared portfolios, the binding constraints and the rebalancing trades.
 */
final class ResultTabs {

    /** One row of the weights table: a ticker's current and target weight and the units after rounding. */
    record WeightRow(String ticker, String name, double current, double target, Long units) {
    }

    private final BuildViewModel model;
    private final ObservableList<WeightRow> weights = FXCollections.observableArrayList();
    private final GridPane figures = new GridPane();
    private final BarChart<Number, String> risk = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final ObservableList<String> binding = FXCollections.observableArrayList();

    ResultTabs(BuildViewModel model) {
        this.model = model;
    }

    Node create() {
        TabPane tabs = new TabPane(new Tab("Selection", selection()), new Tab("Risk contributions", riskChart()),
                new Tab("Along the frontier", new WeightsAlongChart(model).create()),
                new Tab("Compare", compare()), new Tab("Trades", new TradesPanel(model).create()),
                new Tab("Binding constraints", new javafx.scene.control.ListView<>(binding)),
                new Tab("Prior and posterior", new PosteriorTable(model).create()),
                new Tab("Trade-offs", new TradeOffsTab(model).create()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("build-tabs");
        model.selectionProperty().addListener((o, a, s) -> show(s));
        model.tradesProperty().addListener((o, a, t) -> show(model.selectionProperty().get()));
        return tabs;
    }

    private Node selection() {
        figures.setHgap(12);
        figures.setVgap(4);
        figures.setMinWidth(270);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints(112);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints(150);
        figures.getColumnConstraints().setAll(labels, values);
        TableView<WeightRow> table = new TableView<>(weights);
        table.setId("build-weights");
        table.getColumns().add(Columns.named("Ticker", "The instrument (its name in the tooltip)", WeightRow::ticker,
                WeightRow::name, 68));
        table.getColumns().add(Columns.number("Now (%)", "Weight of the portfolio's value now",
                w -> Formats.percent(w.current()), 76));
        table.getColumns().add(Columns.number("Target (%)", "Weight in the selected portfolio",
                w -> Formats.percent(w.target()), 96));
        table.getColumns().add(Columns.number("Δ (%)", "Change: target less current",
                w -> Formats.signedPercent(w.target() - w.current()), 96));
        table.getColumns().add(Columns.number("Units", "Whole units after Round to lots (Trades tab)",
                w -> w.units() == null ? "" : Long.toString(w.units()), 60));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        HBox box = new HBox(16, figures, table);
        box.setPadding(new Insets(8));
        javafx.scene.layout.HBox.setHgrow(table, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private Node riskChart() {
        risk.setAnimated(false);
        risk.setLegendVisible(false);
        risk.getXAxis().setLabel("Share of the portfolio's variance (%)");
        risk.getYAxis().setLabel("Instrument");
        return risk;
    }

    private Node compare() {
        TableView<Selection> table = new TableView<>(model.compared());
        table.setId("build-compare");
        table.getColumns().add(Columns.text("Portfolio", "The objective or point", Selection::label, 170));
        table.getColumns().add(Columns.number("Return (%)", "Expected return, annual", s -> Formats.percent(s.expectedReturn()), 80));
        table.getColumns().add(Columns.number("Volatility (%)", "Annual", s -> Formats.percent(s.volatility()), 85));
        table.getColumns().add(Columns.number("Sharpe", "At the risk-free rate", s -> Formats.decimal2(s.sharpeRatio()), 60));
        table.getColumns().add(Columns.number("VaR 95% (%)", "One-day historical loss over the lookback",
                s -> Formats.percent(s.var95()), 85));
        table.getColumns().add(Columns.number("CVaR 95% (%)", "Mean one-day loss beyond the VaR",
                s -> Formats.percent(s.cvar95()), 90));
        table.getColumns().add(Columns.number("Max drawdown (%)", "Over the lookback, held at these weights",
                s -> Formats.percent(s.maxDrawdown()), 110));
        table.getColumns().add(Columns.number("Effective N", "1 / sum of squared weights",
                s -> Formats.decimal2(s.effectiveAssets()), 80));
        table.getColumns().add(Columns.number("Turnover (%)", "Sum of weight changes from the holdings",
                s -> Formats.percent(s.turnover()), 85));
        table.getColumns().add(Columns.number("Cost", "Turnover x value x trading cost",
                s -> Formats.compact(s.cost()), 70));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> model.selectCompared(s));
        table.setTooltip(new Tooltip("Select a row to make it the selection"));
        return table;
    }

    private void show(Selection s) {
        BuildResult r = model.resultProperty().get();
        if (s == null || r == null) {
            weights.clear();
            figures.getChildren().clear();
            risk.getData().clear();
            binding.clear();
            return;
        }
        AllocateResponse t = model.tradesProperty().get();
        List<WeightRow> rows = new ArrayList<>();
        double[] w = s.weights();
        for (int i = 0; i < w.length; i++) {
            String ticker = r.tickers().get(i);
            rows.add(new WeightRow(ticker, r.names().get(i), r.current()[i], w[i],
                    t == null ? null : t.allocation().getOrDefault(ticker, 0L)));
        }
        rows.sort(Comparator.comparingDouble((WeightRow x) -> -Math.abs(x.target())));
        weights.setAll(rows);
        showFigures(s, r);
        showRisk(s, r);
        binding.setAll(s.binding().stream().map(b -> b.name() + ": " + Formats.decimal4(b.value()) + " at its limit "
                + Formats.decimal4(b.limit()) + " (slack " + String.format("%.1e", b.slack()) + ")").toList());
        if (binding.isEmpty()) {
            binding.add("No constraint is at its limit.");
        }
    }

    private void showFigures(Selection s, BuildResult r) {
        figures.getChildren().clear();
        String[][] rows = {
                {"Portfolio", s.label() + (s.exact() ? "" : " (interpolated)")},
                {"Expected return", Formats.percent(s.expectedReturn()) + " a year"},
                {"Volatility", Formats.percent(s.volatility()) + " a year"},
                {"Sharpe ratio", Formats.decimal2(s.sharpeRatio())},
                {"VaR 95%, one day", Formats.percent(s.var95())},
                {"CVaR 95%, one day", Formats.percent(s.cvar95())},
                {"Max drawdown", Formats.percent(s.maxDrawdown()) + " (lookback)"},
                {"Effective number", Formats.decimal2(s.effectiveAssets()) + " instruments"},
                {"Turnover", Formats.percent(s.turnover()) + " of the value"},
                {"Cost to get there", Formats.compact(s.cost()) + " " + r.currency()}};
        for (int i = 0; i < rows.length; i++) {
            Label value = new Label(rows[i][1]);
            value.setId("build-figure-" + i);
            figures.addRow(i, Views.caption(rows[i][0]), value);
        }
    }

    private void showRisk(Selection s, BuildResult r) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        double[] shares = s.riskShares();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            if (Math.abs(s.weights()[i]) > 1e-9) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> shares[i]));
        for (int i : order.subList(Math.max(0, order.size() - 25), order.size())) {
            series.getData().add(new XYChart.Data<>(100 * shares[i], r.tickers().get(i)));
        }
        risk.getData().setAll(List.of(series));
    }

    static Button small(String text, String tip) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    static VBox padded(Node... nodes) {
        VBox v = new VBox(8, nodes);
        v.setPadding(new Insets(8));
        return v;
    }
}
