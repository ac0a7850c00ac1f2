package com.positionlab.ui.backtest;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import com.positionlab.ui.backtest.BacktestChoices.Choice;
import com.positionlab.ui.common.Views;

/**
 * The left column of the Backtest view: the universe, the period (and a split date), the strategies to compare,
 * and how they trade; every field with its unit, its contract name in the tooltip and its error beside it.
 */
final class SetupPanel {

    private final BacktestViewModel model;

    SetupPanel(BacktestViewModel model) {
        this.model = model;
    }

    Node create() {
        VBox column = new VBox(10, universe(), period(), strategies(), trading());
        column.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane scroll = new ScrollPane(column);
        scroll.setId("backtest-setup");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(330);
        scroll.setMinWidth(310);
        return scroll;
    }

    private Node universe() {
        ComboBox<BacktestChoices.UniverseChoice> box = new ComboBox<>(model.universes());
        box.setId("backtest-universe");
        box.valueProperty().bindBidirectional(model.universeProperty());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setTooltip(new Tooltip("The workspace instruments the strategies may hold (universe); the attribution's "
                + "benchmark is these instruments at equal weights"));
        return Views.card("Universe", new VBox(4, box, Views.fieldError(model.errors(), "universe", box)));
    }

    private Node period() {
        GridPane g = grid();
        int row = 0;
        row = field(g, row, "Start", "start", Views.caption("date"),
                "First day of the backtest, yyyy-mm-dd (start); the strategies look back on the prices before it");
        row = field(g, row, "End", "end", Views.caption("date"), "Last day of the backtest, yyyy-mm-dd (end)");
        row = field(g, row, "Split date", "split_date", Views.caption("optional"),
                "Statistics in sample before this day and out "
                + "of sample from it, yyyy-mm-dd; blank for none (split_date)");
        Label range = Views.caption("");
        range.textProperty().bind(model.dataRangeProperty());
        range.setWrapText(true);
        range.setMinHeight(Region.USE_PREF_SIZE);
        g.add(range, 0, row, 3, 1);
        return Views.card("Period", g);
    }

    private Node strategies() {
        VBox boxes = new VBox(5);
        for (int k = 0; k < BacktestChoices.STRATEGIES.size(); k++) {
            Choice c = BacktestChoices.STRATEGIES.get(k);
            CheckBox box = new CheckBox(c.label());
            box.setId("backtest-strategy-" + k);
            box.selectedProperty().bindBidirectional(model.strategyChecked(k));
            box.setTooltip(new Tooltip("strategies: " + c.apiText()));
            boxes.getChildren().add(box);
        }
        Label error = Views.fieldError(model.errors(), "strategies", new CheckBox());
        boxes.getChildren().add(error);
        return Views.card("Strategies to compare", boxes);
    }

    private Node trading() {
        GridPane g = grid();
        int row = 0;
        ComboBox<Choice> rebalance = new ComboBox<>();
        rebalance.getItems().setAll(BacktestChoices.REBALANCES);
        rebalance.valueProperty().bindBidirectional(model.rebalanceProperty());
        rebalance.setMaxWidth(Double.MAX_VALUE);
        rebalance.setTooltip(new Tooltip("When the portfolio trades back to the strategy's weights (rebalance: "
                + "daily, weekly, monthly, or {\"drift_band\": 0.05} when a weight drifts 5% from its target)"));
        Label l = new Label("Rebalance");
        l.setTooltip(rebalance.getTooltip());
        g.add(l, 0, row);
        g.add(rebalance, 1, row, 2, 1);
        g.add(Views.fieldError(model.errors(), "rebalance", rebalance), 0, row + 1, 3, 1);
        row += 2;
        row = field(g, row, "Lookback", "lookback", Views.caption("days"),
                "Trading days of prices each strategy sees at a rebalance (lookback)");
        row = field(g, row, "Costs", "costs_bps", Views.caption("bps"),
                "Commission on the value traded, in basis points (costs_bps)");
        row = field(g, row, "Slippage", "slippage_bps", Views.caption("bps"),
                "Price paid above the close on a buy and below it on a sale, in basis points (slippage_bps)");
        Label currency = Views.caption("");
        currency.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.currencyProperty().get().isEmpty() ? "money" : model.currencyProperty().get(),
                model.currencyProperty()));
        row = field(g, row, "Initial capital", "initial_capital", currency, "Cash at the start, in the prices' "
                + "currency (initial_capital)");
        field(g, row, "Risk-free rate", "risk_free_rate", Views.caption("% a year"),
                "For the Sharpe and Sortino ratios, percent a year (risk_free_rate)");
        return Views.card("Trading", g);
    }

    private int field(GridPane g, int row, String label, String name, Label unit, String tip) {
        TextField f = new TextField();
        f.setId("backtest-" + name.replace('_', '-'));
        f.textProperty().bindBidirectional(model.field(name));
        f.setPrefColumnCount(8);
        f.setTooltip(new Tooltip(tip));
        if (name.equals("start") || name.equals("end") || name.equals("split_date")) {
            f.setPromptText("yyyy-mm-dd");
        }
        Label l = new Label(label);
        l.setTooltip(new Tooltip(tip));
        l.setMinWidth(Region.USE_PREF_SIZE);
        g.addRow(row, l, f, unit);
        g.add(error(name, f), 0, row + 1, 3, 1);
        return row + 2;
    }

    private Label error(String name, Control field) {
        Label e = Views.fieldError(model.errors(), name, field);
        e.setMinHeight(Region.USE_PREF_SIZE);
        return e;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints(96);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        ColumnConstraints units = new ColumnConstraints();
        units.setMinWidth(Region.USE_PREF_SIZE);
        g.getColumnConstraints().setAll(labels, inputs, units);
        return g;
    }
}

