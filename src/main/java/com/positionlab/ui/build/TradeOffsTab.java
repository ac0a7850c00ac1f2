package com.positionlab.ui.build;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.positionlab.service.build.BuildResult;
import com.positionlab.service.optimize.FrontierResponse;
import com.positionlab.ui.common.Formats;

/**
 * The multi-objective trade-offs (with "Trace trade-offs" on): the best Sharpe ratio against the ESG score
 * and against the turnover from the holdings, each point a maximum-Sharpe portfolio under a floor or a limit,
 * with the trade-off in words; clicking a point selects its portfolio.
 */
final class TradeOffsTab {

    private final BuildViewModel model;
    private final LineChart<Number, Number> esg = chart("ESG score of the portfolio");
    private final LineChart<Number, Number> turnover = chart("Turnover from the holdings (%)");
    private final Label esgWords = new Label();
    private final Label turnoverWords = new Label();

    TradeOffsTab(BuildViewModel model) {
        this.model = model;
    }

    Node create() {
        model.resultProperty().addListener((o, a, r) -> show(r));
        esgWords.setWrapText(true);
        turnoverWords.setWrapText(true);
        VBox left = new VBox(4, esgWords, esg);
        VBox right = new VBox(4, turnoverWords, turnover);
        VBox.setVgrow(esg, Priority.ALWAYS);
        VBox.setVgrow(turnover, Priority.ALWAYS);
        HBox box = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        return ResultTabs.padded(box);
    }

    private static LineChart<Number, Number> chart(String x) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.setLabel(x);
        xAxis.setForceZeroInRange(false);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel("Best Sharpe ratio");
        yAxis.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xAxis, yAxis);
        c.setAnimated(false);
        c.setLegendVisible(false);
        c.setMinHeight(160);
        return c;
    }

    private void show(BuildResult r) {
        FrontierResponse f = r == null ? null : r.frontier();
        if (f == null || f.pareto() == null) {
            esg.getData().clear();
            esgWords.setText(r == null || r.setup().paretoLevels() == null
                    ? "Tick \"Trace trade-offs\" in the setup to see what a higher ESG score costs."
                    : "Every instrument needs an ESG score (Data view) for the ESG trade-off.");
        } else {
            esgWords.setText(f.pareto().tradeOff());
            plot(esg, f.pareto().points(), FrontierResponse.ParetoPoint::esgScore, FrontierResponse.ParetoPoint::sharpeRatio,
                    p -> "ESG floor " + Formats.decimal2(p.esgFloor()), FrontierResponse.ParetoPoint::weights);
        }
        if (f == null || f.turnoverPareto() == null) {
            turnover.getData().clear();
            turnoverWords.setText("Tick \"Trace trade-offs\" in the setup to see what trading buys.");
        } else {
            turnoverWords.setText(f.turnoverPareto().tradeOff());
            plot(turnover, f.turnoverPareto().points(), p -> 100 * p.turnover(),
                    FrontierResponse.TurnoverPoint::sharpeRatio,
                    p -> "Turnover at most " + Formats.percent(p.turnoverLimit()), FrontierResponse.TurnoverPoint::weights);
        }
    }

    private <P> void plot(LineChart<Number, Number> chart, List<P> points, ToDoubleFunction<P> x,
                          ToDoubleFunction<P> sharpe, java.util.function.Function<P, String> label,
                          java.util.function.Function<P, Map<String, Double>> weights) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        for (P p : points) {
            s.getData().add(new XYChart.Data<>(x.applyAsDouble(p), sharpe.applyAsDouble(p)));
        }
        chart.getData().setAll(List.of(s));
        for (int k = 0; k < points.size(); k++) {
            P p = points.get(k);
            Node dot = s.getData().get(k).getNode();
            if (dot != null) {
                Tooltip.install(dot, new Tooltip(label.apply(p) + ": Sharpe " + Formats.decimal2(sharpe.applyAsDouble(p))
                        + " (click to select)"));
                dot.setOnMouseClicked(e -> model.selectWeights(label.apply(p), weights.apply(p)));
                dot.setStyle("-fx-cursor: hand;");
            }
        }
    }
}
