package com.positionlab.ui.data;

import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.domain.Instrument;
import com.positionlab.service.imports.ImportKind;
import com.positionlab.service.imports.ImportReport;
import com.positionlab.service.imports.RejectedRow;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.Views;

/** The Data view: the workspace's instruments and strategies, CSV import and its report, workspace reset. */
public final class DataView {

    private final DataViewModel model;
    private final Label summary = new Label();
    private final Label reportSummary = new Label("No import yet in this session.");
    private final TableView<RejectedRow> rejected = new TableView<>();

    public DataView(DataViewModel model) {
        this.model = model;
    }

    public Node createView() {
        Label title = new Label("Data");
        title.getStyleClass().add(Styles.TITLE_3);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(4, title, summary, actions());

        SplitPane right = new SplitPane(Views.card("Strategies", strategiesTable()), Views.card("Last import", report()));
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45);
        SplitPane main = new SplitPane(Views.card("Instruments", instrumentsTable()), right);
        main.setDividerPositions(0.5);

        BorderPane root = new BorderPane(main);
        root.setTop(header);
        root.setId("data-view");
        root.getStyleClass().add("page");
        BorderPane.setMargin(main, new Insets(8, 0, 0, 0));
        model.summaryProperty().addListener((o, a, s) -> showSummary(s));
        model.lastReportProperty().addListener((o, a, r) -> showReport(r));
        return root;
    }

    private Node actions() {
        Button prices = button("Import prices…", "import-prices", () -> model.importFile(ImportKind.PRICES));
        prices.getStyleClass().add(Styles.ACCENT);
        Button trades = button("Import trades…", "import-trades", () -> model.importFile(ImportKind.TRADES));
        Button holdings = button("Import holdings…", "import-holdings", () -> model.importFile(ImportKind.HOLDINGS));
        Button demo = button("Reset to demo", "reset-demo", model::resetToDemo);
        Button empty = button("Start empty workspace", "start-empty", model::startEmpty);
        empty.getStyleClass().add(Styles.DANGER);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, prices, trades, holdings, new Separator(Orientation.VERTICAL), spacer, demo, empty);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 0, 0, 0));
        return row;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node instrumentsTable() {
        TableView<Instrument> t = new TableView<>(model.instruments());
        t.setId("instruments-table");
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No instruments: import a prices CSV."));
        t.getColumns().setAll(List.of(
                Columns.text("Ticker", null, Instrument::id, 70),
                Columns.longText("Name", null, Instrument::name, 150),
                Columns.text("Sector", null, Instrument::sector, 100),
                Columns.text("Currency", null, Instrument::currency, 82),
                Columns.text("Lot", null, i -> Formats.quantity(i.lotSize()), 45),
                Columns.number("ESG", "ESG score, 0 to 100",
                        i -> i.esgScore() == null ? "—" : String.format(Locale.ROOT, "%.1f", i.esgScore()), 50)));
        return t;
    }

    private Node strategiesTable() {
        TableView<DataViewModel.StrategyRow> t = new TableView<>(model.strategies());
        t.setId("strategies-table");
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No strategies: import a trades CSV."));
        t.getColumns().setAll(List.of(
                Columns.text("Id", null, DataViewModel.StrategyRow::id, 80),
                Columns.text("Name", null, DataViewModel.StrategyRow::name, 125),
                Columns.number("Trades", "Closed trades", r -> Integer.toString(r.trades()), 72),
                Columns.longText("Description", "What the strategy does (hover for the whole text)",
                        DataViewModel.StrategyRow::description, 260)));
        return t;
    }

    private Node report() {
        rejected.setId("rejected-rows");
        rejected.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        rejected.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rejected.setPlaceholder(new Label("No rejected rows."));
        rejected.getColumns().setAll(List.of(
                Columns.number("Line", "The line of the file", (RejectedRow r) -> Integer.toString(r.line()), 60),
                Columns.longText("Reason", "Why the line was rejected (hover for the whole of a long reason)",
                        RejectedRow::reason, 400)));
        reportSummary.setWrapText(true);
        reportSummary.setId("import-summary");
        VBox box = new VBox(6, reportSummary, rejected);
        VBox.setVgrow(rejected, Priority.ALWAYS);
        return box;
    }

    private void showSummary(WorkspaceService.Summary s) {
        if (s == null) {
            return;
        }
        String kind = switch (s.kind()) {
            case DEMO -> "Demo workspace (generated data, not market data)";
            case EMPTY -> "Empty workspace";
            case USER -> "Your workspace";
        };
        summary.setText(kind + ": " + s.instruments() + " instruments, " + String.format(Locale.ROOT, "%,d", s.prices())
                + " daily prices, " + s.strategies() + " strategies with " + String.format(Locale.ROOT, "%,d", s.trades())
                + " closed trades, " + s.portfolios() + " portfolio" + (s.portfolios() == 1 ? "" : "s") + ".");
    }

    private void showReport(ImportReport r) {
        if (r == null) {
            return;
        }
        reportSummary.setText(r.file() + " (" + r.kind().name().toLowerCase() + ", " + r.format() + " format): "
                + r.rowsRead() + " rows read, " + r.rowsAccepted() + " accepted, " + r.rowsRejected() + " rejected; "
                + (r.written() ? r.rowsNew() + " new rows stored." : "nothing stored."));
        rejected.setItems(FXCollections.observableArrayList(r.rejected()));
    }
}
