package com.positionlab.ui.kelly;

import com.positionlab.domain.StoredCalculation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.domain.Strategy;
import com.positionlab.engine.kelly.SizingResult;
import com.positionlab.engine.sim.growth.FractionResult;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.service.kelly.KellyCalculationResponse;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.Views;

/** The Kelly Lab view: inputs on the left, Kelly and its simulation on the right. */
public final class KellyLabView {

    private static final String[][] FORM = {
            {"win_rate", "Win rate (%)"}, {"average_win", "Average win"}, {"average_loss", "Average loss"},
            {"sample_size", "Sample size (trades, optional)"}, {"kelly_multiplier", "Kelly multiplier (x f*)"},
            {"max_kelly_fraction", "Max Kelly fraction (% equity)"}, {"bets", "Bets per path"}, {"paths", "Paths"},
            {"initial_capital", "Starting capital"}, {"ruin_level", "Ruin level (% of start)"},
            {"target_multiple", "Target (x start)"}, {"seed", "Seed"}};

    private final KellyLabViewModel model;
    private final HBox fans = new HBox(8);
    private final GrowthChart growth = new GrowthChart();
    private final TableView<FractionResult> table = new TableView<>();
    private final HistogramChart wealthHistogram = new HistogramChart("terminal wealth");
    private final HistogramChart drawdownHistogram = new HistogramChart("maximum drawdown");
    private final VBox adjustments = new VBox(3);
    private final CheckBox logScale = new CheckBox("Log scale");
    private final Label kellyValue = new Label("—");
    private final Label adjustedValue = new Label("—");
    private final Label intervalValue = new Label("—");
    private final Label payoffValue = new Label("—");
    private final Label zeroGrowthValue = new Label("—");
    private final Label chosenValue = new Label("—");
    private final Label recommendedValue = new Label("—");

    public KellyLabView(KellyLabViewModel model) {
        this.model = model;
    }

    public Node createView() {
        Label title = new Label("Kelly Lab");
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        HBox head = new HBox(12, title, status);
        head.setAlignment(Pos.BASELINE_LEFT);

        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.setPrefWidth(320);
        form.setMinWidth(260);
        form.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        Label legend = Views.caption("Wealth over the bets: bold line, the median path; solid, the 25th and 75th "
                + "percentiles; dashed, the 5th and 95th; grey, sample paths; red dashed, the ruin level.");
        legend.setWrapText(true);
        Node shownResults = results();
        VBox right = new VBox(8, shownResults, fans, legend, bottom());
        // Results of inputs edited since are dimmed until Calculate runs again.
        for (Node n : List.of(shownResults, fans)) {
            n.opacityProperty().bind(javafx.beans.binding.Bindings.when(model.staleProperty()).then(0.45).otherwise(1.0));
        }
        VBox.setVgrow(fans, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(10, form, right);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox root = new VBox(8, head, body);
        root.setId("kelly-view");
        root.getStyleClass().add("page");
        initListeners();
        return root;
    }

    private Node form() {
        ComboBox<Strategy> source = new ComboBox<>(model.strategies());
        source.setId("kelly-strategy");
        source.setPromptText("Typed inputs (no strategy)");
        source.setMaxWidth(Double.MAX_VALUE);
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(Strategy s) {
                return s == null ? "Typed inputs (no strategy)" : s.name() + " (" + s.id() + ")";
            }

            @Override
            public Strategy fromString(String s) {
                return null;
            }
        });
        source.valueProperty().bindBidirectional(model.strategyProperty());
        Button typed = new Button("Use typed inputs");
        typed.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        typed.setOnAction(e -> model.strategyProperty().set(null));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        grid.getColumnConstraints().addAll(new ColumnConstraints(120), new ColumnConstraints(100, 140, 200));
        int row = 0;
        for (String[] f : FORM) {
            Label label = formLabel(f[1]);
            TextField field = new TextField();
            field.setId("kelly-" + f[0].replace('_', '-'));
            field.textProperty().bindBidirectional(model.field(f[0]));
            field.setOnAction(e -> model.calculate());
            Label error = errorLabel(model.errors(), f[0], field);
            grid.add(label, 0, row);
            grid.add(field, 1, row++);
            grid.add(error, 0, row++, 2, 1);
        }
        Button calculate = new Button("Calculate");
        calculate.setId("kelly-calculate");
        calculate.getStyleClass().add(Styles.ACCENT);
        calculate.setOnAction(e -> model.calculate());
        Button cancel = new Button("Cancel simulation");
        cancel.setId("kelly-cancel");
        cancel.disableProperty().bind(model.simulatingProperty().not());
        cancel.setOnAction(e -> model.cancelSimulation());
        HBox buttons = new HBox(8, calculate, cancel);

