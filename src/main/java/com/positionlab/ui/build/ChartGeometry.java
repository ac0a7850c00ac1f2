package com.positionlab.ui.build;

import java.util.Arrays;
import java.util.Locale;

/**
 * The pure geometry of the frontier chart, free of JavaFX so it is tested without a screen: the
 * transform from data (volatility and expected return as fractions, 0.12 = 12%) to screen pixels (y
 * down), zoom and pan of the data window, axis ticks on 1-2-5 x 10^k steps, the point of a polyline
 * nearest the pointer, greedy label placement and where the readout box goes.
 */
final class ChartGeometry {

    /** The fraction of the data span added on each side when the window is fitted to the data. */
    static final double FIT_PADDING = 0.06;

    private ChartGeometry() {
    }

    /** A rectangle on screen in pixels, y down: the plot area, a label's box, the readout box. */
    record Rect(double x, double y, double width, double height) {

        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        boolean contains(double px, double py) {
            return px >= x && px <= right() && py >= y && py <= bottom();
        }

        /** Whether the two rectangles share any area (touching edges do not count). */
        boolean overlaps(Rect o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }

        /** Whether {@code inner} lies wholly inside this rectangle. */
        boolean encloses(Rect inner) {
            return inner.x >= x && inner.right() <= right() && inner.y >= y && inner.bottom() <= bottom();
        }
    }

    /**
     * The data shown: volatility from {@code xMin} to {@code xMax} and expected return from {@code yMin} to
     * {@code yMax}, all fractions; both spans positive.
     */
    record Window(double xMin, double xMax, double yMin, double yMax) {

        double xSpan() {
            return xMax - xMin;
        }

        double ySpan() {
            return yMax - yMin;
        }

        /**
         * The window scaled by {@code factor} (below 1 zooms in) about the data point ({@code x}, {@code y}),
         * which keeps its place on screen.
         */
        Window zoom(double factor, double x, double y) {
            return new Window(x - (x - xMin) * factor, x + (xMax - x) * factor,
                    y - (y - yMin) * factor, y + (yMax - y) * factor);
        }

        /** The window moved by {@code dx} in volatility and {@code dy} in return (fractions). */
        Window shift(double dx, double dy) {
            return new Window(xMin + dx, xMax + dx, yMin + dy, yMax + dy);
        }
    }

    /** Maps a data window onto a plot rectangle: volatility to the right, return upwards. */
    record Transform(Window window, Rect plot) {

        /** The screen x, in pixels, of volatility {@code x} (a fraction). */
        double screenX(double x) {
            return plot.x() + (x - window.xMin()) / window.xSpan() * plot.width();
        }

        /** The screen y, in pixels, of expected return {@code y} (a fraction). */
        double screenY(double y) {
            return plot.bottom() - (y - window.yMin()) / window.ySpan() * plot.height();
        }

        /** The volatility (a fraction) at screen x {@code px}. */
        double dataX(double px) {
            return window.xMin() + (px - plot.x()) / plot.width() * window.xSpan();
        }

        /** The expected return (a fraction) at screen y {@code py}. */
        double dataY(double py) {
            return window.yMin() + (plot.bottom() - py) / plot.height() * window.ySpan();
        }

        /** Zoomed by {@code factor} (below 1 zooms in) about the screen point ({@code px}, {@code py}), which stays put. */
        Transform zoom(double factor, double px, double py) {
            return new Transform(window.zoom(factor, dataX(px), dataY(py)), plot);
        }

        /** Panned so that the content follows a drag of ({@code dxPixels}, {@code dyPixels}). */
        Transform pan(double dxPixels, double dyPixels) {
            return new Transform(window.shift(-dxPixels / plot.width() * window.xSpan(),
                    dyPixels / plot.height() * window.ySpan()), plot);
        }
    }

    /** The point of a polyline nearest the pointer: the interpolated value there, its screen place and distance (px). */
    record Hit(double value, double x, double y, double distance) {
    }

    /**
     * The window that shows every finite point ({@code xs[i]}, {@code ys[i]}) with {@link #FIT_PADDING} of the
     * span on each side. A span of zero (one point, or none finite) is widened to {@code minSpan} about the
     * point; with no finite point at all the window is [0, minSpan] on both axes.
     */
    static Window fit(double[] xs, double[] ys, double minSpan) {
        double[] x = padded(range(xs), minSpan);
        double[] y = padded(range(ys), minSpan);
        return new Window(x[0], x[1], y[0], y[1]);
    }

    private static double[] range(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private static double[] padded(double[] range, double minSpan) {
        if (range[0] > range[1]) {
            return new double[] {0, minSpan};
        }
        double span = range[1] - range[0];
        if (span <= 0) {
            return new double[] {range[0] - minSpan / 2, range[0] + minSpan / 2};
        }
        return new double[] {range[0] - span * FIT_PADDING, range[1] + span * FIT_PADDING};
    }

    /** The smallest step of the form 1, 2 or 5 x 10^k that is at least {@code raw} (positive). */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        double nice = n <= 1 + 1e-9 ? 1 : n <= 2 + 1e-9 ? 2 : n <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    /**
     * Tick values in [{@code lo}, {@code hi}] on a nice step chosen so that there are at most
     * {@code maxIntervals} + 1 of them; each value is a whole multiple of the step (rounded, so 0.3 is not
     * 0.30000000000000004); none for an empty range.
     */
    static double[] ticks(double lo, double hi, int maxIntervals) {
        if (!(hi > lo)) {
            return new double[0];
        }
        double step = tickStep(lo, hi, maxIntervals);
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        double[] out = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = roundToStep((first + i) * step, step);
        }
        return out;
    }

