package com.positionlab.ui.build;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import com.positionlab.ui.common.Views;

/**
 * The left column of the Build view: the universe (presets, search, a checkbox per instrument), the estimators
 * and objective, and the constraints, every field with its unit and its error beside it.
 */
final class SetupPanel {

    private final BuildViewModel model;

    SetupPanel(BuildViewModel model) {
        this.model = model;
    }

    Node create() {
        VBox column = new VBox(10, universe(), estimates(), constraints(), new ViewsEditor(model).create());
        column.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(370);
        scroll.setMinWidth(340);
        return scroll;
    }

    private Node universe() {
        Universe u = model.universe();
        Button holdings = new Button("Holdings");
        holdings.setTooltip(new Tooltip("Pick the portfolio's current holdings"));
        holdings.setOnAction(e -> u.pickHoldings());
        Button all = new Button("All");
        all.setTooltip(new Tooltip("Pick every instrument of the workspace"));
        all.setOnAction(e -> u.pickAll());
        MenuButton sector = new MenuButton("Sector");
        sector.setTooltip(new Tooltip("Pick the instruments of one sector"));
        sector.setOnShowing(e -> sector.getItems().setAll(u.sectors().stream().map(s -> {
            MenuItem item = new MenuItem(s);
            item.setOnAction(a -> u.pickSector(s));
            return item;
        }).toList()));
        MenuButton saved = savedLists();
        for (var b : new javafx.scene.control.ButtonBase[] {holdings, all, sector, saved}) {
            b.getStyleClass().add(Styles.SMALL);
        }
        TextField search = new TextField();
        search.setPromptText("Search ticker, name or sector");
        search.textProperty().bindBidirectional(u.searchProperty());
        ListView<Universe.Row> list = new ListView<>(u.shown());
        list.setId("build-universe");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Universe.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(row.instrument().id() + "  " + row.instrument().name()
                        + (row.held() ? "  (held)" : ""));
                box.selectedProperty().bindBidirectional(row.pickedProperty());
                box.setTooltip(new Tooltip(row.instrument().name() + ", " + row.instrument().sector()
                        + (row.held() ? ", " + FieldReaderText.percent(row.heldWeight()) + " of the portfolio" : "")));
                setGraphic(box);
            }
        });
        Label count = Views.caption("");
        count.textProperty().bind(Bindings.createStringBinding(() -> u.selectedIds().size() + " picked",
                u.changedProperty()));
        HBox presets = new HBox(6, holdings, all, sector, saved, count);
        presets.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, presets, search, list, error("universe"), saveList());
        return Views.card("Universe", box);
    }

    private MenuButton savedLists() {
        SavedLists lists = model.lists();
        MenuButton saved = new MenuButton("Lists");
        saved.setId("build-lists");
        saved.setTooltip(new Tooltip("Pick the instruments of a saved list"));
        saved.setOnShowing(e -> {
            saved.getItems().clear();
            if (lists.names().isEmpty()) {
                MenuItem none = new MenuItem("No saved lists: pick instruments and save them below");
                none.setDisable(true);
                saved.getItems().add(none);
                return;
            }
            javafx.scene.control.Menu delete = new javafx.scene.control.Menu("Delete");
            for (String name : lists.names()) {
                MenuItem item = new MenuItem(name + "  (" + lists.members(name).size() + ")");
                item.setOnAction(a -> lists.pick(name));
                saved.getItems().add(item);
                MenuItem gone = new MenuItem(name);
                gone.setOnAction(a -> lists.delete(name));
                delete.getItems().add(gone);
            }
            saved.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), delete);
        });
        return saved;
    }

    private Node saveList() {
        TextField name = new TextField();
        name.setId("build-list-name");
        name.setPromptText("List name");
        name.textProperty().bindBidirectional(model.lists().nameProperty());
        name.setTooltip(new Tooltip("A name to save the picked instruments under; an existing list of that name "
                + "is replaced"));
        Button save = new Button("Save list");
        save.setId("build-save-list");
        save.getStyleClass().add(Styles.SMALL);
        save.setOnAction(e -> model.lists().save());
        HBox row = new HBox(6, name, save);
        HBox.setHgrow(name, Priority.ALWAYS);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, row, Views.fieldError(model.errors(), "list_name", name));
    }

    private Node estimates() {
        GridPane g = grid();
        int row = 0;
        row = field(g, row, "Lookback", "lookback_days", "days",
                "Returns used by the estimators: the last N trading days (lookback_days)");
        row = choice(g, row, "Returns", new ComboBox<>(), BuildForm.RETURNS, model.form().returnsProperty(),
                "expected_returns.estimator");
        row = choice(g, row, "Risk model", new ComboBox<>(), BuildForm.RISK_MODELS, model.form().riskModelProperty(),
                "risk_model.estimator");
        row = field(g, row, "Span", "span", "days", "Span of the exponentially weighted estimators (the returns' "
                + "and the covariance's); blank for 500 days (expected_returns.span, risk_model.span)");
        row = choice(g, row, "Select first", new ComboBox<>(), BuildForm.OBJECTIVES, model.form().objectiveProperty(),
                "The portfolio selected after each computation (objective.method)");
        CheckBox tradeOffs = new CheckBox("Trace trade-offs (ESG, turnover)");
        tradeOffs.setId("build-trade-offs");
        tradeOffs.selectedProperty().bindBidirectional(model.form().tradeOffsProperty());
        tradeOffs.setTooltip(new Tooltip("Also find the best Sharpe ratio at each ESG floor and each turnover limit "
                + "(pareto_levels); slower with many instruments"));
        g.add(tradeOffs, 0, row, 3, 1);
        return Views.card("Estimates and objective", g);
    }

    private Node constraints() {
        GridPane g = grid();
        int row = 0;
        row = field(g, row, "Min weight", "min_weight", "%", "Lower bound of every weight; negative allows short positions (weight_bounds)");
        row = field(g, row, "Max weight", "max_weight", "%", "Upper bound of every weight (weight_bounds)");
        row = field(g, row, "Sector max", "sector_max", "%",
                "Most any one sector may weigh; blank for no limit (sector_upper)");
        row = field(g, row, "Turnover limit", "max_turnover", "%",
                "Most the weights may move from the current holdings in total; blank for none (max_turnover)");
        row = field(g, row, "Gross exposure", "max_leverage", "% max",
                "Most the absolute weights may sum to, with short positions (a negative min weight); blank for no "
                        + "limit (max_leverage)");
        row = field(g, row, "Liquidity", "max_adv_pct", "% of ADV",
                "Most each weight may move in a day, as a share of the instrument's average daily volume over its "
                        + "last 20 days; instruments without volumes are not limited; blank for none "
                        + "(liquidity.max_adv_share)");
        row = field(g, row, "Trading cost", "transaction_cost_bps", "bps",
                "Cost of trading, per unit traded, for the cost of getting there (transaction_cost_bps)");
        field(g, row, "Risk-free rate", "risk_free_rate", "% a year",
                "For Sharpe ratios and the capital market line (risk_free_rate)");
        return Views.card("Constraints", g);
    }

    private int field(GridPane g, int row, String label, String name, String unit, String tip) {
        TextField f = new TextField();
        f.setId("build-" + name.replace('_', '-'));
        f.textProperty().bindBidirectional(model.form().field(name));
        f.setPrefColumnCount(6);
        f.setTooltip(new Tooltip(tip));
        Label l = new Label(label);
        l.setTooltip(new Tooltip(tip));
        g.addRow(row, l, f, Views.caption(unit));
        g.add(Views.fieldError(model.errors(), name, f), 0, row + 1, 3, 1);
        return row + 2;
    }

    private static <T> int choice(GridPane g, int row, String label, ComboBox<T> box, java.util.List<T> items,
                                  javafx.beans.property.ObjectProperty<T> value, String tip) {
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setTooltip(new Tooltip(tip));
        Label l = new Label(label);
        l.setTooltip(new Tooltip(tip));
        g.add(l, 0, row);
        g.add(box, 1, row, 2, 1);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return row + 1;
    }

    private Label error(String name) {
        return Views.errorLabel(Bindings.stringValueAt(model.errors(), name));
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints(112);
        javafx.scene.layout.ColumnConstraints inputs = new javafx.scene.layout.ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints units = new javafx.scene.layout.ColumnConstraints();
        units.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.getColumnConstraints().setAll(labels, inputs, units);
        return g;
    }
}
