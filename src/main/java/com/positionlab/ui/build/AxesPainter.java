package com.positionlab.ui.build;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import com.positionlab.ui.build.ChartGeometry.Rect;
import com.positionlab.ui.build.ChartGeometry.Transform;
import com.positionlab.ui.build.ChartGeometry.Window;
import com.positionlab.ui.build.ChartInks.Ink;

/**
 * The frame of the frontier chart: where the plot goes inside the canvas (room for the legend above, the
 * tick labels and titles left and below), the ticks in percent on 1-2-5 steps, the grid, the axis lines
 * and their labels. Tick labels are measured, so none is clipped and none overlaps its neighbour.
 */
final class AxesPainter {

    static final String X_TITLE = "Volatility (annual, %)";
    static final String Y_TITLE = "Expected return (annual, %)";
    /** The titles for a plot too small for the full ones. */
    private static final String X_SHORT = "Volatility, %";
    private static final String Y_SHORT = "Return, %";

    /** Space around the frame, between a tick and its label and between labels and titles, pixels. */
    private static final double EDGE = 6;
    private static final double GAP = 4;
    private static final double TICK = 4;
    /** Room right of the plot for half of the last x label, pixels. */
    static final double RIGHT = 22;
    /** The least room per tick interval, pixels: about three label heights upwards, and labels 12 px apart across. */
    private static final double Y_TICK_SPACING = 44;
    private static final double X_LABEL_GAP = 12;

    /** Where the plot went and its ticks (fractions) with the decimals their percent labels need. */
    record Layout(Transform transform, double[] xTicks, int xDecimals, double[] yTicks, int yDecimals) {

        Rect plot() {
            return transform.plot();
        }
    }

    private AxesPainter() {
    }

    /**
     * Places a plot of the data {@code window} in a canvas of {@code width} x {@code height} px whose top
     * {@code top} px hold the legend.
     */
    static Layout layout(double width, double height, double top, Window window, Font tickFont, Font titleFont,
                         TextWidths widths) {
        double tickHeight = widths.height(tickFont);
        double titleHeight = widths.height(titleFont);
        double plotTop = top + tickHeight / 2 + 2;
        double bottom = TICK + GAP + tickHeight + GAP + titleHeight + EDGE;
        double plotHeight = Math.max(10, height - plotTop - bottom);
        int yIntervals = Math.max(1, (int) (plotHeight / Y_TICK_SPACING));
        int mostYIntervals = Math.max(1, (int) (plotHeight / (2 * tickHeight)));
        double[] yTicks = ChartGeometry.ticks(window.yMin(), window.yMax(), yIntervals);
        while (yTicks.length < 2 && yIntervals < mostYIntervals) {
            yTicks = ChartGeometry.ticks(window.yMin(), window.yMax(), ++yIntervals);
        }
        int yDecimals = ChartGeometry.percentDecimals(ChartGeometry.tickStep(window.yMin(), window.yMax(), yIntervals));
        double labelWidth = 0;
        for (double y : yTicks) {
            labelWidth = Math.max(labelWidth, widths.width(ChartGeometry.percentLabel(y, yDecimals), tickFont));
        }
        double left = EDGE + titleHeight + GAP + labelWidth + GAP + TICK;
        double plotWidth = Math.max(10, width - left - RIGHT);
        Rect plot = new Rect(left, plotTop, plotWidth, plotHeight);
        for (int xIntervals = Math.max(1, (int) (plotWidth / 60)); ; xIntervals--) {
            double[] xTicks = ChartGeometry.ticks(window.xMin(), window.xMax(), xIntervals);
            int xDecimals = ChartGeometry.percentDecimals(ChartGeometry.tickStep(window.xMin(), window.xMax(), xIntervals));
            Layout layout = new Layout(new Transform(window, plot), xTicks, xDecimals, yTicks, yDecimals);
            if (xIntervals == 1 || xLabelsFit(layout, tickFont, widths)) {
                return layout;
            }
        }
    }

