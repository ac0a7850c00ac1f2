package com.positionlab.ui.kelly;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import com.positionlab.engine.sim.growth.FractionResult;
import com.positionlab.engine.sim.growth.Percentiles;
import com.positionlab.engine.sim.growth.SamplePath;
import com.positionlab.engine.sim.growth.WealthBand;
import com.positionlab.ui.common.Formats;

/**
 * Growth paths of one betting fraction: the 5th to 95th percentile wealth over time as lines (median
 * bold), with a few simulated paths behind them. On a log scale the y axis shows log10 of wealth,
 * labelled in wealth.
 */
final class FanChart extends LineChart<Number, Number> {

    private static final int SAMPLE_PATHS_SHOWN = 6;
    /** Points drawn per line at most: a chart is a few hundred pixels wide, and fewer nodes redraw faster. */
    static final int MAX_POINTS = 126;

    /** The fraction shown (NaN before any). */
    double fraction() {
        return shown == null ? Double.NaN : ((FractionResult) shown.get(0)).fraction();
    }

    /** What the chart shows now: the result and how it was drawn (null before any). */
    private List<Object> shown;

    FanChart() {
        super(new NumberAxis(), new NumberAxis());
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        getStyleClass().add("fan-chart");
        getXAxis().setLabel("bets");
        setMinSize(120, 120);
    }

    /**
     * Shows {@code f}'s paths over {@code bets} bets; {@code ruinWealth} (NaN for none) is drawn as a dashed
     * red line. On a log scale the ticks are whole powers of ten.
     */
    void show(FractionResult f, double fStar, boolean chosen, boolean logScale, int bets, double ruinWealth) {
        List<Object> drawing = List.of(f, fStar, chosen, logScale, bets, ruinWealth);
        if (drawing.equals(shown)) {
            return; // the same result drawn the same way: a slider move leaves half, full and double Kelly alone
        }
        shown = drawing;
        setTitle((chosen ? "Chosen: " : "") + "f = " + Formats.decimal4(f.fraction()) + " ("
                + Formats.decimal2(f.fraction() / fStar) + " x Kelly)");
        NumberAxis y = (NumberAxis) getYAxis();
        y.setLabel(logScale ? "wealth (log scale)" : "wealth");
        y.setForceZeroInRange(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.compact(logScale ? Math.pow(10, n.doubleValue()) : n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        int[] drawn = drawnBands(f.bands().size());
        int shown = 0;
        for (SamplePath p : f.samplePaths()) {
            if (shown++ >= SAMPLE_PATHS_SHOWN) {
                break;
            }
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(drawn.length);
            for (int i : drawn) {
                if (i < p.wealth().length) {
                    points.add(new XYChart.Data<>(f.bands().get(i).bet(), value(p.wealth()[i], logScale)));
                }
            }
            all.add(new XYChart.Series<>(FXCollections.observableList(points)));
        }
        int paths = all.size();
        all.add(band(f.bands(), drawn, Percentiles::p5, logScale));
        all.add(band(f.bands(), drawn, Percentiles::p25, logScale));
        all.add(band(f.bands(), drawn, Percentiles::p50, logScale));
        all.add(band(f.bands(), drawn, Percentiles::p75, logScale));
        all.add(band(f.bands(), drawn, Percentiles::p95, logScale));
        boolean ruin = Double.isFinite(ruinWealth) && ruinWealth > 0;
        if (ruin) {
            XYChart.Series<Number, Number> r = new XYChart.Series<>();
            r.getData().add(new XYChart.Data<>(0, value(ruinWealth, logScale)));
            r.getData().add(new XYChart.Data<>(bets, value(ruinWealth, logScale)));
            all.add(r);
        }
        xAxisTo(bets);
        if (logScale) {
            yAxisInDecades(all.subList(paths, all.size()));
        } else {
            y.setAutoRanging(true);
        }
        getData().setAll(all);
        String[] bandStyles = {"fan-outer", "fan-inner", "fan-median", "fan-inner", "fan-outer", "fan-ruin"};
        for (int i = 0; i < all.size(); i++) {
            var node = all.get(i).getNode();
            if (node != null) {
                node.getStyleClass().add(i < paths ? "fan-path" : bandStyles[i - paths]);
            }
        }
    }

    /** The x axis from 0 to the last bet, in round steps. */
    private void xAxisTo(int bets) {
        NumberAxis x = (NumberAxis) getXAxis();
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(Math.max(bets, 1));
        x.setTickUnit(roundStep(Math.max(bets, 1) / 5.0));
    }

    /** The log axis from the decade below the lowest line to the one above the highest, one label per decade. */
    private void yAxisInDecades(List<XYChart.Series<Number, Number>> lines) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYChart.Series<Number, Number> s : lines) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                double v = d.getYValue().doubleValue();
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        NumberAxis y = (NumberAxis) getYAxis();
        if (!(lo <= hi)) {
            y.setAutoRanging(true);
            return;
        }
        double lower = Math.floor(lo);
        double upper = Math.max(Math.ceil(hi), lower + 1);
        y.setAutoRanging(false);
        y.setLowerBound(lower);
        y.setUpperBound(upper);
        y.setTickUnit(Math.max(1, Math.ceil((upper - lower) / 6)));
        y.setMinorTickVisible(false);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double roundStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /**
     * The band indices drawn: all of them up to {@link #MAX_POINTS}, else evenly spaced ones, always with the
     * first and the last (the start and the final wealth).
     */
    static int[] drawnBands(int bands) {
        if (bands <= MAX_POINTS) {
            return java.util.stream.IntStream.range(0, bands).toArray();
        }
        int[] out = new int[MAX_POINTS];
        for (int k = 0; k < MAX_POINTS; k++) {
            out[k] = (int) Math.round((double) k * (bands - 1) / (MAX_POINTS - 1));
        }
        return out;
    }

    private static XYChart.Series<Number, Number> band(List<WealthBand> bands, int[] drawn,
                                                       ToDoubleFunction<Percentiles> pick, boolean log) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(drawn.length);
        for (int i : drawn) {
            WealthBand b = bands.get(i);
            points.add(new XYChart.Data<>(b.bet(), value(pick.applyAsDouble(b.wealth()), log)));
        }
        return new XYChart.Series<>(FXCollections.observableList(points));
    }

    private static double value(double wealth, boolean log) {
        if (!log) {
            return wealth;
        }
        return Math.log10(Math.max(wealth, 1e-6));
    }
}
