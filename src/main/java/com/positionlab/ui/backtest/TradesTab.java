package com.positionlab.ui.backtest;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.service.backtest.BacktestResponse.TradeOut;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.TableExport;
import com.positionlab.ui.common.Views;

/** The chosen strategy's trades at the closes of its rebalances, with their costs. */
final class TradesTab {

    private final BacktestViewModel model;
    private final ReportExporter exporter;
    private final TableView<TradeOut> table = new TableView<>();
    private final Label count = Views.caption("");

    TradesTab(BacktestViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    Node create() {
        table.setId("backtest-trades");
        table.setPlaceholder(new Label("No trades"));
        table.getColumns().add(Columns.text("Date", "The day's close the trade executed at", t -> t.date().toString(),
                100));
        table.getColumns().add(Columns.text("Ticker", "The instrument", TradeOut::ticker, 80));
        table.getColumns().add(Columns.text("Side", "Buy or sell", t -> t.units() >= 0 ? "Buy" : "Sell", 60));
        table.getColumns().add(Columns.number("Units", "Units traded (negative: sold)",
                t -> Formats.quantity(java.math.BigDecimal.valueOf(t.units()).setScale(4,
                        java.math.RoundingMode.HALF_UP)), 110));
        table.getColumns().add(Columns.number("Price", "Execution price, with the slippage (price currency)",
                t -> Formats.price(t.price()), 100));
        table.getColumns().add(Columns.number("Value", "Units x price, in the price currency",
                t -> StatisticsGrid.money(t.value()), 120));
        table.getColumns().add(Columns.number("Cost", "Commission, in the price currency",
                t -> StatisticsGrid.money(t.cost()), 100));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableExport.install(table, "backtest-trades", exporter);
        HBox top = new HBox(16, AttributionTab.chooser(model, "backtest-trades-strategy"), count);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        model.chosenRunProperty().addListener((o, a, r) -> show(r));
        show(model.chosenRunProperty().get());
        return box;
    }

    private void show(Run r) {
        if (r == null || r.trades() == null) {
            table.getItems().clear();
            count.setText(r == null ? "" : "Trades were not kept for this backtest.");
            return;
        }
        table.getItems().setAll(r.trades());
        int omitted = r.tradesOmitted() == null ? 0 : r.tradesOmitted();
        count.setText(String.format(java.util.Locale.US, "%,d trades over %d rebalances", r.trades().size() + omitted,
                r.rebalances()) + (omitted > 0 ? String.format(java.util.Locale.US, "; the first %,d are listed",
                r.trades().size()) : ""));
    }
}
