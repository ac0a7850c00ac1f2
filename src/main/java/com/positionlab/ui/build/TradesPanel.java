package com.positionlab.ui.build;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;

/** The rebalancing trades to the selection in whole lots: how to round, the trades, and the cash left over. */
final class TradesPanel {

    private final BuildViewModel model;
    private final ObservableList<AllocateResponse.TradeOut> trades = FXCollections.observableArrayList();

    TradesPanel(BuildViewModel model) {
        this.model = model;
    }

    Node create() {
        Button greedy = ResultTabs.small("Round to lots", "Whole lots at the latest prices, largest weights first "
                + "(PyPortfolioOpt's greedy method)");
        greedy.setId("build-apply");
        greedy.setOnAction(e -> model.apply("greedy"));
        Button exact = ResultTabs.small("Round exactly", "Whole lots closest to the target values in total "
                + "(an integer program; slower for many instruments)");
        exact.setOnAction(e -> model.apply("exact"));
        greedy.disableProperty().bind(model.canReportProperty().not());
        exact.disableProperty().bind(model.canReportProperty().not());
        Label leftover = new Label();
        leftover.textProperty().bind(Bindings.createStringBinding(() -> {
            AllocateResponse t = model.tradesProperty().get();
            return t == null ? "Select a portfolio, then round it to whole lots." : t.trades().size()
                    + " trades; cash left over " + Formats.compact(t.leftover()) + "; weights off target by "
                    + Formats.percent(t.rmse()) + " (root mean square)";
        }, model.tradesProperty()));
        model.tradesProperty().addListener((o, a, t) -> trades.setAll(t == null ? java.util.List.of() : t.trades()));
        TableView<AllocateResponse.TradeOut> table = new TableView<>(trades);
        table.setId("build-trades");
        table.getColumns().add(Columns.text("Ticker", "The instrument", AllocateResponse.TradeOut::ticker, 80));
        table.getColumns().add(Columns.text("Side", "Buy or sell", AllocateResponse.TradeOut::side, 60));
        table.getColumns().add(Columns.number("Quantity (units)", "Units to trade",
                t -> Long.toString(t.quantity()), 110));
        table.getColumns().add(Columns.number("From (units)", "Units held now", t -> Long.toString(t.fromUnits()), 90));
        table.getColumns().add(Columns.number("To (units)", "Units after the trade", t -> Long.toString(t.toUnits()), 90));
        table.getColumns().add(Columns.number("Value", "Quantity x latest price", t -> Formats.compact(t.notional()), 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No trades yet"));
        HBox buttons = new HBox(8, greedy, exact, leftover);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = ResultTabs.padded(buttons, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }
}
