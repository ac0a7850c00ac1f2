package com.positionlab.ui.kelly;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.positionlab.engine.kelly.Conviction;
import com.positionlab.service.Names;
import com.positionlab.ui.common.Views;

/** The Kelly Lab's panel of the selected strategy's stored Kelly settings, editable. */
final class StrategySettingsView {

    private final KellyLabViewModel model;

    StrategySettingsView(KellyLabViewModel model) {
        this.model = model;
    }

    private static final String[][] SETTINGS = {
            {"kelly_multiplier", "Kelly multiplier (x f*)"}, {"max_kelly_fraction", "Max Kelly fraction (% equity)"},
            {"min_position", "Min position (% equity)"},
            {"max_position", "Max position (% equity)"}, {"conviction_low", "Conviction LOW x"},
            {"conviction_medium", "Conviction MEDIUM x"}, {"conviction_high", "Conviction HIGH x"},
            {"drawdown_floor", "Drawdown floor x"}, {"max_drawdown", "Drawdown at floor (%)"},
            {"min_trades", "Min trades for Kelly"}, {"recent_trades", "Recent window (trades)"},
            {"recent_days", "Recent window (days)"}, {"fallback_fraction", "Fallback fraction (% equity)"}};

    /** The selected strategy's stored Kelly settings, editable; shown only with a strategy. */
    TitledPane createView() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        // The panel is as narrow as the Lab's form: fields fill what the labels leave, never wider.
        ColumnConstraints fields = new ColumnConstraints(80, 110, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(new ColumnConstraints(108), fields);
        ComboBox<Conviction> conviction = new ComboBox<>();
        conviction.getItems().setAll(Conviction.values());
        conviction.setId("kelly-conviction");
        conviction.setMaxWidth(Double.MAX_VALUE);
        conviction.setMinWidth(112);
        conviction.setConverter(Views.converter(Names::conviction));
        conviction.setTooltip(new Tooltip("Scales this bet's Kelly fraction by the strategy's conviction multiplier"));
        conviction.valueProperty().bindBidirectional(model.convictionProperty());
        ComboBox<String> tier = new ComboBox<>();
        tier.getItems().setAll("HUNTER", "STRATEGIST");
        tier.setId("strategy-tier");
        tier.setMaxWidth(Double.MAX_VALUE);
        tier.setMinWidth(112);
        tier.setConverter(Views.converter(t -> t == null || t.isEmpty() ? "" : t.charAt(0)
                + t.substring(1).toLowerCase(java.util.Locale.ROOT)));
        tier.setTooltip(new Tooltip("Hunter: positions 1% to 10% of equity, HIGH conviction treated as MEDIUM. "
                + "Strategist: 0.5% to 15%, HIGH allowed. API name: tier (HUNTER, STRATEGIST)."));
        tier.valueProperty().bindBidirectional(model.configField("tier"));
        int row = 0;
        grid.add(Views.formLabel("Conviction of this bet"), 0, row);
        grid.add(conviction, 1, row++);
        grid.add(Views.formLabel("Tier"), 0, row);
        grid.add(tier, 1, row++);
        grid.add(Views.fieldError(model.configErrors(), "tier", tier), 0, row++, 2, 1);
        for (String[] f : SETTINGS) {
            TextField field = new TextField();
            field.setPrefColumnCount(5);
            field.setId("strategy-" + f[0].replace('_', '-'));
            field.textProperty().bindBidirectional(model.configField(f[0]));
            Label error = Views.fieldError(model.configErrors(), f[0], field);
            grid.add(Views.formLabel(f[1]), 0, row);
            grid.add(field, 1, row++);
            grid.add(error, 0, row++, 2, 1);
        }
        Button save = new Button("Save settings");
        save.setId("strategy-save");
        save.setOnAction(e -> model.saveConfig());
        Button reset = new Button("Defaults");
        reset.setOnAction(e -> model.resetConfig());
        VBox content = new VBox(6, grid, new HBox(8, save, reset));
        TitledPane pane = new TitledPane("Strategy settings (stored)", content);
        pane.setExpanded(false);
        pane.visibleProperty().bind(model.strategyProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }
}
