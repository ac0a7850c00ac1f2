package com.positionlab.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.geometry.Pos;
import javafx.util.StringConverter;

import com.positionlab.domain.PriceBar;

/**
 * A daily close chart with zoom (mouse wheel, around the pointer), pan (drag) and reset (double
 * click). The y axis fits the visible window.
 */
public final class PriceChart extends StackPane {

    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    private static final double MIN_SPAN_DAYS = 10;

    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Label empty = new Label("Select a holding to see its prices");
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double dragX = Double.NaN;

    public PriceChart() {
        getStyleClass().add("price-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        yAxis.setForceZeroInRange(false);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return LocalDate.ofEpochDay(Math.round(n.doubleValue())).format(TICK);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        StackPane.setAlignment(empty, Pos.CENTER);
        empty.getStyleClass().add("placeholder-text");
        getChildren().addAll(chart, empty);
        chart.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragX = e.getX());
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
    }

    /** Shows {@code bars} (oldest first) under {@code title}; an empty list shows the placeholder. */
    public void setData(String title, List<PriceBar> bars) {
        chart.setTitle(title);
        xs = new double[bars.size()];
        ys = new double[bars.size()];
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (int i = 0; i < bars.size(); i++) {
            xs[i] = bars.get(i).date().toEpochDay();
            ys[i] = bars.get(i).close();
            series.getData().add(new XYChart.Data<>(xs[i], ys[i]));
        }
        chart.getData().setAll(List.of(series));
        empty.setVisible(bars.isEmpty());
        chart.setVisible(!bars.isEmpty());
        resetZoom();
    }

    /** Shows the whole history. */
    public void resetZoom() {
        if (xs.length == 0) {
            return;
        }
        setWindow(xs[0], xs[xs.length - 1]);
    }

    /** The visible date range, as epoch days. */
    public double visibleFrom() {
        return xAxis.getLowerBound();
    }

    public double visibleTo() {
        return xAxis.getUpperBound();
    }

    /** Zooms by {@code factor} (< 1 zooms in) around the epoch day {@code centre}. */
    public void zoom(double factor, double centre) {
        if (xs.length < 2) {
            return;
        }
        double lo = xAxis.getLowerBound();
        double hi = xAxis.getUpperBound();
        double newLo = centre - (centre - lo) * factor;
        double newHi = centre + (hi - centre) * factor;
        if (newHi - newLo < MIN_SPAN_DAYS) {
            return;
        }
        setWindow(newLo, newHi);
    }

    /** Moves the window by {@code days} (positive: later). */
    public void pan(double days) {
        if (xs.length < 2) {
            return;
        }
        setWindow(xAxis.getLowerBound() + days, xAxis.getUpperBound() + days);
    }

    private void onScroll(ScrollEvent e) {
        double centre = xAxis.getValueForDisplay(xAxis.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
        zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, centre);
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (Double.isNaN(dragX) || xAxis.getWidth() <= 0) {
            return;
        }
        double perPixel = (xAxis.getUpperBound() - xAxis.getLowerBound()) / xAxis.getWidth();
        pan((dragX - e.getX()) * perPixel);
        dragX = e.getX();
    }

    private void setWindow(double lo, double hi) {
        double first = xs[0];
        double last = xs[xs.length - 1];
        double span = Math.min(hi - lo, last - first);
        lo = Math.max(first, Math.min(lo, last - span));
        hi = lo + span;
        xAxis.setLowerBound(lo);
        xAxis.setUpperBound(hi);
        xAxis.setTickUnit(Math.max(1, span / 6));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] >= lo && xs[i] <= hi) {
                min = Math.min(min, ys[i]);
                max = Math.max(max, ys[i]);
            }
        }
        if (min > max) {
            return;
        }
        double pad = Math.max((max - min) * 0.04, max * 0.005);
        double step = niceStep((max - min + 2 * pad) / 6);
        yAxis.setLowerBound(Math.floor((min - pad) / step) * step);
        yAxis.setUpperBound(Math.ceil((max + pad) / step) * step);
        yAxis.setTickUnit(step);
    }

    private static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        double nice = n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10;
        return nice * mag;
    }
}
