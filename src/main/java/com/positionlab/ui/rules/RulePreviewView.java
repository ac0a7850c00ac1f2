package com.positionlab.ui.rules;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SearchableComboBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.Side;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingResponse.MethodComparison;
import com.positionlab.ui.common.Formats;
import com.positionlab.service.Names;
import com.positionlab.ui.common.Views;

/** The preview panel of the Rules view: one trade sized by the edited rule, and by every method side by side. */
final class RulePreviewView {

    private final RulePreviewModel model;
    private final Label units = new Label("—");
    private final Label notional = new Label("—");
    private final Label weight = new Label("—");
    private final Label risk = new Label("—");
    private final VBox details = new VBox(2);

    RulePreviewView(RulePreviewModel model) {
        this.model = model;
    }

    Node createView() {
        SearchableComboBox<Instrument> instrument = new SearchableComboBox<>(model.instruments());
        instrument.setId("preview-instrument");
        instrument.setPromptText("Instrument (type to search)");
        instrument.setMaxWidth(Double.MAX_VALUE);
        instrument.setConverter(Views.converter(i -> i == null ? "" : i.id() + " — " + i.name()));
        instrument.valueProperty().bindBidirectional(model.instrumentProperty());
        ComboBox<Side> direction = new ComboBox<>();
        direction.getItems().setAll(Side.values());
        direction.setId("preview-direction");
        direction.valueProperty().bindBidirectional(model.directionProperty());
        direction.setMaxWidth(Double.MAX_VALUE);
        TextField entry = new TextField();
        entry.setId("preview-entry");
        entry.textProperty().bindBidirectional(model.entryPriceProperty());
        entry.setTooltip(new Tooltip("Entry price per unit; the instrument's last close by default"));
        TextField stop = new TextField();
        stop.setId("preview-stop");
        stop.textProperty().bindBidirectional(model.stopPriceProperty());
        stop.setPromptText("none");
        stop.setTooltip(new Tooltip("Stop price per unit, which fixed-risk sizing needs; 5% from the entry by default"));

        GridPane trade = new GridPane();
        trade.setHgap(8);
        trade.setVgap(4);
        trade.getColumnConstraints().addAll(new ColumnConstraints(70), grow(), new ColumnConstraints(70), grow());
        trade.add(label("Instrument"), 0, 0);
        trade.add(instrument, 1, 0, 3, 1);
        trade.add(label("Direction"), 0, 1);
        trade.add(direction, 1, 1, 3, 1);
        trade.add(label("Entry price"), 0, 2);
        trade.add(entry, 1, 2);
        trade.add(label("Stop price"), 2, 2);
        trade.add(stop, 3, 2);

        Label status = new Label();
        status.setId("preview-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator(-1);
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        HBox statusRow = new HBox(6, spinner, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.visibleProperty().bind(model.statusProperty().isNotEmpty().or(model.runningProperty()));
        statusRow.managedProperty().bind(statusRow.visibleProperty());

        units.setId("preview-units");
        weight.setId("preview-weight");
        GridPane tiles = new GridPane();
        tiles.setHgap(18);
        tiles.setVgap(4);
        tiles.add(tile("Units", units), 0, 0);
        tiles.add(tile("Weight of equity", weight), 1, 0);
        tiles.add(tile("Notional", notional), 2, 0);
        tiles.add(tile("Position VaR", risk), 3, 0);

        TableView<MethodComparison> table = comparisonTable();
        Label caption = Views.caption("Every method, same trade and constraints (raw: the weight before the limits; "
                + "hover a row for details)");
        caption.setWrapText(true);
        VBox box = new VBox(8, trade, statusRow, Views.caption("This rule"), tiles, details, caption, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox card = Views.card("Preview on the current portfolio", box);
        card.setId("rule-preview");
        card.setMinWidth(420);
        model.responseProperty().addListener((o, a, r) -> show(r));
        show(model.responseProperty().get());
        return card;
    }

    private TableView<MethodComparison> comparisonTable() {
        TableView<MethodComparison> table = new TableView<>(model.comparison());
        table.setId("preview-comparison");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "compact-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.statusProperty().isEmpty())
                .then("Choose a trade to compare the methods").otherwise(model.statusProperty()));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                column("Method", m -> methodName(m.sizingMethod()), 92, false),
                column("Units", m -> Formats.quantity(m.recommendedSize()), 52, true),
                column("Weight", m -> Formats.percent(m.recommendedWeight()), 60, true),
                column("Raw", m -> Formats.percent(m.rawWeight()), 62, true),
                column("Limited by / why zero", RulePreviewView::why, 120, false)));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(MethodComparison m, boolean empty) {
                super.updateItem(m, empty);
                setTooltip(empty || m == null ? null : new Tooltip(methodName(m.sizingMethod()) + ": "
                        + Formats.quantity(m.recommendedSize()) + " units, " + Formats.money(m.recommendedNotional())
                        + ", " + Formats.percent(m.recommendedWeight()) + " of equity (" + Formats.percent(m.rawWeight())
                        + " before the limits)" + (why(m).isEmpty() ? "" : "\n" + why(m))));
            }
        });
        return table;
    }

    private static String why(MethodComparison m) {
        if (m.reason() != null && !m.reason().isBlank()) {
            return m.reason();
        }
        return m.bindingConstraints() == null ? "" : String.join(", ", m.bindingConstraints().stream()
                .map(Names::limit).toList());
    }

    private void show(PositionSizingResponse r) {
        details.getChildren().clear();
        if (r == null || r.optimalPosition() == null) {
            units.setText("—");
            notional.setText("—");
            weight.setText("—");
            risk.setText("—");
            return;
        }
        var p = r.optimalPosition();
        units.setText(Formats.quantity(p.recommendedSize()));
        notional.setText(Formats.money(p.recommendedNotional()) + (p.currency() == null ? "" : " " + p.currency()));
        weight.setText(Formats.percent(p.recommendedWeight()));
        risk.setText(r.riskMetrics() == null ? "—" : Formats.percent(r.riskMetrics().positionVar()));
        risk.setTooltip(r.riskMetrics() == null ? null : new Tooltip("Value at risk of the new position, as a loss "
                + "of equity, at " + Formats.percent(r.riskMetrics().confidenceLevel()) + " over "
                + r.riskMetrics().horizonDays() + " day(s) (" + r.riskMetrics().riskModel() + ")"));
        if (p.reason() != null && !p.reason().isBlank()) {
            details.getChildren().add(detail(p.reason(), Styles.WARNING));
        }
        if (r.bindingConstraints() != null) {
            for (PositionSizingResponse.BindingConstraint b : r.bindingConstraints()) {
                details.getChildren().add(detail("Limited by " + Names.limit(b.name()) + ": " + Formats.percent(b.weightBefore())
                        + " → " + Formats.percent(b.weightAfter()) + (b.reason() == null ? "" : " (" + b.reason() + ")"),
                        Styles.TEXT_MUTED));
            }
        }
        if (r.warnings() != null) {
            r.warnings().forEach(w -> details.getChildren().add(detail(w, Styles.WARNING)));
        }
    }

    private static Label detail(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, style);
        return l;
    }

    private static String methodName(String method) {
        for (SizingMethod m : SizingMethod.values()) {
            if (m.name().equals(method)) {
                return Names.method(m);
            }
        }
        return method;
    }

    private static Node tile(String caption, Label value) {
        value.getStyleClass().addAll(Styles.TEXT_BOLD, "tile-value");
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(1, Views.caption(caption), value);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("form-label", Styles.TEXT_SMALL);
        return l;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints(60, 100, Double.MAX_VALUE);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static TableColumn<MethodComparison, String> column(String name, Function<MethodComparison, String> value,
                                                                double width, boolean number) {
        TableColumn<MethodComparison, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        if (number) {
            c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        }
        return c;
    }
}
