package com.positionlab.ui.portfolio;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.SearchableComboBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.domain.Instrument;
import com.positionlab.service.portfolio.CorrelationMatrix;
import com.positionlab.service.portfolio.HoldingRow;
import com.positionlab.service.portfolio.PortfolioSnapshot;
import com.positionlab.ui.common.CorrelationHeatmap;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.PriceChart;
import com.positionlab.ui.common.Views;
import com.positionlab.ui.common.ReportButton;
import com.positionlab.ui.common.ReportExporter;

/** The Portfolio view: holdings, totals and cash, sector allocation, price chart and correlation heatmap. */
public final class PortfolioView {

    private final PortfolioViewModel model;
    private final TableView<HoldingRow> table = new TableView<>();
    private final PieChart sectors = new PieChart();
    private final PriceChart prices = new PriceChart();
    private final CorrelationHeatmap heatmap = new CorrelationHeatmap();
    private final Label title = new Label("Portfolio");
    private final ReportExporter exporter;
    private final Label demoBadge = new Label("DEMO DATA");
    private final Label total = new Label();
    private final Label invested = new Label();
    private final Label asOf = new Label();
    private final Label count = new Label();

    public PortfolioView(PortfolioViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    public Node createView() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("page");
        root.setId("portfolio-view");
        root.setTop(header());
        SplitPane left = new SplitPane(holdingsPane(), Views.card("Price history (scroll to zoom, drag to pan, "
                + "double-click to reset)", prices));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.58);
        SplitPane right = new SplitPane(Views.card("Sector allocation", sectors),
                Views.card("Correlation of daily returns", heatmap));
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.4);
        SplitPane main = new SplitPane(left, right);
        main.setDividerPositions(0.63);
        root.setCenter(main);
        BorderPane.setMargin(main, new Insets(8, 0, 0, 0));
        initListeners();
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(table::requestFocus);
            }
        });
        return root;
    }

    private Node header() {
        title.getStyleClass().add(Styles.TITLE_3);
        demoBadge.getStyleClass().addAll("badge", Styles.WARNING);
        demoBadge.setTooltip(new Tooltip("Generated demo workspace: not market data. Start an empty workspace or "
                + "import your own data from the Data page."));
        Button export = ReportButton.of("portfolio-export", exporter, model.snapshotProperty().isNotNull()
                .and(model.loadingProperty().not()), "the portfolio", () -> "portfolio", model::report);
        HBox titleRow = new HBox(10, title, demoBadge, Views.spacer(), export);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        TextField cash = new TextField();
        cash.setId("cash-field");
        cash.setPrefColumnCount(10);
        cash.textProperty().bindBidirectional(model.cashTextProperty());
        cash.setOnAction(e -> model.saveCash());
        Button saveCash = new Button("Set cash");
        saveCash.setId("save-cash");
        saveCash.setOnAction(e -> model.saveCash());
        Label cashError = Views.errorLabel(model.cashErrorProperty());
        model.cashErrorProperty().addListener((o, a, b) -> cash.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        VBox cashBox = new VBox(2, Views.caption("Cash"), new HBox(6, cash, saveCash), cashError);

        HBox tiles = new HBox(28, tile("Total value", total), tile("Invested", invested), cashBox,
                tile("Holdings", count), tile("Prices as of", asOf));
        tiles.setAlignment(Pos.TOP_LEFT);
        VBox box = new VBox(6, titleRow, tiles);
        return box;
    }

    private static Node tile(String caption, Label value) {
        value.getStyleClass().addAll(Styles.TITLE_4, "tile-value");
        return new VBox(2, Views.caption(caption), value);
    }

    private Node holdingsPane() {
        table.setId("holdings-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label("No holdings yet: add one below, or import a holdings CSV on the Data page."));
        // Every figure at its full width (a column never shrinks below it); what does not fit scrolls sideways.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                Columns.text("Ticker", "The instrument's ticker", HoldingRow::instrumentId, 80),
                Columns.longText("Name", "The instrument's name and sector (hover for the whole of a long one)",
                        r -> r.name() + " · " + r.sector(), 100),
                Columns.number("Qty", "Units held; negative is short", r -> Formats.quantity(r.quantity()), 62),
                Columns.number("Last", "Last close, in the instrument's currency", r -> Formats.price(r.lastPrice()),
                        70),
                Columns.number("Day", "Change of the last close on the one before",
                        r -> Double.isNaN(r.dayChange()) ? "—" : Formats.signedPercent(r.dayChange()), 70),
                Columns.number("Value", "Quantity x last close", r -> Formats.money(r.marketValue()), 96),
                Columns.number("Avg cost", "Average price paid per unit (blank when not known)",
                        r -> r.averageCost() == null ? "" : Formats.price(r.averageCost().doubleValue()), 96),
                Columns.number("P&L", "Unrealised: value less cost basis (quantity x average cost)",
                        r -> r.unrealisedPnl() == null ? "" : Formats.money(r.unrealisedPnl()), 90),
                Columns.number("Weight", "Value over the portfolio's total, cash included",
                        r -> Formats.percent(r.weight()), 86),
                Columns.number("Vol (yr)", "Annualised volatility of the last year's daily returns",
                        r -> Formats.percent(r.annualisedVolatility()), 92)));
        Columns.fillRemaining(table, table.getColumns().get(1), 100);
        table.setItems(model.holdings());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            } else if (b == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        VBox box = new VBox(8, table, editor());
        VBox.setVgrow(table, Priority.ALWAYS);
        return Views.card("Holdings", box);
    }

    private Node editor() {
        SearchableComboBox<Instrument> instrument = new SearchableComboBox<>(model.instrumentChoices());
        instrument.setId("holding-instrument");
        instrument.setPromptText("Instrument (type to search)");
        instrument.setTooltip(new Tooltip("Choose the instrument; type part of its ticker or name to filter"));
        instrument.setPrefWidth(220);
        instrument.setConverter(new StringConverter<>() {
            @Override
            public String toString(Instrument i) {
                return i == null ? "" : i.id() + " — " + i.name();
            }

            @Override
            public Instrument fromString(String s) {
                return null;
            }
        });
        instrument.valueProperty().addListener((o, a, b) -> model.editInstrumentProperty().set(b == null ? "" : b.id()));
        model.editInstrumentProperty().addListener((o, a, b) -> {
            Instrument current = instrument.getValue();
            if (current == null || !current.id().equals(b)) {
                instrument.setValue(model.instrumentChoices().stream().filter(i -> i.id().equals(b)).findFirst()
                        .orElse(null));
            }
        });
        TextField quantity = new TextField();
        quantity.setId("holding-quantity");
        quantity.setPromptText("Quantity");
        quantity.setPrefColumnCount(8);
        quantity.textProperty().bindBidirectional(model.editQuantityProperty());
        quantity.setOnAction(e -> {
            if (model.canSaveProperty().get()) {
                model.saveHolding();
            }
        });
        model.quantityErrorProperty().addListener((o, a, b) ->
                quantity.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        model.instrumentErrorProperty().addListener((o, a, b) ->
                instrument.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        Button save = new Button("Save holding");
        save.setId("save-holding");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.saveHolding());
        Button add = new Button("New");
        add.setId("new-holding");
        add.setOnAction(e -> model.startNew());
        Button remove = new Button("Remove");
        remove.setId("remove-holding");
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(model.selectedProperty().isNull());
        remove.setOnAction(e -> model.removeSelected());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, instrument, quantity, save, add, spacer, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox errors = new HBox(16, Views.errorLabel(model.instrumentErrorProperty()),
                Views.errorLabel(model.quantityErrorProperty()));
        return new VBox(4, row, errors);
    }

    private void initListeners() {
        model.snapshotProperty().addListener((o, a, s) -> showSnapshot(s));
        model.correlationProperty().addListener((o, a, c) -> showCorrelation(c));
        model.priceHistoryProperty().addListener((o, a, bars) -> {
            HoldingRow row = model.selectedProperty().get();
            prices.setData(row == null ? "" : row.instrumentId() + " — " + row.name() + " (daily close)", bars);
        });
        if (model.snapshotProperty().get() != null) {
            showSnapshot(model.snapshotProperty().get());
            showCorrelation(model.correlationProperty().get());
        }
    }

    private void showSnapshot(PortfolioSnapshot s) {
        if (s == null) {
            return;
        }
        title.setText(s.name());
        demoBadge.setVisible(s.demo());
        demoBadge.setManaged(s.demo());
        total.setText(Formats.money(s.totalValue(), s.currency()));
        invested.setText(Formats.money(s.holdingsValue()) + " (" + Formats.percent(1 - s.cashWeight()) + ")");
        count.setText(Integer.toString(s.holdings().size()));
        asOf.setText(Formats.date(s.asOf()));
        var data = FXCollections.<PieChart.Data>observableArrayList();
        for (Map.Entry<String, Double> e : s.sectorWeights().entrySet()) {
            data.add(new PieChart.Data(e.getKey() + " " + Formats.percent(e.getValue()), e.getValue()));
        }
        if (s.cashWeight() > 0) {
            data.add(new PieChart.Data("Cash " + Formats.percent(s.cashWeight()), s.cashWeight()));
        }
        sectors.setData(data);
        sectors.setLabelsVisible(true);
        sectors.setLegendVisible(false);
        sectors.setAnimated(false);
        for (PieChart.Data d : data) {
            Tooltip.install(d.getNode(), new Tooltip(d.getName()));
        }
    }

    private void showCorrelation(CorrelationMatrix c) {
        if (c == null || c.values().length == 0) {
            heatmap.setMatrix(List.of(), new double[0][0], c != null && !c.instrumentIds().isEmpty()
                    ? "Not enough common price history to correlate these holdings."
                    : "Add holdings to see how their returns move together.");
            return;
        }
        heatmap.setMatrix(c.instrumentIds(), c.values(), "Pearson correlation of " + c.observations()
                + " daily returns, " + Formats.date(c.from()) + " to " + Formats.date(c.to())
                + ". Hover a cell for the pair.");
    }
}
