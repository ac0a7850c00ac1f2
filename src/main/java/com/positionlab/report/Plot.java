package com.positionlab.report;

import java.util.List;

/**
 * What a chart draws. Numbers in the units of its axes; {@code Unit.FRACTION} axes are labelled in percent, and
 * a {@code Unit.DATE} axis holds epoch days (days since 1970-01-01) and is labelled with dates.
 */
public sealed interface Plot {

    /**
     * Lines and shaded bands over a numeric x axis, with optional horizontal reference lines (such as the
     * ruin level). On a {@code logY} axis values at or below zero are left out.
     */
    record Lines(Axis x, Axis y, boolean logY, List<Band> bands, List<Line> lines, List<Level> levels)
            implements Plot {
        public Lines {
            bands = List.copyOf(bands);
            lines = List.copyOf(lines);
            levels = List.copyOf(levels);
        }
    }

    /**
     * A histogram: bin i spans {@code [edges[i], edges[i + 1])} and holds {@code counts[i]}. Bins of equal
     * ratio (positive edges growing geometrically) are drawn on a logarithmic x axis, so that each is as wide
     * as the next.
     */
    record Histogram(Axis x, Axis y, double[] edges, double[] counts) implements Plot {
    }

    /** Horizontal bars, one per label (such as weights per sector or per method). */
    record Bars(Axis value, List<String> labels, double[] values) implements Plot {
    }

    record Axis(String label, Unit unit) {
    }

    /** A line; a {@code thin} one (such as one sample path of many) is drawn light, under the others. */
    record Line(String name, double[] x, double[] y, int colour, boolean thin) {
    }

    record Band(String name, double[] x, double[] lower, double[] upper, int colour) {
    }

    record Level(String name, double y) {
    }
}
