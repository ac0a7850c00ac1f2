package com.positionlab.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A chart drawn as vector graphics: axes with rounded ticks and their labels (units on both axes), lines,
 * shaded bands, reference levels, histograms and bars, and a legend.
 */
final class PdfChart {

    static final float HEIGHT = 230;
    private static final float LEFT = 58;
    private static final float BOTTOM = 34;
    private static final float TOP_PAD = 8;
    private static final float RIGHT_PAD = 10;
    private static final float TICK_SIZE = 7.5f;
    private static final float[][] PALETTE = {
        {0.16f, 0.40f, 0.75f}, {0.85f, 0.45f, 0.10f}, {0.20f, 0.60f, 0.35f}, {0.60f, 0.25f, 0.65f},
        {0.75f, 0.20f, 0.25f}, {0.35f, 0.35f, 0.35f}};
    private static final float[] GRID = {0.88f, 0.89f, 0.91f};
    private static final float[] LEVEL = {0.80f, 0.10f, 0.10f};

    private final PdfPages pages;
    /** Where the y axis's title ends on the line above the frame: the legend wraps to keep clear of it. */
    private float titleRight;

    PdfChart(PdfPages pages) {
        this.pages = pages;
    }

    static float[] colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    void draw(Section.Chart chart) throws IOException {
        titleRight = 0;
        pages.ensure(HEIGHT + 40);
        PdfReportWriter.heading(pages, chart.title());
        float top = pages.y();
        float x0 = PdfPages.MARGIN + LEFT;
        float y0 = top - HEIGHT + BOTTOM;
        float w = PdfPages.WIDTH - LEFT - RIGHT_PAD;
        float h = HEIGHT - BOTTOM - TOP_PAD - 14;
        Frame f = new Frame(x0, y0, w, h);
        if (chart.plot() instanceof Plot.Lines lines) {
            lines(lines, f);
        } else if (chart.plot() instanceof Plot.Histogram hist) {
            histogram(hist, f);
        } else if (chart.plot() instanceof Plot.Bars bars) {
            bars(bars, f);
        }
        pages.down(HEIGHT + 8);
    }

    private record Frame(float x, float y, float w, float h) {
    }

    private void lines(Plot.Lines p, Frame f) throws IOException {
        double[] xr = range(p.lines().stream().map(Plot.Line::x).toList(), p.bands().stream().map(Plot.Band::x)
                .toList(), false);
        List<double[]> ys = new ArrayList<>();
        p.lines().forEach(l -> ys.add(l.y()));
        p.bands().forEach(b -> {
            ys.add(b.lower());
            ys.add(b.upper());
        });
        p.levels().forEach(l -> ys.add(new double[] {l.y()}));
        double[] yr = range(ys, List.of(), p.logY());
        Scale sx = new Scale(xr[0], xr[1], f.x(), f.x() + f.w(), false, p.x().unit() == Unit.DATE);
        Scale sy = new Scale(yr[0], yr[1], f.y(), f.y() + f.h(), p.logY());
        axes(f, sx, sy, p.x(), p.y());
        List<String> legend = new ArrayList<>();
        List<float[]> legendColours = new ArrayList<>();
        bands(p, sx, sy, f, legend, legendColours);
        drawLines(p, sx, sy, legend, legendColours);
        levels(p, sy, f, legend, legendColours);
        legend(f, legend, legendColours);
    }

    private void bands(Plot.Lines p, Scale sx, Scale sy, Frame f, List<String> legend, List<float[]> legendColours)
            throws IOException {
        PDPageContentStream c = pages.content();
        for (Plot.Band b : p.bands()) {
            float[] col = lighten(colour(b.colour()), 0.72f);
            boolean started = false;
            for (int i = 0; i < b.x().length; i++) {
                if (!sy.defined(b.upper()[i])) {
                    continue;
                }
                float px = sx.at(b.x()[i]);
                float py = sy.at(b.upper()[i]);
                if (!started) {
                    c.moveTo(px, py);
                    started = true;
                } else {
                    c.lineTo(px, py);
                }
            }
            for (int i = b.x().length - 1; i >= 0 && started; i--) {
                c.lineTo(sx.at(b.x()[i]), sy.defined(b.lower()[i]) ? sy.at(b.lower()[i]) : f.y());
            }
            if (started) {
                c.closePath();
                c.setNonStrokingColor(col[0], col[1], col[2]);
                c.fill();
            }
            legend.add(b.name());
            legendColours.add(col);
        }
    }

