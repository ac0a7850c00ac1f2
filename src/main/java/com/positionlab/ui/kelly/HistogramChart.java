package com.positionlab.ui.kelly;

import java.util.function.DoubleFunction;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import com.positionlab.engine.sim.growth.Histogram;

/** A histogram of simulated paths: one bar per bin, labelled by the bin's centre, with the range on hover. */
final class HistogramChart extends BarChart<String, Number> {

    HistogramChart(String xLabel) {
        super(new CategoryAxis(), new NumberAxis());
        setAnimated(false);
        setLegendVisible(false);
        setBarGap(0);
        setCategoryGap(1);
        getXAxis().setLabel(xLabel);
        getYAxis().setLabel("paths");
        getStyleClass().add("histogram-chart");
        setMinSize(200, 150);
    }

    /**
     * Shows {@code h}; {@code label} formats a bin edge. With {@code geometric} the bin centre is the
     * geometric mean of its edges (bins evenly spaced in log wealth), else the arithmetic mean.
     */
    void show(Histogram h, DoubleFunction<String> label, boolean geometric) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        double[] e = h.edges();
        long[] c = h.counts();
        for (int i = 0; i < c.length; i++) {
            double mid = geometric && e[i] > 0 ? Math.sqrt(e[i] * e[i + 1]) : 0.5 * (e[i] + e[i + 1]);
            // Categories must be distinct: every fourth bin is labelled, the others get invisible names.
            String category = (i % 4 == 0 ? label.apply(mid) : "") + "\u200b".repeat(i + 1);
            s.getData().add(new XYChart.Data<>(category, c[i]));
        }
        getData().setAll(java.util.List.of(s));
        for (int i = 0; i < s.getData().size(); i++) {
            var node = s.getData().get(i).getNode();
            if (node != null) {
                Tooltip.install(node, new Tooltip(label.apply(e[i]) + " to " + label.apply(e[i + 1]) + ": " + c[i]
                        + " paths"));
            }
        }
    }
}
