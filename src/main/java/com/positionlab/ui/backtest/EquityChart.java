package com.positionlab.ui.backtest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

import com.positionlab.service.backtest.BacktestResponse.Point;
import com.positionlab.ui.common.Formats;

/**
 * Daily curves of several strategies over the same dates on one line chart, dates on the x axis: equity in the
 * prices' currency (on a linear or a logarithmic scale) or drawdown in percent. A curve of many days is drawn
 * from at most {@value #MAX_POINTS} of its points, evenly spaced, always with its first and last.
 */
final class EquityChart extends LineChart<Number, Number> {

    /** What the chart plots. */
    enum Measure { EQUITY, DRAWDOWN }

    /** The most points a curve is drawn with. */
    static final int MAX_POINTS = 600;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

    private final Measure measure;
    private final NumberAxis x;
    private final NumberAxis y;
    private final Line splitLine = new Line();
    private final Label splitLabel = new Label();
    private LocalDate split;

    EquityChart(Measure measure) {
        super(new NumberAxis(), new NumberAxis());
        this.measure = measure;
        this.x = (NumberAxis) getXAxis();
        this.y = (NumberAxis) getYAxis();
        setAnimated(false);
        setCreateSymbols(false);
        getStyleClass().add("backtest-chart");
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setLabel("Date");
        x.setTickLabelFormatter(converter(d -> LocalDate.ofEpochDay(Math.round(d)).format(TICK)));
        y.setForceZeroInRange(false);
        setMinSize(300, 200);
        splitLine.getStyleClass().add("split-marker");
        splitLabel.getStyleClass().add("split-label");
        splitLine.setManaged(false);
        splitLabel.setManaged(false);
        getPlotChildren().addAll(splitLine, splitLabel);
    }

    /**
     * Draws {@code curves} (one per name); {@code log} plots equity as log10 with the equity on the ticks;
     * {@code splitDate} (may be null) is marked by a dashed line where the out-of-sample days begin.
     */
    void show(List<String> names, List<List<Point>> curves, String currency, boolean log, LocalDate splitDate) {
        split = splitDate;
        splitLabel.setText(splitDate == null ? "" : "out of sample from " + splitDate + " →");
        getData().clear();
        if (curves.isEmpty() || curves.get(0).isEmpty()) {
            return;
        }
        String unit = currency.isEmpty() ? "price currency" : currency;
        DoubleUnaryOperator value;
        if (measure == Measure.DRAWDOWN) {
            value = v -> v * 100;
            y.setLabel("Drawdown from the previous peak (%)");
            y.setTickLabelFormatter(converter(Formats::compact));
        } else if (log) {
            value = Math::log10;
            y.setLabel("Equity (" + unit + ", log scale)");
            y.setTickLabelFormatter(converter(v -> Formats.compact(Math.pow(10, v))));
        } else {
            value = v -> v;
            y.setLabel("Equity (" + unit + ")");
            y.setTickLabelFormatter(converter(Formats::compact));
        }
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (int k = 0; k < curves.size(); k++) {
            series.add(series(names.get(k), curves.get(k), value));
        }
        getData().setAll(series);
        List<Point> first = curves.get(0);
        double lo = first.get(0).date().toEpochDay();
        double hi = first.get(first.size() - 1).date().toEpochDay();
        x.setLowerBound(lo);
        x.setUpperBound(Math.max(hi, lo + 1));
        x.setTickUnit(Math.max(1, (hi - lo) / 6));
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        boolean shown = split != null && !getData().isEmpty();
        splitLine.setVisible(shown);
        splitLabel.setVisible(shown);
        if (shown) {
            double at = x.getDisplayPosition(split.toEpochDay());
            splitLine.setStartX(at);
            splitLine.setEndX(at);
            splitLine.setStartY(0);
            splitLine.setEndY(y.getHeight());
            splitLine.toFront();
            splitLabel.autosize();
            splitLabel.relocate(at + 4, 2);
            splitLabel.toFront();
        }
    }

    private static XYChart.Series<Number, Number> series(String name, List<Point> curve, DoubleUnaryOperator value) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        int step = Math.max(1, (int) Math.ceil(curve.size() / (double) MAX_POINTS));
        for (int i = 0; i < curve.size(); i += step) {
            s.getData().add(point(curve.get(i), value));
        }
        if ((curve.size() - 1) % step != 0) {
            s.getData().add(point(curve.get(curve.size() - 1), value));
        }
        return s;
    }

    private static XYChart.Data<Number, Number> point(Point p, DoubleUnaryOperator value) {
        return new XYChart.Data<>(p.date().toEpochDay(), value.applyAsDouble(p.value()));
    }

    private static StringConverter<Number> converter(java.util.function.DoubleFunction<String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return show.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
    }
}