    private void drawLines(Plot.Lines p, Scale sx, Scale sy, List<String> legend, List<float[]> legendColours)
            throws IOException {
        PDPageContentStream c = pages.content();
        List<Plot.Line> ordered = new ArrayList<>(p.lines().stream().filter(Plot.Line::thin).toList());
        ordered.addAll(p.lines().stream().filter(l -> !l.thin()).toList());
        for (Plot.Line l : ordered) {
            float[] col = l.thin() ? lighten(colour(l.colour()), 0.45f) : colour(l.colour());
            c.setStrokingColor(col[0], col[1], col[2]);
            c.setLineWidth(l.thin() ? 0.5f : 1.3f);
            boolean started = false;
            for (int i = 0; i < l.x().length; i++) {
                if (!sy.defined(l.y()[i]) || !Double.isFinite(l.x()[i])) {
                    started = false;
                    continue;
                }
                if (!started) {
                    c.moveTo(sx.at(l.x()[i]), sy.at(l.y()[i]));
                    started = true;
                } else {
                    c.lineTo(sx.at(l.x()[i]), sy.at(l.y()[i]));
                }
            }
            c.stroke();
            if (l.name() != null && !l.name().isEmpty()) {
                legend.add(l.name());
                legendColours.add(col);
            }
        }
    }

    private void levels(Plot.Lines p, Scale sy, Frame f, List<String> legend, List<float[]> legendColours)
            throws IOException {
        PDPageContentStream c = pages.content();
        for (Plot.Level level : p.levels()) {
            if (!sy.defined(level.y())) {
                continue;
            }
            float py = sy.at(level.y());
            c.setStrokingColor(LEVEL[0], LEVEL[1], LEVEL[2]);
            c.setLineWidth(0.9f);
            c.setLineDashPattern(new float[] {4, 3}, 0);
            c.moveTo(f.x(), py);
            c.lineTo(f.x() + f.w(), py);
            c.stroke();
            c.setLineDashPattern(new float[] {}, 0);
            legend.add(level.name());
            legendColours.add(LEVEL);
        }
    }

    private void histogram(Plot.Histogram p, Frame f) throws IOException {
        double max = 0;
        for (double v : p.counts()) {
            max = Math.max(max, v);
        }
        Scale sx = new Scale(p.edges()[0], p.edges()[p.edges().length - 1], f.x(), f.x() + f.w(),
                geometric(p.edges()));
        Scale sy = new Scale(0, max <= 0 ? 1 : max * 1.05, f.y(), f.y() + f.h(), false);
        axes(f, sx, sy, p.x(), p.y());
        float[] col = colour(0);
        PDPageContentStream c = pages.content();
        c.setNonStrokingColor(col[0], col[1], col[2]);
        for (int i = 0; i < p.counts().length; i++) {
            float left = sx.at(p.edges()[i]);
            float right = sx.at(p.edges()[i + 1]);
            float height = sy.at(p.counts()[i]) - f.y();
            if (height > 0) {
                c.addRect(left + 0.3f, f.y(), Math.max(0.4f, right - left - 0.6f), height);
            }
        }
        c.fill();
    }

