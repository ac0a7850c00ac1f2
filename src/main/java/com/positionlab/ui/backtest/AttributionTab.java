package com.positionlab.ui.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import com.positionlab.service.backtest.BacktestResponse.Attribution;
import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.service.backtest.BacktestResponse.SectorEffect;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.TableExport;

/**
 * A strategy's return against the equal-weight benchmark, by sector (Brinson-Fachler, month by month, linked by
 * Carino): the allocation, selection and interaction effects in a table and as bars, and how they add up.
 */
final class AttributionTab {

    private final BacktestViewModel model;
    private final ReportExporter exporter;
    private final TableView<SectorEffect> table = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label summary = new Label();

    AttributionTab(BacktestViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    Node create() {
        table.setId("backtest-attribution");
        table.setPlaceholder(new Label("No attribution"));
        table.getColumns().add(Columns.text("Sector", "The instruments' sector", SectorEffect::sector, 130));
        table.getColumns().add(percent("Allocation (%)", "allocation", "Return from weighting the sector "
                + "differently from the benchmark", SectorEffect::allocation));
        table.getColumns().add(percent("Selection (%)", "selection", "Return from the sector's instruments doing "
                + "better than the benchmark's", SectorEffect::selection));
        table.getColumns().add(percent("Interaction (%)", "interaction", "The part of both together",
                SectorEffect::interaction));
        table.getColumns().add(percent("Total (%)", "total", "Allocation + selection + interaction",
                SectorEffect::total));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().add(Styles.DENSE);
        table.setFixedCellSize(26);
        table.setMinHeight(Region.USE_PREF_SIZE);
        TableExport.install(table, "backtest-attribution", exporter);
        chart.setAnimated(false);
        chart.getXAxis().setLabel("Sector");
        chart.getYAxis().setLabel("Effect on the return (%)");
        chart.setMinSize(300, 200);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("backtest-attribution-summary");
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(8, chooser(model, "backtest-attribution-strategy"), table, chart, summary);
        box.setPadding(new Insets(8));
        model.chosenRunProperty().addListener((o, a, r) -> show(r));
        show(model.chosenRunProperty().get());
        return box;
    }

    /** The strategy whose attribution and trades are shown. */
    static Node chooser(BacktestViewModel model, String id) {
        ComboBox<String> box = new ComboBox<>(model.strategyLabels());
        box.setId(id);
        box.valueProperty().bindBidirectional(model.chosenProperty());
        box.setTooltip(new Tooltip("The strategy of the result whose figures are shown"));
        HBox row = new HBox(8, new Label("Strategy"), box);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static javafx.scene.control.TableColumn<SectorEffect, String> percent(String name, String api, String tip,
                                                                                 ToDoubleFunction<SectorEffect> v) {
        return Columns.number(name, tip + " (" + api + ")", e -> signed(v.applyAsDouble(e)), 104);
    }

    private void show(Run r) {
        Attribution a = r == null ? null : r.attribution();
        chart.getData().clear();
        if (a == null) {
            table.getItems().clear();
            summary.setText("");
            return;
        }
        List<SectorEffect> rows = new ArrayList<>(a.sectors());
        rows.add(new SectorEffect("All sectors", a.allocation(), a.selection(), a.interaction(),
                a.allocation() + a.selection() + a.interaction()));
        table.getItems().setAll(rows);
        table.setPrefHeight(40 + rows.size() * table.getFixedCellSize());
        chart.getData().add(series("Allocation", a.sectors(), SectorEffect::allocation));
        chart.getData().add(series("Selection", a.sectors(), SectorEffect::selection));
        chart.getData().add(series("Interaction", a.sectors(), SectorEffect::interaction));
        chart.getData().add(series("Total", a.sectors(), SectorEffect::total));
        summary.setText("Held as at each month's start, " + r.label() + " returned "
                + Formats.percent(a.portfolioReturn()) + " against " + Formats.percent(a.benchmarkReturn())
                + " for the benchmark (" + benchmark(a.benchmark()) + "): an active return of "
                + signed(a.activeReturn()) + " = allocation " + signed(a.allocation()) + " + selection "
                + signed(a.selection()) + " + interaction " + signed(a.interaction()) + ". It actually returned "
                + Formats.percent(r.statistics().totalReturn()) + ": a residual of " + signed(a.residual())
                + " from costs and trading within the months. " + a.periods() + " months; " + a.method() + ".");
    }

    /** A signed percentage, with 0.00% (not -0.00%) for what rounds to nothing. */
    static String signed(double fraction) {
        return Math.abs(fraction) < 0.00005 ? "0.00%" : Formats.signedPercent(fraction);
    }

    private static String benchmark(String api) {
        return api == null || api.equals("equal_weight") ? "the universe at equal weights" : api;
    }

    private static XYChart.Series<String, Number> series(String name, List<SectorEffect> sectors,
                                                         ToDoubleFunction<SectorEffect> v) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        sectors.forEach(e -> s.getData().add(new XYChart.Data<>(e.sector(), v.applyAsDouble(e) * 100)));
        return s;
    }
}
