package com.positionlab.ui.size;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SearchableComboBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.domain.Side;
import com.positionlab.domain.Strategy;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.Formats;
import com.positionlab.service.Names;
import com.positionlab.ui.common.Views;

/** The "Size a trade" view: the ticket on the left, the sizing and its analysis on the right. */
public final class SizeTradeView {

    private final SizeTradeViewModel model;
    private final ReportExporter exporter;
    private final GridPane grid = new GridPane();
    private int row;

    public SizeTradeView(SizeTradeViewModel model, ReportExporter exporter) {
        this.exporter = exporter;
        this.model = model;
    }

    public Node createView() {
        Label title = new Label("Size a trade");
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.setId("size-status");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        status.setMaxHeight(34);
        HBox head = new HBox(12, title, status);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);

        ScrollPane ticket = new ScrollPane(ticket());
        ticket.setFitToWidth(true);
        ticket.setPrefWidth(340);
        ticket.setMinWidth(340);
        ticket.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        Node results = new SizingResultView(model, exporter).createView();
        HBox.setHgrow(results, Priority.ALWAYS);
        HBox body = new HBox(12, ticket, results);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox root = new VBox(6, head, body);
        root.setId("size-view");
        root.getStyleClass().add("page");
        return root;
    }

    // ---- the ticket --------------------------------------------------------------------------

    private Node ticket() {
        grid.setHgap(8);
        grid.setVgap(3);
        grid.getColumnConstraints().addAll(new ColumnConstraints(140), new ColumnConstraints(160));
        Label general = errorLabel(TradeTicket.GENERAL, null);
        general.setId("size-general-error");
        grid.add(general, 0, row++, 2, 1);

        section("Trade");
        SearchableComboBox<InstrumentChoice> instrument = new SearchableComboBox<>(model.instruments());
        instrument.setId("size-instrument");
        instrument.setPromptText("Type to search");
        instrument.setTooltip(new Tooltip("The instrument to trade; type part of its ticker, name or sector"));
        instrument.setMaxWidth(Double.MAX_VALUE);
        instrument.valueProperty().bindBidirectional(model.instrumentProperty());
        wide("Instrument", instrument, TradeTicket.INSTRUMENT);
        Label held = Views.caption("");
        held.textProperty().bind(Bindings.createStringBinding(() -> describe(model.instrumentProperty().get()),
                model.instrumentProperty()));
        held.setWrapText(true);
        grid.add(held, 0, row++, 2, 1);
        add("Direction", direction(), TradeTicket.DIRECTION, null);
        text("Entry price", TradeTicket.ENTRY, "Price per unit you expect to trade at (default: last close)");
        text("Stop price", TradeTicket.STOP, "Where the trade is wrong; FIXED_RISK sizes from the "
                + "distance to it");
        text("Target price", TradeTicket.TARGET, "Where you take profit; with a stop and a win probability, "
                + "KELLY_CRITERION sizes from the trade's own Kelly p - q/b (b = reward:risk)");
        text("Win probability (%)", TradeTicket.WIN_PROBABILITY, "Your chance of reaching the target before the "
                + "stop, in percent");
        text("Expected return (%/yr)", TradeTicket.EXPECTED_RETURN, "Your annualised edge; blank uses the "
                + "instrument's historical mean return shrunk toward zero by its standard error");
        ComboBox<Strategy> strategy = new ComboBox<>(withNone(model.strategies()));
        strategy.setId("size-strategy");
        strategy.setPromptText("None");
        strategy.setMaxWidth(Double.MAX_VALUE);
        strategy.setConverter(Views.converter(s -> s == null ? "None" : s.name() + " (" + s.id() + ")"));
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        strategy.setTooltip(new Tooltip("The strategy the trade belongs to: its trades drive OPTIMAL_F"));
        wide("Strategy (optional)", strategy, TradeTicket.STRATEGY);
        ComboBox<Conviction> conviction = new ComboBox<>();
        conviction.getItems().setAll(Conviction.values());
        conviction.setId("size-conviction");
        conviction.setConverter(Views.converter(Names::conviction));
        conviction.setMaxWidth(Double.MAX_VALUE);
        conviction.valueProperty().bindBidirectional(model.convictionProperty());
        conviction.setTooltip(new Tooltip("Scales the Kelly weight: LOW x0.5, MEDIUM x1, HIGH x1.5"));
        add("Conviction", conviction, null, null);

        section("Sizing rule");
        ruleRow();
        ComboBox<SizingMethod> method = new ComboBox<>();
        method.getItems().setAll(SizingMethod.values());
        method.setId("size-method");
        method.setMaxWidth(Double.MAX_VALUE);
        method.valueProperty().bindBidirectional(model.methodProperty());
        method.setConverter(Views.converter(Names::method));
        Tooltip methodTip = new Tooltip();
        methodTip.textProperty().bind(Bindings.createStringBinding(() -> "How the weight is chosen before the "
                + "limits; the table on the right compares every method. API name: " + model.methodProperty().get(),
                model.methodProperty()));
        method.setTooltip(methodTip);
        wide("Method", method, TradeTicket.METHOD);
        ComboBox<RiskModel> riskModel = new ComboBox<>();
        riskModel.getItems().setAll(RiskModel.values());
        riskModel.setId("size-risk-model");
        riskModel.setMaxWidth(Double.MAX_VALUE);
        riskModel.valueProperty().bindBidirectional(model.riskModelProperty());
        riskModel.setConverter(Views.converter(Names::riskModel));
        Tooltip modelTip = new Tooltip();
        modelTip.textProperty().bind(Bindings.createStringBinding(() -> "How VaR and CVaR are measured. API name: "
                + model.riskModelProperty().get(), model.riskModelProperty()));
        riskModel.setTooltip(modelTip);
        wide("Risk model (VaR and CVaR)", riskModel, null);
        CheckBox volatility = new CheckBox("Scale down in high volatility (ATR)");
        volatility.setId("size-volatility-adjustment");
        volatility.selectedProperty().bindBidirectional(model.volatilityAdjustmentProperty());
        volatility.setTooltip(new Tooltip("volatility_adjustment: when the instrument's ATR(14) as % of price is "
                + "above its median over the lookback, the method's weight is cut by median / current, by at most "
                + "50%; the regime and the cut are listed under 'Why this size'"));
        wide("Volatility", volatility, TradeTicket.VOLATILITY_ADJUSTMENT);
        text("Risk per trade (% equity)", TradeTicket.RISK_PER_TRADE, "FIXED_RISK: the share of equity lost at "
                + "the stop; blank: 1%");
        text("Confidence (%)", TradeTicket.CONFIDENCE, "Confidence level of VaR and CVaR, e.g. 95 or 99");
        text("Horizon (days)", TradeTicket.HORIZON, "VaR horizon; one-day figures are scaled by its square root");

        section("Limits");
        text("Max position (% equity)", TradeTicket.MAX_POSITION, "Largest size of this trade, % of equity; "
                + "blank: 10%");
        text("Max book vol (%/yr)", TradeTicket.MAX_VOLATILITY, "Annualised volatility the whole book may "
                + "reach after the trade; blank: no limit");
        text("Max sector (% equity)", TradeTicket.MAX_SECTOR, "Share of equity the instrument's sector may reach; "
                + "blank: no limit");
        text("Max leverage (x equity)", TradeTicket.LEVERAGE, "Gross exposure over equity after the trade; "
                + "blank: no limit");

        section("Risk budget and stress");
        text("Risk budget (vol %/yr)", TradeTicket.BUDGET_VOLATILITY, "Volatility budget of the whole book; it "
                + "shrinks as the drawdown grows. Blank: no budget");
        text("Sector share (%)", TradeTicket.BUDGET_SECTOR_SHARE, "Part of the budget the instrument's "
                + "sector may use");
        text("Sector shock (%)", TradeTicket.SECTOR_SHOCK, "A stress scenario: every instrument of the sector "
                + "moves by this much");

        Button size = new Button("Size now");
        size.setId("size-button");
        size.setTooltip(new Tooltip("The ticket is sized automatically a moment after each change"));
        size.setOnAction(e -> model.size());
        grid.add(size, 0, row++, 2, 1);
        GridPane.setMargin(size, new Insets(8, 0, 4, 0));
        VBox box = new VBox(grid);
        box.setPadding(new Insets(2, 10, 8, 2));
        return box;
    }

    private Node direction() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton buy = new ToggleButton("LONG");
        ToggleButton sell = new ToggleButton("SHORT");
        buy.setId("size-long");
        sell.setId("size-short");
        buy.getStyleClass().add(Styles.LEFT_PILL);
        sell.getStyleClass().add(Styles.RIGHT_PILL);
        buy.setToggleGroup(group);
        sell.setToggleGroup(group);
        buy.setPrefWidth(80);
        sell.setPrefWidth(80);
        Runnable show = () -> group.selectToggle(model.directionProperty().get() == Side.SHORT ? sell : buy);
        show.run();
        model.directionProperty().addListener((o, a, b) -> show.run());
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                show.run();
            } else {
                model.directionProperty().set(b == sell ? Side.SHORT : Side.LONG);
            }
        });
        return new HBox(buy, sell);
    }

    /** The stored rules, when the workspace has any; otherwise a note, and the method is chosen by hand. */
    private void ruleRow() {
        ComboBox<SizingRule> rule = new ComboBox<>(model.rules());
        rule.setId("size-rule");
        rule.setMaxWidth(Double.MAX_VALUE);
        rule.setPromptText("None: choose below");
        rule.setConverter(Views.converter(r -> r == null ? "None: choose below" : r.ruleName()));
        rule.valueProperty().bindBidirectional(model.ruleProperty());
        rule.setTooltip(new Tooltip("A stored rule fills the method, risk model and limits; you may still "
                + "override them"));
        Label none = Views.caption("No stored rules yet: choose the method below.");
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.isEmpty(model.rules()));
        none.managedProperty().bind(none.visibleProperty());
        rule.visibleProperty().bind(none.visibleProperty().not());
        rule.managedProperty().bind(rule.visibleProperty());
        Label label = new Label("Rule");
        label.getStyleClass().addAll("form-label", Styles.TEXT_SMALL);
        grid.add(label, 0, row++, 2, 1);
        grid.add(new VBox(rule, none), 0, row++, 2, 1);
        grid.add(errorLabel(TradeTicket.RULE, rule), 0, row++, 2, 1);
    }

    private void section(String name) {
        Label l = new Label(name);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "card-title");
        grid.add(l, 0, row++, 2, 1);
        GridPane.setMargin(l, new Insets(row <= 2 ? 0 : 8, 0, 2, 0));
    }

    private void text(String label, String name, String tip) {
        TextField field = new TextField();
        field.setId("size-" + name.replace('_', '-'));
        field.textProperty().bindBidirectional(model.field(name));
        field.setTooltip(new Tooltip(tip));
        field.setOnAction(e -> model.size());
        if (!List.of(TradeTicket.ENTRY, TradeTicket.CONFIDENCE, TradeTicket.HORIZON).contains(name)) {
            field.setPromptText("optional");
        }
        add(label, field, name, field);
    }

    private void add(String label, Node input, String errorKey, Control marked) {
        Label l = new Label(label);
        l.getStyleClass().addAll("form-label", Styles.TEXT_SMALL);
        l.setWrapText(true);
        grid.add(l, 0, row);
        grid.add(input, 1, row++);
        if (errorKey != null) {
            grid.add(errorLabel(errorKey, marked), 0, row++, 2, 1);
        }
    }

    private void wide(String label, Control input, String errorKey) {
        Label l = new Label(label);
        l.getStyleClass().addAll("form-label", Styles.TEXT_SMALL);
        grid.add(l, 0, row++, 2, 1);
        grid.add(input, 0, row++, 2, 1);
        grid.add(errorLabel(errorKey, input), 0, row++, 2, 1);
    }

    /** The error of {@code key}, taking no room without one; it also marks {@code marked} while shown. */
    private Label errorLabel(String key, Control marked) {
        StringBinding error = Bindings.stringValueAt(model.errors(), key);
        Label l = Views.errorLabel(error);
        l.setWrapText(true);
        if (marked != null) {
            error.addListener((o, a, b) -> marked.pseudoClassStateChanged(Styles.STATE_DANGER,
                    b != null && !b.isEmpty()));
        }
        return l;
    }

    private static String describe(InstrumentChoice i) {
        if (i == null) {
            return "";
        }
        String held = i.held() == 0 ? "not held" : "held: " + Formats.quantity(java.math.BigDecimal.valueOf(i.held()))
                + " units";
        return "Last close " + Formats.price(i.lastClose()) + " " + i.currency() + " · " + held;
    }

    /** {@code items} with a null first, for "none"; kept in step with {@code items}. */
    private static <T> ObservableList<T> withNone(ObservableList<T> items) {
        ObservableList<T> out = FXCollections.observableArrayList();
        Runnable copy = () -> {
            List<T> all = new ArrayList<>();
            all.add(null);
            all.addAll(items);
            out.setAll(all);
        };
        copy.run();
        items.addListener((ListChangeListener<T>) c -> copy.run());
        return out;
    }
}