        ListView<StoredCalculation> history = new ListView<>(model.history());
        history.setId("kelly-history");
        history.setPrefHeight(150);
        history.setPlaceholder(new Label("No calculations yet"));
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StoredCalculation c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : describe(c));
            }
        });
        history.setTooltip(new Tooltip("Double-click a calculation to load its inputs again"));
        history.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && history.getSelectionModel().getSelectedItem() != null) {
                model.reload(history.getSelectionModel().getSelectedItem());
            }
        });
        TitledPane settings = new StrategySettingsView(model).createView();
        VBox box = new VBox(8, Views.caption("Edge from a strategy's trades"), source, typed, settings, grid, buttons,
                Views.caption("History (double-click to reload)"), history);
        box.setPadding(new Insets(4, 10, 4, 2));
        return box;
    }

    private static Label formLabel(String text) {
        return Views.formLabel(text);
    }

    private static Label errorLabel(javafx.collections.ObservableMap<String, String> errors, String name, TextField field) {
        return Views.fieldError(errors, name, field);
    }

    private static String describe(StoredCalculation c) {
        String when = c.createdAt() == null ? "" : c.createdAt().toLocalDateTime().withNano(0).toString().replace('T', ' ');
        if (c.winProbability() != null) {
            return when + "  p " + Formats.percent(c.winProbability()) + ", win/loss "
                    + Formats.decimal2(c.averageWin() / c.averageLoss()) + " -> f* " + Formats.decimal4(c.kellyFraction());
        }
        return when + "  f* " + Formats.decimal4(c.kellyFraction());
    }

    private Node results() {
        Slider slider = new Slider(0, 2, 0.5);
        slider.setId("kelly-fraction-slider");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(0.5);
        slider.setMinorTickCount(4);
        slider.setPrefWidth(320);
        slider.valueProperty().bindBidirectional(model.kellyMultipleProperty());
        Label sliderLabel = new Label();
        sliderLabel.textProperty().bind(model.kellyMultipleProperty().asString("Chosen fraction: %.2f x Kelly"));
        logScale.setId("kelly-log-scale");
        logScale.setSelected(true);
        HBox sliderRow = new HBox(12, sliderLabel, slider, chosenValue, logScale);
        sliderRow.setAlignment(Pos.CENTER_LEFT);
        HBox tiles = new HBox(26, tile("Kelly f*", kellyValue), tile("Adjusted Kelly", adjustedValue),
                tile("Interval of f*", intervalValue), tile("Payoff b", payoffValue),
                tile("Growth turns negative at", zeroGrowthValue), tile("Recommended (ruin < limit)", recommendedValue));
        kellyValue.setId("kelly-fraction");
        adjustedValue.setId("kelly-adjusted");
        return new VBox(6, tiles, sliderRow);
    }

    private static Node tile(String caption, Label value) {
        value.getStyleClass().addAll(Styles.TITLE_4, "tile-value");
        return new VBox(1, Views.caption(caption), value);
    }

    private Node bottom() {
        table.setId("kelly-fractions");
        table.getStyleClass().add("compact-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Calculate to simulate growth paths"));
        table.getColumns().setAll(List.of(
                column("f", "Fraction of capital staked per bet", f -> Formats.decimal4(f.fraction()), 62),
                column("xK", "Multiple of Kelly", f -> Formats.decimal2(f.kellyMultiple()), 48),
                column("Median", "Median terminal wealth (exact lattice value in brackets)",
                        f -> Formats.compact(f.terminalWealthPercentiles().p50()) + (f.exactTerminalWealthPercentiles() == null
                                ? "" : " (" + Formats.compact(f.exactTerminalWealthPercentiles().p50()) + ")"), 112),
                column("Ruin", "Probability of touching the ruin level (exact lattice value in brackets)",
                        f -> Formats.percent(f.probabilityOfRuin()) + (Double.isFinite(f.exactProbabilityOfRuin())
                                ? " (" + Formats.percent(f.exactProbabilityOfRuin()) + ")" : ""), 128),
                column("Target", "Probability of ever reaching the target", f -> Formats.percent(f.probabilityOfTarget()), 74),
                column("Max DD", "Maximum drawdown: median / 95th percentile",
                        f -> Formats.percent(f.maxDrawdownMedian()) + " / " + Formats.percent(f.maxDrawdownP95()), 140),
                column("Growth", "Mean log growth per bet ± standard error",
                        f -> String.format("%.4f±%.4f", f.meanLogGrowth(), f.meanLogGrowthStandardError()), 118)));
        table.setPrefHeight(170);
        growth.setPrefHeight(200);
        ScrollPane adjustmentsScroll = new ScrollPane(adjustments);
        adjustmentsScroll.setFitToWidth(true);
        adjustmentsScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox adjustmentsBox = Views.card("Sizing and sensitivity", adjustmentsScroll);
        adjustmentsBox.setPrefWidth(240);
        adjustmentsBox.setMinWidth(180);
        TabPane tabs = new TabPane(new Tab("Simulated fractions", table),
                new Tab("Terminal wealth (chosen f)", wealthHistogram), new Tab("Max drawdown (chosen f)", drawdownHistogram));
        tabs.setId("kelly-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        HBox row = new HBox(8, Views.card("Growth vs fraction", growth), Views.card("Results", tabs), adjustmentsBox);
        HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        ((VBox) row.getChildren().get(0)).setPrefWidth(230);
        ((VBox) row.getChildren().get(0)).setMinWidth(200);
        return row;
    }

    private static TableColumn<FractionResult, String> column(String name, String tip,
                                                              Function<FractionResult, String> value, double width) {
        TableColumn<FractionResult, String> c = new TableColumn<>();
        Label header = new Label(name);
        header.setTooltip(new Tooltip(tip));
        c.setGraphic(header);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }

    private void initListeners() {
        model.resultProperty().addListener((o, a, r) -> showResult(r));
        model.simulationProperty().addListener((o, a, s) -> showSimulation(s));
        model.edgeProperty().addListener((o, a, e) -> showAdjustments(model.resultProperty().get()));
        model.sizingProperty().addListener((o, a, e) -> showAdjustments(model.resultProperty().get()));
        logScale.selectedProperty().addListener((o, a, b) -> showSimulation(model.simulationProperty().get()));
        model.chosenFractionProperty().addListener((o, a, f) -> {
            chosenValue.setText(Double.isFinite(f.doubleValue()) ? "= " + Formats.decimal4(f.doubleValue())
                    + " of capital per bet" : "");
            KellyCalculationResponse r = model.resultProperty().get();
            if (r != null && r.winLossRatio() != null) {
                growth.show(winProbability(r), r.winLossRatio(), r.kellyFraction(), f.doubleValue());
            }
        });
    }

    private double winProbability(KellyCalculationResponse r) {
        // f* = p - (1 - p) / b  =>  p = (f* b + 1) / (b + 1)
        return (r.kellyFraction() * r.winLossRatio() + 1) / (r.winLossRatio() + 1);
    }

    private void showResult(KellyCalculationResponse r) {
        if (r == null) {
            return;
        }
        kellyValue.setText(Formats.decimal4(r.kellyFraction()));
        adjustedValue.setText(Formats.decimal4(r.adjustedKelly()));
        intervalValue.setText(r.confidenceInterval() == null ? "give a sample size"
                : "[" + Formats.decimal4(r.confidenceInterval().lowerBound()) + ", "
                + Formats.decimal4(r.confidenceInterval().upperBound()) + "] at "
                + Formats.percent(r.confidenceInterval().confidenceLevel()));
        payoffValue.setText(r.winLossRatio() == null ? "—" : Formats.decimal2(r.winLossRatio()));
        Double z = r.sensitivityAnalysis().zeroGrowthFraction();
        zeroGrowthValue.setText(z == null ? "—" : Formats.decimal4(z));
        if (r.winLossRatio() != null) {
            growth.show(winProbability(r), r.winLossRatio(), r.kellyFraction(), model.chosenFractionProperty().get());
        }
        showAdjustments(r);
    }

    private void showAdjustments(KellyCalculationResponse r) {
        adjustments.getChildren().clear();
        if (r == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("Adjusted = min(max(f*, 0), max Kelly) x multiplier = " + Formats.decimal4(r.adjustedKelly()));
        if (r.kellyFraction() <= 0) {
            lines.add("Negative edge: sized to zero, never short by accident.");
        }
        var edge = model.edgeProperty().get();
        SizingResult sized = model.sizingProperty().get();
        if (!model.bootstrapWarning().isEmpty()) {
            lines.add(model.bootstrapWarning());
        }
        if (edge != null && sized != null) {
            lines.add(edge.name() + ": " + sized.basis());
            var all = edge.all();
            if (all.kelly() != null && all.logOptimalKelly() != null) {
                lines.add("Kelly from the averages, p - q/b: " + Formats.decimal4(all.kelly())
                        + "; from the trade list (max mean ln(1 + f r)): " + Formats.decimal4(all.logOptimalKelly())
                        + "; sizing starts from the smaller.");
            }
            lines.add("Sized: " + Formats.percent(sized.fraction()) + " of capital (conviction "
                    + sized.appliedConviction() + ")");
            sized.adjustments().forEach(a -> lines.add(a.name() + " x" + Formats.decimal2(a.multiplier()) + ": "
                    + a.reason()));
            sized.bindingLimits().forEach(l -> lines.add("Limit " + l.name() + ": " + Formats.decimal4(l.before())
                    + " -> " + Formats.decimal4(l.after()) + (l.reason() == null ? "" : " (" + l.reason() + ")")));
        }
        var s = r.sensitivityAnalysis();
        if (s.dKellyDWinProbability() != null) {
            lines.add("df*/dp = " + Formats.decimal2(s.dKellyDWinProbability()) + ", df*/db = "
                    + Formats.decimal4(s.dKellyDPayoff()));
        }
        for (var g : s.growthTable()) {
            lines.add(Formats.decimal2(g.kellyMultiple()) + " x Kelly: growth " + (g.relativeGrowth() == null ? "—"
                    : Formats.percent(g.relativeGrowth())) + " of the maximum");
        }
        for (String line : lines) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add(Styles.TEXT_SMALL);
            adjustments.getChildren().add(l);
        }
    }

    private void showSimulation(GrowthSimulationResult s) {
        fans.getChildren().clear();
        if (s == null) {
            table.getItems().clear();
            recommendedValue.setText("—");
            Label empty = new Label("Growth paths appear here after Calculate (positive edge only).");
            empty.getStyleClass().add("placeholder-text");
            fans.getChildren().add(empty);
            fans.setAlignment(Pos.CENTER);
            return;
        }
        fans.setAlignment(Pos.TOP_LEFT);
        double fStar = model.resultProperty().get().kellyFraction();
        double chosen = model.chosenFractionProperty().get();
        for (FractionResult f : s.fractions()) {
            FanChart chart = new FanChart();
            chart.show(f, fStar, Math.abs(f.fraction() - chosen) < 1e-12, logScale.isSelected(), f.bands().isEmpty()
                    ? 1 : f.bands().get(f.bands().size() - 1).bet(), model.ruinWealth());
            HBox.setHgrow(chart, Priority.ALWAYS);
            fans.getChildren().add(chart);
        }
        table.getItems().setAll(s.fractions());
        s.fractions().stream().filter(f -> Math.abs(f.fraction() - chosen) < 1e-12).findFirst().ifPresent(f -> {
            wealthHistogram.show(f.terminalWealthHistogram(), Formats::compact, true);
            drawdownHistogram.show(f.maxDrawdownHistogram(), Formats::percent, false);
        });
        recommendedValue.setText(Double.isFinite(s.recommendedFraction()) ? Formats.decimal4(s.recommendedFraction())
                : "none under " + Formats.percent(s.ruinProbabilityLimit()));
    }
}
