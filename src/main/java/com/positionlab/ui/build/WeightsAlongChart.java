package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;

import com.positionlab.service.build.BuildResult;

/**
 * How the allocation changes along the frontier: the weights (percent) of the instruments that weigh most
 * anywhere on it, stacked against the frontier's volatility, the rest as "Others".
 */
final class WeightsAlongChart {

    /** Instruments drawn on their own; the others are summed. */
    static final int SHOWN = 8;
    /** Frontier portfolios sampled, evenly in expected return. */
    static final int SAMPLES = 40;

    private final BuildViewModel model;
    private final StackedAreaChart<Number, Number> chart = new StackedAreaChart<>(new NumberAxis(), new NumberAxis());

    WeightsAlongChart(BuildViewModel model) {
        this.model = model;
    }

    Node create() {
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getXAxis().setLabel("Volatility along the frontier (% a year)");
        chart.getYAxis().setLabel("Weight (%)");
        ((NumberAxis) chart.getXAxis()).setForceZeroInRange(false);
        model.resultProperty().addListener((o, a, r) -> show(r));
        return chart;
    }

    private void show(BuildResult r) {
        if (r == null) {
            chart.getData().clear();
            return;
        }
        int n = r.tickers().size();
        double[][] w = new double[SAMPLES][];
        double[] vol = new double[SAMPLES];
        double[] largest = new double[n];
        for (int k = 0; k < SAMPLES; k++) {
            double ret = r.lowestReturn() + (r.highestReturn() - r.lowestReturn()) * k / (SAMPLES - 1);
            w[k] = r.weightsAt(ret);
            vol[k] = r.volatilityAt(ret);
            for (int i = 0; i < n; i++) {
                largest[i] = Math.max(largest[i], Math.abs(w[k][i]));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -largest[i]));
        List<Integer> shown = order.subList(0, Math.min(SHOWN, n));
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (int i : shown) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(r.tickers().get(i));
            for (int k = 0; k < SAMPLES; k++) {
                s.getData().add(new XYChart.Data<>(100 * vol[k], 100 * w[k][i]));
            }
            all.add(s);
        }
        if (n > SHOWN) {
            XYChart.Series<Number, Number> others = new XYChart.Series<>();
            others.setName("Others");
            for (int k = 0; k < SAMPLES; k++) {
                double sum = 0;
                for (int i : order.subList(SHOWN, n)) {
                    sum += w[k][i];
                }
                others.getData().add(new XYChart.Data<>(100 * vol[k], 100 * sum));
            }
            all.add(others);
        }
        chart.getData().setAll(all);
    }
}
