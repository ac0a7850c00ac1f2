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

import com.positionlab.service.build.RebalanceSizing;
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
        Button check = ResultTabs.small("Check against limits", "Size each trade through the sizing service under "
                + "the workspace's first active rule: a limit may cut a trade down");
        check.setId("build-check-trades");
        check.setOnAction(e -> model.checkTrades());
        check.disableProperty().bind(model.tradesProperty().isNull());
        Button accept = ResultTabs.small("Accept into holdings", "Store each checked trade in the sizing history and "
                + "fill it into the holdings and cash (the units the limits allow)");
        accept.setId("build-accept-trades");
        accept.setOnAction(e -> model.acceptTrades());
        accept.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.sized()));
        HBox buttons = new HBox(8, greedy, exact, check, accept, leftover);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TableView<RebalanceSizing.SizedTrade> checked = new TableView<>(model.sized());
        checked.setId("build-checked-trades");
        checked.getColumns().add(Columns.text("Ticker", "The instrument", t -> t.trade().ticker(), 80));
        checked.getColumns().add(Columns.text("Side", "Buy or sell", t -> t.trade().side(), 60));
        checked.getColumns().add(Columns.number("Rounded (units)", "Units the rounding asked for",
                t -> Long.toString(t.trade().quantity()), 110));
        checked.getColumns().add(Columns.number("Allowed (units)", "Units the sizing limits allow",
                t -> Long.toString(t.allowedUnits()), 110));
        checked.getColumns().add(Columns.longText("Limits", "Why a trade was cut, if it was", t -> t.note(), 260));
        checked.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checked.setPlaceholder(new Label("Check the trades against the limits to review them before accepting"));
        HBox tables = new HBox(8, table, checked);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox.setHgrow(checked, Priority.ALWAYS);
        VBox box = ResultTabs.padded(buttons, tables);
        VBox.setVgrow(tables, Priority.ALWAYS);
        return box;
    }
}
