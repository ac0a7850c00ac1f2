package com.positionlab.ui.kelly;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

import com.positionlab.engine.kelly.Kelly;

/**
 * Expected log growth per bet g(f) = p ln(1 + f b) + q ln(1 - f) against the fraction f, from 0 to a
 * little past the point where it turns negative, with f* and the chosen fraction marked.
 */
final class GrowthChart extends LineChart<Number, Number> {

    private static final int POINTS = 120;

    GrowthChart() {
        super(new NumberAxis(), new NumberAxis());
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        getStyleClass().add("growth-chart");
        getXAxis().setLabel("fraction staked");
        getYAxis().setLabel("log growth / bet");
        setMinSize(200, 150);
    }

    void show(double p, double b, double fStar, double chosen) {
        getData().clear();
        if (!(fStar > 0)) {
            return;
        }
        double zero = Kelly.zeroGrowthFraction(p, b);
        double end = Math.min(0.99, Math.max(zero * 1.15, Double.isFinite(chosen) ? chosen * 1.1 : 0));
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        for (int i = 0; i <= POINTS; i++) {
            double f = end * i / POINTS;
            curve.getData().add(new XYChart.Data<>(f, Kelly.logGrowth(p, b, f)));
        }
        getData().add(curve);
        getData().add(marker(fStar, Kelly.logGrowth(p, b, fStar), "kelly-marker"));
        if (Double.isFinite(chosen)) {
            getData().add(marker(chosen, Kelly.logGrowth(p, b, chosen), "chosen-marker"));
        }
    }

    private static XYChart.Series<Number, Number> marker(double f, double g, String style) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        XYChart.Data<Number, Number> d = new XYChart.Data<>(f, g);
        StackPane dot = new StackPane();
        dot.getStyleClass().add(style);
        d.setNode(dot);
        s.getData().add(d);
        return s;
    }
}