    /**
     * The nice step {@link #ticks} uses for this range: the smallest 1-2-5 step that puts at most
     * {@code maxIntervals} + 1 ticks in it.
     */
    static double tickStep(double lo, double hi, int maxIntervals) {
        double step = niceStep((hi - lo) / Math.max(1, maxIntervals));
        double mantissa = Math.round(step / Math.pow(10, Math.floor(Math.log10(step))));
        double smaller = step * (mantissa == 5 ? 0.4 : 0.5);
        long count = (long) Math.floor(hi / smaller + 1e-9) - (long) Math.ceil(lo / smaller - 1e-9) + 1;
        return count <= Math.max(1, maxIntervals) + 1 ? smaller : step;
    }

    private static double roundToStep(double v, double step) {
        double scale = Math.pow(10, Math.max(0, -Math.floor(Math.log10(step))) + 2);
        double r = Math.round(v * scale) / scale;
        return r == 0 ? 0 : r;
    }

    /** The decimals a tick label in percent needs for ticks {@code step} apart (a fraction): 0.005 needs 1. */
    static int percentDecimals(double step) {
        return (int) Math.max(0, Math.ceil(-Math.log10(step * 100) - 1e-9));
    }

    /** A fraction as a percentage number with {@code decimals} decimals and no sign for zero: 0.125 -> "12.5". */
    static String percentLabel(double fraction, int decimals) {
        String s = String.format(Locale.US, "%." + decimals + "f", fraction * 100);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /**
     * The point of the polyline ({@code xs[i]}, {@code ys[i]}) (screen pixels) nearest ({@code px},
     * {@code py}), with {@code values} interpolated linearly along the nearest segment; null when the
     * polyline is empty or its nearest point is farther than {@code maxDistance} pixels. Points with a NaN
     * coordinate are skipped, together with the segments that touch them. Linear in the number of points.
     */
    static Hit nearest(double[] xs, double[] ys, double[] values, double px, double py, double maxDistance) {
        Hit best = null;
        double bestD2 = maxDistance * maxDistance;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                continue;
            }
            boolean segment = i + 1 < xs.length && !Double.isNaN(xs[i + 1]) && !Double.isNaN(ys[i + 1]);
            double dx = segment ? xs[i + 1] - xs[i] : 0;
            double dy = segment ? ys[i + 1] - ys[i] : 0;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - xs[i]) * dx + (py - ys[i]) * dy) / len2));
            double qx = xs[i] + t * dx;
            double qy = ys[i] + t * dy;
            double d2 = (px - qx) * (px - qx) + (py - qy) * (py - qy);
            if (d2 <= bestD2) {
                bestD2 = d2;
                double value = t == 0 ? values[i] : values[i] + t * (values[i + 1] - values[i]);
                best = new Hit(value, qx, qy, Math.sqrt(d2));
            }
        }
        return best;
    }

    /**
     * Where a box of {@code width} x {@code height} px goes beside the pointer ({@code px}, {@code py}):
     * {@code gap} px below and to the right, flipped to the left or above where it would leave
     * {@code plot}, and pushed inside the plot at its top left when it is larger than the room there.
     */
    static Rect readoutBox(double px, double py, double width, double height, double gap, Rect plot) {
        double x = px + gap;
        if (x + width > plot.right()) {
            x = px - gap - width;
        }
        double y = py + gap;
        if (y + height > plot.bottom()) {
            y = py - gap - height;
        }
        x = Math.max(plot.x(), Math.min(x, plot.right() - width));
        y = Math.max(plot.y(), Math.min(y, plot.bottom() - height));
        return new Rect(x, y, width, height);
    }

    /**
     * Boxes already taken on screen (drawn labels, markers), for greedy placement: a new label goes only where
     * it overlaps none. A linear scan; a few hundred labels cost well under a millisecond.
     */
    static final class Occupancy {

        private double[] boxes = new double[64];
        private int count;

        /** Whether {@code r} overlaps no box taken so far. */
        boolean isFree(Rect r) {
            for (int i = 0; i < count; i++) {
                int k = 4 * i;
                if (r.x() < boxes[k + 2] && boxes[k] < r.right() && r.y() < boxes[k + 3] && boxes[k + 1] < r.bottom()) {
                    return false;
                }
            }
            return true;
        }

        /** Takes {@code r}, free or not. */
        void take(Rect r) {
            if (4 * count + 4 > boxes.length) {
                boxes = Arrays.copyOf(boxes, boxes.length * 2);
            }
            int k = 4 * count++;
            boxes[k] = r.x();
            boxes[k + 1] = r.y();
            boxes[k + 2] = r.right();
            boxes[k + 3] = r.bottom();
        }

        /** Takes {@code r} if it is free; returns whether it did. */
        boolean takeIfFree(Rect r) {
            if (!isFree(r)) {
                return false;
            }
            take(r);
            return true;
        }
    }
}
