package com.positionlab.ui.build;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import com.positionlab.ui.build.ChartInks.Ink;
import com.positionlab.ui.build.FrontierChart.Kind;

/**
 * The look of each kind of marker: its colour, its shape and size in pixels, and its name in the legend.
 * Assets are small dots; the portfolios are larger shapes (square, triangle, star, ring) with a halo of
 * the background colour so that they stand out of a dense cloud of assets.
 */
final class MarkerStyle {

    private MarkerStyle() {
    }

    static Ink ink(Kind kind) {
        return switch (kind) {
            case ASSET -> Ink.ASSET;
            case CURRENT -> Ink.CURRENT;
            case MIN_VOLATILITY -> Ink.MIN_VOLATILITY;
            case MAX_SHARPE -> Ink.MAX_SHARPE;
            case CANDIDATE -> Ink.CANDIDATE;
            case SELECTED -> Ink.SELECTED;
        };
    }

    static String legendName(Kind kind) {
        return switch (kind) {
            case ASSET -> "Assets";
            case CURRENT -> "Current";
            case MIN_VOLATILITY -> "Minimum volatility";
            case MAX_SHARPE -> "Maximum Sharpe";
            case CANDIDATE -> "Candidate";
            case SELECTED -> "Selected";
        };
    }

    /** Half the width of the marker's shape, pixels. */
    static double radius(Kind kind) {
        return switch (kind) {
            case ASSET -> 2.5;
            case CURRENT -> 5;
            case MIN_VOLATILITY -> 6.5;
            case MAX_SHARPE -> 8;
            case CANDIDATE -> 5.5;
            case SELECTED -> 8;
        };
    }

    /** Draws the marker of {@code kind} centred on ({@code x}, {@code y}) in {@code colour}, haloed in {@code halo}. */
    static void draw(GraphicsContext gc, Kind kind, double x, double y, Color colour, Color halo) {
        double r = radius(kind);
        gc.setLineDashes();
        switch (kind) {
            case ASSET -> {
                gc.setFill(colour);
                gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
            case CURRENT -> polygon(gc, new double[] {x - r, x + r, x + r, x - r}, new double[] {y - r, y - r, y + r, y + r},
                    colour, halo);
            case MIN_VOLATILITY -> polygon(gc, new double[] {x, x + r, x - r},
                    new double[] {y - r, y + r * 0.8, y + r * 0.8}, colour, halo);
            case MAX_SHARPE -> star(gc, x, y, r, colour, halo);
            case CANDIDATE -> ring(gc, x, y, r, 2, colour, halo);
            case SELECTED -> {
                ring(gc, x, y, r, 2.5, colour, halo);
                gc.setFill(colour);
                gc.fillOval(x - 3, y - 3, 6, 6);
            }
        }
    }

    private static void polygon(GraphicsContext gc, double[] xs, double[] ys, Color colour, Color halo) {
        gc.setStroke(halo);
        gc.setLineWidth(3);
        gc.strokePolygon(xs, ys, xs.length);
        gc.setFill(colour);
        gc.fillPolygon(xs, ys, xs.length);
    }

    private static void star(GraphicsContext gc, double x, double y, double r, Color colour, Color halo) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : r * 0.45;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            xs[i] = x + radius * Math.cos(angle);
            ys[i] = y + radius * Math.sin(angle);
        }
        polygon(gc, xs, ys, colour, halo);
    }

    private static void ring(GraphicsContext gc, double x, double y, double r, double width, Color colour, Color halo) {
        gc.setFill(halo);
        gc.fillOval(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3);
        gc.setStroke(colour);
        gc.setLineWidth(width);
        gc.strokeOval(x - r + width / 2, y - r + width / 2, 2 * r - width, 2 * r - width);
    }
}
