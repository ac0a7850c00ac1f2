package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import com.positionlab.service.build.BuildResult;
import com.positionlab.service.build.Selection;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.ReportButton;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.TableExport;
import com.positionlab.ui.common.Views;

/**
 * The Build a portfolio view: the setup on the left, the efficient frontier in the middle (hover for a
 * readout, click to select, targets to move exactly), and the selection's figures, risk, comparison and
 * trades below.
 */
public final class BuildView {

    private final BuildViewModel model;
    private final ReportExporter exporter;
    private final FrontierChart chart = new FrontierChart();

    public BuildView(BuildViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    public Node createView() {
        BorderPane root = new BorderPane();
        root.setPadding(new Insets(12));
        root.setTop(header());
        root.setLeft(new SetupPanel(model).create());
        SplitPane split = new SplitPane(frontier(), new ResultTabs(model).create());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 0, 0, 8));
        TableExport.installAll(root, "build", exporter);
        chart.setOnHover(model::hover);
        chart.setOnSelect(model::select);
        model.resultProperty().addListener((o, a, r) -> draw(r));
        model.selectionProperty().addListener((o, a, s) -> chart.setSelected(s == null ? null
                : new FrontierChart.Marker(s.label().startsWith("Frontier") ? s.label() : "", s.volatility(),
                s.expectedReturn(), FrontierChart.Kind.SELECTED)));
        model.hoverProperty().addListener((o, a, s) -> chart.setReadout(s == null ? null
                : readout(s, model.resultProperty().get().tickers())));
        chart.showMessage("Computing the frontier…");
        return root;
    }

    private Node header() {
        Label title = new Label("Build a portfolio");
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("build-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        Label stale = new Label("Out of date");
        stale.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        stale.visibleProperty().bind(model.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        stale.setTooltip(new Tooltip("The inputs changed since this result was computed; it is being recomputed"));
        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Button compute = new Button("Compute", new FontIcon(Feather.REFRESH_CW));
        compute.setId("build-compute");
        compute.setTooltip(new Tooltip("Recompute now (edits recompute by themselves after a pause)"));
        compute.setOnAction(e -> model.computeNow());
        Button exportSelection = ReportButton.of("build-export-selection", exporter, model.canReportProperty(),
                "the selected portfolio", () -> "portfolio-" + model.selectionProperty().get().label()
                        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                () -> BuildReports.selection(model));
        exportSelection.setText("Export selection…");
        Button exportFrontier = ReportButton.of("build-export-frontier", exporter, model.canReportProperty(),
                "the efficient frontier", () -> "frontier", () -> BuildReports.frontier(model));
        exportFrontier.setText("Export frontier…");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, title, stale, busy, gap, compute, exportSelection, exportFrontier);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, top, status);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    private Node frontier() {
        TextField targetReturn = target("build-target-return", model.targetReturnProperty(),
                "Expected return to move the selection to, % a year");
        targetReturn.setOnAction(e -> model.moveToTargetReturn());
        Button goReturn = new Button("Go");
        goReturn.setOnAction(e -> model.moveToTargetReturn());
        TextField targetVol = target("build-target-volatility", model.targetVolatilityProperty(),
                "Volatility to move the selection to, % a year");
        targetVol.setOnAction(e -> model.moveToTargetVolatility());
        Button goVol = new Button("Go");
        goVol.setOnAction(e -> model.moveToTargetVolatility());
        HBox targets = new HBox(6, new Label("Target return"), targetReturn, Views.caption("% a year"), goReturn,
                new Label("   Target volatility"), targetVol, Views.caption("% a year"), goVol);
        targets.setAlignment(Pos.CENTER_LEFT);
        VBox errors = new VBox(Views.fieldError(model.errors(), "target_return", targetReturn),
                Views.fieldError(model.errors(), "target_volatility", targetVol));
        chart.setMinSize(300, 220);
        VBox box = new VBox(6, chart, targets, errors);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    private static TextField target(String id, javafx.beans.property.StringProperty value, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        f.textProperty().bindBidirectional(value);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private void draw(BuildResult r) {
        if (r == null) {
            chart.showMessage("No result");
            return;
        }
        List<FrontierChart.Marker> markers = new ArrayList<>();
        for (int i = 0; i < r.tickers().size(); i++) {
            markers.add(new FrontierChart.Marker(r.tickers().get(i), Math.sqrt(r.cov()[i][i]), r.mu()[i],
                    FrontierChart.Kind.ASSET));
        }
        Selection current = r.of("Current", r.current(), true);
        if (current.volatility() > 0) {
            markers.add(new FrontierChart.Marker("Current", current.volatility(), current.expectedReturn(),
                    FrontierChart.Kind.CURRENT));
        }
        var f = r.frontier();
        markers.add(new FrontierChart.Marker("Min volatility", f.minVolatility().volatility(),
                f.minVolatility().expectedReturn(), FrontierChart.Kind.MIN_VOLATILITY));
        markers.add(new FrontierChart.Marker("Max Sharpe", f.maxSharpe().volatility(), f.maxSharpe().expectedReturn(),
                FrontierChart.Kind.MAX_SHARPE));
        r.candidates().stream().filter(c -> c.selection() != null && !c.method().equals("min_volatility")
                && !c.method().equals("max_sharpe")).forEach(c -> markers.add(new FrontierChart.Marker(c.label(),
                c.selection().volatility(), c.selection().expectedReturn(), FrontierChart.Kind.CANDIDATE)));
        chart.setData(r.curveVolatility(), r.curveReturn(), markers, r.riskFreeRate(), f.maxSharpe().sharpeRatio());
        chart.setCloud(r.cloud()[0], r.cloud()[1]);
        chart.resetView();
    }

    /** The hover readout: the point's return, volatility and Sharpe ratio, and its five largest weights. */
    static List<String> readout(Selection s, List<String> tickers) {
        List<String> lines = new ArrayList<>();
        lines.add("Return " + Formats.percent(s.expectedReturn()) + "   Volatility " + Formats.percent(s.volatility())
                + "   Sharpe " + Formats.decimal2(s.sharpeRatio()));
        double[] w = s.weights();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -Math.abs(w[i])));
        for (int i : order.subList(0, Math.min(5, order.size()))) {
            if (Math.abs(w[i]) > 1e-9) {
                lines.add(tickers.get(i) + "  " + Formats.percent(w[i]));
            }
        }
        return lines;
    }
}
