package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import com.positionlab.ui.build.ChartInks.Ink;
import com.positionlab.ui.build.FrontierChart.Kind;
import com.positionlab.ui.build.FrontierChart.Marker;

/**
 * The legend above the plot: one entry per thing shown (the frontier, the capital market line, the cloud
 * of random portfolios and each kind of marker present), in rows aligned to the right edge of the plot
 * that wrap when the chart is narrow.
 */
final class LegendPainter {

    /** The swatch's width, the gap to its name, the gap between entries and around the rows, pixels. */
    private static final double SWATCH = 18;
    private static final double SWATCH_GAP = 5;
    private static final double ENTRY_GAP = 14;
    private static final double ROW_GAP = 4;
    private static final double EDGE = 6;

    /** An entry: a line (dashed or not), a dot of the cloud, or a marker of {@code kind}. */
    record Entry(String name, Kind kind, Ink ink, boolean dashed, boolean cloud) {

        static Entry line(String name, Ink ink, boolean dashed) {
            return new Entry(name, null, ink, dashed, false);
        }

        static Entry marker(Kind kind) {
            return new Entry(MarkerStyle.legendName(kind), kind, MarkerStyle.ink(kind), false, false);
        }
    }

    /** The entries placed: entry i's swatch starts at ({@code xs[i]}, {@code ys[i]}), top left of its row. */
    record Placed(List<Entry> entries, double[] xs, double[] ys, double height) {
    }

    private LegendPainter() {
    }

    /** The entries for what {@code data} and {@code selected} draw, in a fixed order. */
    static List<Entry> entries(FrontierData data, Marker selected) {
        List<Entry> entries = new ArrayList<>();
        if (data.curveVolatility().length > 0) {
            entries.add(Entry.line("Frontier", Ink.CURVE, false));
        }
        if (data.hasCapitalMarketLine()) {
            entries.add(Entry.line("Capital market line", Ink.CML, true));
        }
        if (data.cloudVolatility().length > 0) {
            entries.add(new Entry("Random portfolios", null, Ink.CLOUD, false, true));
        }
        for (Kind kind : Kind.values()) {
            if (kind == Kind.SELECTED ? selected != null || data.has(kind) : data.has(kind)) {
                entries.add(Entry.marker(kind));
            }
        }
        return entries;
    }

    /** Lays {@code entries} out in rows from {@code top}, each right-aligned to {@code right} and no wider than {@code maxWidth}. */
    static Placed place(List<Entry> entries, double right, double maxWidth, double top, Font font, TextWidths widths) {
        double rowHeight = Math.max(widths.height(font), 2 * MarkerStyle.radius(Kind.SELECTED) + 2);
        double[] xs = new double[entries.size()];
        double[] ys = new double[entries.size()];
        double y = top + EDGE;
        int rowStart = 0;
        double rowWidth = 0;
        for (int i = 0; i <= entries.size(); i++) {
            double w = i < entries.size() ? SWATCH + SWATCH_GAP + widths.width(entries.get(i).name(), font) : 0;
            boolean wraps = i == entries.size() || (i > rowStart && rowWidth + ENTRY_GAP + w > maxWidth);
            if (wraps) {
                double x = right - rowWidth;
                for (int j = rowStart; j < i; j++) {
                    xs[j] = x;
                    ys[j] = y;
                    x += SWATCH + SWATCH_GAP + widths.width(entries.get(j).name(), font) + ENTRY_GAP;
                }
                if (i == entries.size()) {
                    break;
                }
                y += rowHeight + ROW_GAP;
                rowStart = i;
                rowWidth = 0;
            }
            rowWidth += (i > rowStart ? ENTRY_GAP : 0) + w;
        }
        double height = entries.isEmpty() ? EDGE : y + rowHeight + ROW_GAP - top;
        return new Placed(List.copyOf(entries), xs, ys, height);
    }

    /** Draws the placed entries. */
    static void paint(GraphicsContext gc, Placed placed, Font font, ChartInks inks, TextWidths widths) {
        double rowHeight = Math.max(widths.height(font), 2 * MarkerStyle.radius(Kind.SELECTED) + 2);
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        for (int i = 0; i < placed.entries().size(); i++) {
            Entry e = placed.entries().get(i);
            double x = placed.xs()[i];
            double midY = placed.ys()[i] + rowHeight / 2;
            swatch(gc, e, x, midY, inks);
            gc.setFill(inks.get(Ink.TEXT));
            gc.fillText(e.name(), x + SWATCH + SWATCH_GAP, midY - widths.height(font) / 2);
        }
    }

    private static void swatch(GraphicsContext gc, Entry e, double x, double midY, ChartInks inks) {
        if (e.kind() != null) {
            MarkerStyle.draw(gc, e.kind(), x + SWATCH / 2, midY, inks.get(e.ink()), inks.get(Ink.BACKGROUND));
            return;
        }
        if (e.cloud()) {
            gc.setFill(inks.get(e.ink()).deriveColor(0, 1, 1, FrontierPainter.CLOUD_OPACITY * 1.5));
            for (int k = 0; k < 5; k++) {
                gc.fillRect(x + 2 + 4 * k, midY - 3 + (k % 2) * 4, 2.5, 2.5);
            }
            return;
        }
        gc.setStroke(inks.get(e.ink()));
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineWidth(e.dashed() ? FrontierPainter.CML_WIDTH : FrontierPainter.CURVE_WIDTH);
        if (e.dashed()) {
            gc.setLineDashes(FrontierPainter.CML_DASHES);
        }
        gc.strokeLine(x, midY, x + SWATCH, midY);
        gc.setLineDashes();
    }
}
