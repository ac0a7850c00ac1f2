package com.positionlab.ui.kelly;

import com.positionlab.domain.StoredCalculation;
import java.util.ArrayList;
import java.util.List;

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
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.domain.Strategy;
import com.positionlab.engine.sim.growth.FractionResult;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.service.kelly.KellyCalculationResponse;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.Views;
import com.positionlab.ui.common.ReportButton;
import com.positionlab.ui.common.ReportExporter;

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
    private final FractionTableView table = new FractionTableView();
    private final ReportExporter exporter;
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

    public KellyLabView(KellyLabViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
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
        form.setId("kelly-form");
        form.setFitToWidth(true);
        form.setPrefWidth(320);
        form.setMinWidth(292);
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
        source.setConverter(Views.converter(s -> s == null ? "Typed inputs (no strategy)"
                : s.name() + " (" + s.id() + ")"));
        source.valueProperty().bindBidirectional(model.strategyProperty());
        Button typed = new Button("Use typed inputs");
        typed.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        typed.setOnAction(e -> model.strategyProperty().set(null));
        Button edge = ReportButton.of("kelly-export-edge", exporter, model.edgeProperty().isNotNull(),
                "the strategy's edge", () -> "edge-" + model.edgeProperty().get().strategyId(),
                () -> KellyLabReport.edge(model));
        edge.setText("Export edge…");
        edge.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        HBox strategyActions = new HBox(4, typed, Views.spacer(), edge);

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
        // The calculation with the simulation of the same bets; not while either is out of date or running.
        Button export = ReportButton.of("kelly-export", exporter, model.resultProperty().isNotNull()
                .and(model.staleProperty().not()).and(model.simulatingProperty().not()), "the Kelly calculation",
                () -> "kelly", () -> KellyLabReport.of(model));
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
        VBox box = new VBox(8, Views.caption("Edge from a strategy's trades"), source, strategyActions, settings, grid,
                buttons, export, Views.caption("History (double-click to reload)"), history);
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
        HBox tiles = new HBox(26,
                tile("Kelly f*", kellyValue, "The fraction of capital per bet that maximises long-run growth: "
                        + "f* = p - q/b. Staking more than f* adds risk and lowers growth."),
                tile("Adjusted Kelly", adjustedValue, "f* capped at the max Kelly fraction, times the Kelly "
                        + "multiplier: the fraction the sizing uses. Zero when the edge is negative."),
                tile("Interval of f*", intervalValue, "How far f* may be off given the number of trades behind "
                        + "the win rate; type a sample size to see it. A wide interval argues for a smaller multiplier."),
                tile("Payoff b", payoffValue, "Average win divided by average loss."),
                tile("Growth turns negative at", zeroGrowthValue, "Staking this fraction or more makes wealth "
                        + "shrink in the long run (about 2 x f*)."),
                tile("Recommended (ruin < limit)", recommendedValue, "Among the fractions simulated, the one with the "
                        + "highest median final wealth whose chance of touching the ruin level is under the limit. "
                        + "\"None\" means every fraction shown touches it too often: move the slider lower, or set a "
                        + "lower ruin level (further below the start)."));
        kellyValue.setId("kelly-fraction");
        adjustedValue.setId("kelly-adjusted");
        return new VBox(6, tiles, sliderRow);
    }

    private static Node tile(String caption, Label value, String meaning) {
        value.getStyleClass().addAll(Styles.TITLE_4, "tile-value");
        VBox tile = new VBox(1, Views.caption(caption), value);
        Tooltip.install(tile, new Tooltip(meaning));
        return tile;
    }

    private Node bottom() {
        growth.setPrefHeight(200);
        ScrollPane adjustmentsScroll = new ScrollPane(adjustments);
        adjustmentsScroll.setFitToWidth(true);
        adjustmentsScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox adjustmentsBox = Views.card("Sizing and sensitivity", adjustmentsScroll);
        adjustmentsBox.setPrefWidth(240);
        adjustmentsBox.setMinWidth(180);
        TabPane tabs = new TabPane(new Tab("By fraction", table.node()),
                new Tab("Final wealth", wealthHistogram), new Tab("Max drawdown", drawdownHistogram));
        tabs.getTabs().get(1).setTooltip(new Tooltip("Histogram of wealth after the last bet, at the chosen fraction"));
        tabs.getTabs().get(2).setTooltip(new Tooltip("Histogram of each path's largest fall from a peak, at the "
                + "chosen fraction"));
        tabs.setId("kelly-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        HBox row = new HBox(8, Views.card("Growth vs fraction", growth), Views.card("Results", tabs), adjustmentsBox);
        HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        ((VBox) row.getChildren().get(0)).setPrefWidth(230);
        ((VBox) row.getChildren().get(0)).setMinWidth(200);
        return row;
    }

    private void initListeners() {
        model.resultProperty().addListener((o, a, r) -> showResult(r));
        model.simulationProperty().addListener((o, a, s) -> showSimulation(s));
        model.notesProperty().addListener((o, a, lines) -> showNotes(lines));
        logScale.selectedProperty().addListener((o, a, b) -> showSimulation(model.simulationProperty().get()));
        model.chosenFractionProperty().addListener((o, a, f) -> {
            chosenValue.setText(Double.isFinite(f.doubleValue()) ? "= " + Formats.decimal4(f.doubleValue())
                    + " of capital per bet" : "");
            KellyCalculationResponse r = model.resultProperty().get();
            if (r != null && r.winLossRatio() != null) {
                growth.show(ResultNotes.winProbability(r), r.winLossRatio(), r.kellyFraction(), f.doubleValue());
            }
        });
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
            growth.show(ResultNotes.winProbability(r), r.winLossRatio(), r.kellyFraction(), model.chosenFractionProperty().get());
        }
    }

    private void showNotes(List<String> lines) {
        adjustments.getChildren().clear();
        for (String line : lines) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add(Styles.TEXT_SMALL);
            adjustments.getChildren().add(l);
        }
    }

    private void showSimulation(GrowthSimulationResult s) {
        if (s == null) {
            fans.getChildren().clear();
            table.show(List.of(), Double.NaN);
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
        // Charts are kept by fraction: a slider move redraws the chosen fraction's chart only (building and
        // laying out charts is most of the time a move takes).
        java.util.Map<Double, FanChart> kept = new java.util.HashMap<>();
        java.util.ArrayDeque<FanChart> spare = new java.util.ArrayDeque<>();
        fans.getChildren().forEach(n -> {
            if (n instanceof FanChart c && kept.putIfAbsent(c.fraction(), c) != null) {
                spare.add(c);
            }
        });
        List<FanChart> charts = new ArrayList<>();
        for (FractionResult f : s.fractions()) {
            charts.add(kept.remove(f.fraction()));
        }
        spare.addAll(kept.values());
        for (int i = 0; i < charts.size(); i++) {
            FractionResult f = s.fractions().get(i);
            FanChart chart = charts.get(i) != null ? charts.get(i) : spare.isEmpty() ? new FanChart() : spare.poll();
            HBox.setHgrow(chart, Priority.ALWAYS);
            charts.set(i, chart);
            chart.show(f, fStar, Math.abs(f.fraction() - chosen) < 1e-12, logScale.isSelected(),
                    f.bands().isEmpty() ? 1 : f.bands().get(f.bands().size() - 1).bet(), model.ruinWealth());
        }
        if (!fans.getChildren().equals(charts)) {
            fans.getChildren().setAll(charts);
        }
        table.show(s.fractions(), chosen);
        s.fractions().stream().filter(f -> Math.abs(f.fraction() - chosen) < 1e-12).findFirst().ifPresent(f -> {
            wealthHistogram.show(f.terminalWealthHistogram(), Formats::compact, true);
            drawdownHistogram.show(f.maxDrawdownHistogram(), Formats::percent, false);
        });
        recommendedValue.setText(Double.isFinite(s.recommendedFraction()) ? Formats.decimal4(s.recommendedFraction())
                : "none under " + Formats.percent(s.ruinProbabilityLimit()));
    }
}