    private void bars(Plot.Bars p, Frame f) throws IOException {
        float labelWidth = 0;
        for (String label : p.labels()) {
            labelWidth = Math.max(labelWidth, pages.width(pages.regular, TICK_SIZE, label));
        }
        labelWidth = Math.min(labelWidth + 8, PdfPages.WIDTH * 0.35f);
        Frame g = new Frame(PdfPages.MARGIN + labelWidth, f.y(), PdfPages.WIDTH - labelWidth - RIGHT_PAD, f.h());
        double lo = 0;
        double hi = 0;
        for (double v : p.values()) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        // room beyond the longest bars for their value labels, so that no label crosses the frame
        float room = 0;
        for (double v : p.values()) {
            if (Double.isFinite(v)) {
                room = Math.max(room, pages.width(pages.regular, TICK_SIZE, p.value().unit() == Unit.FRACTION
                        ? ReportText.percent(v) : ReportText.number(v)) + 6);
            }
        }
        double share = Math.min(0.4, room / g.w());
        double span = hi - lo;
        Scale sx = new Scale(lo < 0 ? lo - span * share / (1 - share) : lo,
                hi > 0 ? hi + span * share / (1 - share) : hi + span * 0.05, g.x(), g.x() + g.w(), false);
        axes(g, sx, null, p.value(), null);
        int n = p.labels().size();
        float slot = g.h() / Math.max(n, 1);
        float[] col = colour(0);
        PDPageContentStream c = pages.content();
        for (int i = 0; i < n; i++) {
            float cy = g.y() + g.h() - slot * (i + 0.5f);
            String label = p.labels().get(i);
            pages.text(pages.regular, TICK_SIZE, g.x() - 4 - pages.width(pages.regular, TICK_SIZE, label),
                    cy - TICK_SIZE / 3, label, PdfTable.INK);
            double v = p.values()[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            float a = sx.at(Math.min(0, v));
            float b = sx.at(Math.max(0, v));
            c.setNonStrokingColor(col[0], col[1], col[2]);
            c.addRect(a, cy - slot * 0.32f, Math.max(b - a, 0.5f), slot * 0.64f);
            c.fill();
            String value = p.value().unit() == Unit.FRACTION ? ReportText.percent(v) : ReportText.number(v);
            float vw = pages.width(pages.regular, TICK_SIZE, value);
            float vx = v >= 0 ? b + 3 : a - 3 - vw;
            if (v >= 0 && vx + vw > g.x() + g.w()) {
                vx = b - 3 - vw;
            }
            pages.text(pages.regular, TICK_SIZE, vx, cy - TICK_SIZE / 3, value, PdfTable.INK);
        }
    }

    /** Whether the edges are positive and grow by a constant ratio (to 1e-6), so that bins are equal on a log axis. */
    static boolean geometric(double[] edges) {
        if (edges.length < 3 || !(edges[0] > 0)) {
            return false;
        }
        double ratio = edges[1] / edges[0];
        if (!(ratio > 1 + 1e-9)) {
            return false;
        }
        for (int i = 2; i < edges.length; i++) {
            if (!(edges[i - 1] > 0) || Math.abs(edges[i] / edges[i - 1] / ratio - 1) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** The frame, the grid, tick labels and axis titles; {@code sy} null for a chart without a y scale. */
    private void axes(Frame f, Scale sx, Scale sy, Plot.Axis x, Plot.Axis y) throws IOException {
        PDPageContentStream c = pages.content();
        c.setLineWidth(0.5f);
        c.setStrokingColor(GRID[0], GRID[1], GRID[2]);
        for (double t : sx.ticks()) {
            float px = sx.at(t);
            c.moveTo(px, f.y());
            c.lineTo(px, f.y() + f.h());
            String label = ReportText.tick(t, x.unit());
            pages.text(pages.regular, TICK_SIZE, px - pages.width(pages.regular, TICK_SIZE, label) / 2,
                    f.y() - TICK_SIZE - 3, label, PdfTable.MUTED);
        }
        if (sy != null) {
            for (double t : sy.ticks()) {
                float py = sy.at(t);
                c.moveTo(f.x(), py);
                c.lineTo(f.x() + f.w(), py);
                String label = ReportText.tick(t, y.unit());
                pages.text(pages.regular, TICK_SIZE, f.x() - 4 - pages.width(pages.regular, TICK_SIZE, label),
                        py - TICK_SIZE / 3, label, PdfTable.MUTED);
            }
        }
        c.stroke();
        c.setStrokingColor(0.55f, 0.57f, 0.60f);
        c.addRect(f.x(), f.y(), f.w(), f.h());
        c.stroke();
        String xTitle = axisTitle(x) + (sx.log ? " (log scale)" : "");
        pages.text(pages.regular, TICK_SIZE + 0.5f, f.x() + f.w() / 2 - pages.width(pages.regular, TICK_SIZE + 0.5f,
                xTitle) / 2, f.y() - 2 * TICK_SIZE - 9, xTitle, PdfTable.INK);
        if (y != null) {
            String yTitle = axisTitle(y) + (sy != null && sy.log ? " (log scale)" : "");
            pages.text(pages.regular, TICK_SIZE + 0.5f, PdfPages.MARGIN, f.y() + f.h() + 6, yTitle, PdfTable.INK);
            titleRight = PdfPages.MARGIN + pages.width(pages.regular, TICK_SIZE + 0.5f, yTitle) + 10;
        }
    }

    private static String axisTitle(Plot.Axis a) {
        return a.unit() == Unit.FRACTION && !a.label().contains("%") ? a.label() + " (%)" : a.label();
    }

    private void legend(Frame f, List<String> names, List<float[]> colours) throws IOException {
        float x = f.x() + f.w();
        float y = f.y() + f.h() + 6;
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            float tw = pages.width(pages.regular, TICK_SIZE, name);
            if (x - tw - 22 < titleRight && x < f.x() + f.w()) {
                x = f.x() + f.w(); // a row higher, clear of the axis title
                y += TICK_SIZE + 2;
            }
            x -= tw;
            pages.text(pages.regular, TICK_SIZE, x, y, name, PdfTable.INK);
            x -= 12;
            float[] col = colours.get(i);
            pages.content().setNonStrokingColor(col[0], col[1], col[2]);
            pages.content().addRect(x, y, 9, 6);
            pages.content().fill();
            x -= 10;
        }
    }

    private static float[] lighten(float[] rgb, float amount) {
        return new float[] {rgb[0] + (1 - rgb[0]) * amount, rgb[1] + (1 - rgb[1]) * amount,
            rgb[2] + (1 - rgb[2]) * amount};
    }

    /** The range of every finite value (positive only on a log axis), widened when empty or flat. */
    private static double[] range(List<double[]> a, List<double[]> b, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[]> all = new ArrayList<>(a);
        all.addAll(b);
        for (double[] values : all) {
            for (double v : values) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (lo == hi) {
            return log ? new double[] {lo / 2, hi * 2} : new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }
}