    private static boolean xLabelsFit(Layout layout, Font font, TextWidths widths) {
        double previousRight = Double.NEGATIVE_INFINITY;
        for (double x : layout.xTicks()) {
            double w = widths.width(ChartGeometry.percentLabel(x, layout.xDecimals()), font);
            double centre = layout.transform().screenX(x);
            if (centre - w / 2 < previousRight + X_LABEL_GAP) {
                return false;
            }
            previousRight = centre + w / 2;
        }
        return true;
    }

    /** Draws the grid behind the data. */
    static void paintGrid(GraphicsContext gc, Layout layout, ChartInks inks) {
        Rect plot = layout.plot();
        Transform t = layout.transform();
        gc.setStroke(inks.get(Ink.GRID));
        gc.setLineWidth(1);
        gc.setLineDashes();
        for (double x : layout.xTicks()) {
            double sx = crisp(t.screenX(x));
            gc.strokeLine(sx, plot.y(), sx, plot.bottom());
        }
        for (double y : layout.yTicks()) {
            double sy = crisp(t.screenY(y));
            gc.strokeLine(plot.x(), sy, plot.right(), sy);
        }
    }

    /**
     * Draws the axis lines, ticks, tick labels and titles; the canvas is {@code width} x {@code height} px and a
     * label that would cross its edge is moved inside.
     */
    static void paintAxes(GraphicsContext gc, Layout layout, double width, double height, Font tickFont, Font titleFont,
                          ChartInks inks, TextWidths widths) {
        Rect plot = layout.plot();
        Transform t = layout.transform();
        double left = crisp(plot.x());
        double bottom = crisp(plot.bottom());
        gc.setStroke(inks.get(Ink.AXIS));
        gc.setLineWidth(1);
        gc.strokeLine(left, plot.y(), left, bottom);
        gc.strokeLine(left, bottom, plot.right(), bottom);
        gc.setFill(inks.get(Ink.MUTED));
        gc.setFont(tickFont);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        double tickHeight = widths.height(tickFont);
        for (double x : layout.xTicks()) {
            double sx = crisp(t.screenX(x));
            gc.strokeLine(sx, bottom, sx, bottom + TICK);
            String label = ChartGeometry.percentLabel(x, layout.xDecimals());
            double w = widths.width(label, tickFont);
            gc.fillText(label, clamp(sx - w / 2, 0, width - w), bottom + TICK + GAP);
        }
        for (double y : layout.yTicks()) {
            double sy = crisp(t.screenY(y));
            gc.strokeLine(left - TICK, sy, left, sy);
            String label = ChartGeometry.percentLabel(y, layout.yDecimals());
            double w = widths.width(label, tickFont);
            gc.fillText(label, left - TICK - GAP - w, clamp(sy - tickHeight / 2, 0, height - tickHeight));
        }
        paintTitles(gc, layout, height, titleFont, inks, widths);
    }

    private static void paintTitles(GraphicsContext gc, Layout layout, double height, Font font, ChartInks inks,
                                    TextWidths widths) {
        Rect plot = layout.plot();
        double titleHeight = widths.height(font);
        gc.setFill(inks.get(Ink.TEXT));
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(fitting(X_TITLE, X_SHORT, plot.width(), font, widths), plot.x() + plot.width() / 2,
                height - EDGE - titleHeight);
        gc.save();
        gc.translate(EDGE, plot.y() + plot.height() / 2);
        gc.rotate(-90);
        gc.fillText(fitting(Y_TITLE, Y_SHORT, plot.height(), font, widths), 0, 0);
        gc.restore();
        gc.setTextAlign(TextAlignment.LEFT);
    }

    /** {@code title}, or {@code shorter} when the title is longer than {@code room} px. */
    private static String fitting(String title, String shorter, double room, Font font, TextWidths widths) {
        return widths.width(title, font) <= room ? title : shorter;
    }

    /** The centre of the pixel at {@code v}, so a one-pixel line is sharp. */
    static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(v, hi));
    }
}
