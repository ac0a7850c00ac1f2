package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import com.positionlab.ui.build.ChartGeometry.Occupancy;
import com.positionlab.ui.build.ChartGeometry.Rect;
import com.positionlab.ui.build.ChartGeometry.Transform;
import com.positionlab.ui.build.ChartInks.Ink;
import com.positionlab.ui.build.FrontierChart.Kind;
import com.positionlab.ui.build.FrontierChart.Marker;

/**
 * The data of the frontier chart, drawn inside the plot (clipped to it) from back to front: the cloud of
 * random portfolios, the capital market line, the frontier, the guide of the selected portfolio, the asset
 * dots, the portfolio markers and the labels. Portfolio labels always show; with more than
 * {@link #ALL_ASSET_LABELS} assets an asset's label shows only where it overlaps no label drawn before it,
 * so the assets given first win.
 */
final class FrontierPainter {

    /** Up to this many assets every ticker is drawn, overlapping or not. */
    static final int ALL_ASSET_LABELS = 40;
    static final double CURVE_WIDTH = 2.5;
    static final double CML_WIDTH = 1.5;
    static final double[] CML_DASHES = {7, 5};
    static final double CLOUD_OPACITY = 0.3;
    /** The legend is left out when it would take more than this share of the chart's height. */
    private static final double MAX_LEGEND_SHARE = 0.22;
    /** Space kept clear around a label, pixels, so that neighbouring labels do not touch. */
    private static final double LABEL_MARGIN = 1.5;
    /** Space between a marker and its label, pixels. */
    private static final double LABEL_GAP = 3;

    /**
     * The frame drawn, the frontier's points on screen (pixels) for picking the point under the pointer, and the
     * boxes of the point labels drawn.
     */
    record Drawn(AxesPainter.Layout layout, double[] curveX, double[] curveY, List<Rect> labels) {
    }

    private final ChartInks inks;
    private final TextWidths widths;
    private final PointRaster points = new PointRaster();

    /** A painter with the chart's colours and font and its cache of text widths. */
    FrontierPainter(ChartInks inks, TextWidths widths) {
        this.inks = inks;
        this.widths = widths;
    }

    /**
     * Draws the whole data layer of a {@code width} x {@code height} px canvas showing {@code window}: legend,
     * grid, data and axes. Text is sized from the inherited font: labels of points 2 pt smaller, the rest 1 pt.
     * A {@code draft} (while the view is dragged) leaves the assets' labels out, which are most of the cost.
     */
    Drawn paintAll(GraphicsContext gc, double width, double height, FrontierData data, Marker selected,
                   ChartGeometry.Window window, boolean draft) {
        double base = inks.baseSize();
        Font text = inks.font(base - 1, false);
        double right = width - AxesPainter.RIGHT;
        LegendPainter.Placed legend = LegendPainter.place(LegendPainter.entries(data, selected), right, right - 6, 0,
                text, widths);
        if (legend.height() > MAX_LEGEND_SHARE * height) {
            legend = LegendPainter.place(List.of(), right, right - 6, 0, text, widths);
        }
        AxesPainter.Layout layout = AxesPainter.layout(width, height, legend.height(), window, text, text, widths);
        Transform t = layout.transform();
        double[] curveX = new double[data.curveVolatility().length];
        double[] curveY = new double[curveX.length];
        for (int i = 0; i < curveX.length; i++) {
            curveX[i] = t.screenX(data.curveVolatility()[i]);
            curveY[i] = t.screenY(data.curveReturn()[i]);
        }
        AxesPainter.paintGrid(gc, layout, inks);
        List<Rect> labels = paint(gc, data, selected, t, curveX, curveY, inks.font(base - 2, false),
                inks.font(base - 2, true), draft);
        AxesPainter.paintAxes(gc, layout, width, height, text, text, inks, widths);
        LegendPainter.paint(gc, legend, text, inks, widths);
        return new Drawn(layout, curveX, curveY, labels);
    }

    /**
     * Draws {@code data} through {@code t}; {@code curveX}, {@code curveY} are the curve's screen points. Returns
     * the boxes of the labels drawn.
     */
    private List<Rect> paint(GraphicsContext gc, FrontierData data, Marker selected, Transform t, double[] curveX,
                       double[] curveY, Font assetFont, Font markerFont, boolean draft) {
        Rect plot = t.plot();
        gc.save();
        gc.beginPath();
        gc.rect(plot.x(), plot.y(), plot.width(), plot.height());
        gc.clip();
        paintPoints(gc, data, t);
        paintCapitalMarketLine(gc, data, t);
        gc.setStroke(inks.get(Ink.CURVE));
        gc.setLineWidth(CURVE_WIDTH);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.strokePolyline(curveX, curveY, curveX.length);
        if (selected != null) {
            double sx = AxesPainter.crisp(t.screenX(selected.volatility()));
            gc.setStroke(inks.get(Ink.SELECTED).deriveColor(0, 1, 1, 0.6));
            gc.setLineWidth(1);
            gc.setLineDashes(4, 4);
            gc.strokeLine(sx, plot.y(), sx, plot.bottom());
            gc.setLineDashes();
        }
        List<Marker> drawn = new ArrayList<>(data.markers());
        if (selected != null) {
            drawn.add(new Marker(selected.label(), selected.volatility(), selected.expectedReturn(), Kind.SELECTED));
        }
        Color halo = inks.get(Ink.BACKGROUND);
        for (Marker m : drawn) {
            if (m.kind() == Kind.ASSET) {
                continue; // drawn with the cloud
            }
            MarkerStyle.draw(gc, m.kind(), t.screenX(m.volatility()), t.screenY(m.expectedReturn()), inks.get(MarkerStyle.ink(m.kind())), halo);
        }
        List<Rect> labels = paintLabels(gc, draft ? drawn.stream().filter(m -> m.kind() != Kind.ASSET).toList() : drawn, t, assetFont,
                markerFont);
        gc.restore();
        return labels;
    }

    /** Draws {@code message} in the middle of a {@code width} x {@code height} px canvas. */
    void paintMessage(GraphicsContext gc, double width, double height, String message) {
        gc.setFill(inks.get(Ink.MUTED));
        gc.setFont(inks.font(inks.baseSize(), false));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(message, width / 2, height / 2);
    }

    /** The cloud and the asset dots, as one image. */
    private void paintPoints(GraphicsContext gc, FrontierData data, Transform t) {
        List<Marker> assets = data.markers().stream().filter(m -> m.kind() == Kind.ASSET).toList();
        double[] xs = new double[assets.size()];
        double[] ys = new double[assets.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = assets.get(i).volatility();
            ys[i] = assets.get(i).expectedReturn();
        }
        PointRaster.Style style = new PointRaster.Style(inks.get(Ink.CLOUD), CLOUD_OPACITY, inks.get(Ink.ASSET),
                MarkerStyle.radius(Kind.ASSET));
        WritableImage image = points.render(data.cloudVolatility(), data.cloudReturn(), xs, ys, t, style);
        if (image != null) {
            gc.drawImage(image, t.plot().x(), t.plot().y());
        }
    }

    /** The line y = rf + maxSharpe x from volatility 0 (or the window's left edge) to the right edge. */
    private void paintCapitalMarketLine(GraphicsContext gc, FrontierData data, Transform t) {
        if (!data.hasCapitalMarketLine()) {
            return;
        }
        double x0 = Math.max(0, t.window().xMin());
        double x1 = t.window().xMax();
        if (x1 <= x0) {
            return;
        }
        double rf = data.riskFreeRate();
        double slope = data.maxSharpe();
        gc.setStroke(inks.get(Ink.CML));
        gc.setLineWidth(CML_WIDTH);
        gc.setLineDashes(CML_DASHES);
        gc.strokeLine(t.screenX(x0), t.screenY(rf + slope * x0), t.screenX(x1), t.screenY(rf + slope * x1));
        gc.setLineDashes();
    }

    /**
     * Labels beside their markers, the portfolios first and then the assets in the order given, each in the
     * first of four places (right, left, above, below) that lies inside the plot and overlaps no label drawn
     * before it. A portfolio's label always shows; so does an asset's when there are few assets, over other
     * assets' labels if it must but never over a portfolio or its label.
     */
    private List<Rect> paintLabels(GraphicsContext gc, List<Marker> markers, Transform t, Font assetFont,
                                   Font markerFont) {
        List<Rect> drawn = new ArrayList<>();
        Occupancy taken = new Occupancy();
        Occupancy portfolios = new Occupancy();
        List<Marker> order = new ArrayList<>(markers);
        order.sort(Comparator.comparing((Marker m) -> m.kind() == Kind.ASSET)
                .thenComparing(m -> m.kind() != Kind.SELECTED));
        takePortfolioShapes(order, t, taken, portfolios);
        boolean crowded = markers.stream().filter(m -> m.kind() == Kind.ASSET).count() > ALL_ASSET_LABELS;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        Color halo = inks.get(Ink.BACKGROUND).deriveColor(0, 1, 1, 0.85);
        for (Marker m : order) {
            if (m.label() == null || m.label().isBlank()) {
                continue;
            }
            boolean asset = m.kind() == Kind.ASSET;
            Font font = asset ? assetFont : markerFont;
            Rect[] places = places(m, t, widths.width(m.label(), font), widths.height(font), !asset);
            Rect box = firstFree(places, taken);
            if (box == null && !(asset && crowded)) {
                box = firstFree(places, portfolios);
                if (box == null && !asset && places.length > 0) {
                    box = places[0];
                }
            }
            if (box != null) {
                if (!asset && Arrays.asList(places).indexOf(box) >= BESIDE) {
                    leader(gc, t, m, box);
                }
                taken.take(box);
                drawn.add(box);
                if (!asset) {
                    portfolios.take(box);
                }
                gc.setFont(font);
                Color colour = asset ? inks.get(Ink.MUTED) : inks.get(MarkerStyle.ink(m.kind()));
                haloText(gc, m.label(), box.x() + LABEL_MARGIN, box.y(), colour, halo);
            }
        }
        return drawn;
    }

    /** Takes the shapes of the portfolio markers in both {@code taken} and {@code portfolios}. */
    private static void takePortfolioShapes(List<Marker> markers, Transform t, Occupancy taken, Occupancy portfolios) {
        for (Marker m : markers) {
            if (m.kind() != Kind.ASSET) {
                double r = MarkerStyle.radius(m.kind()) + 1;
                Rect shape = new Rect(t.screenX(m.volatility()) - r, t.screenY(m.expectedReturn()) - r, 2 * r, 2 * r);
                taken.take(shape);
                portfolios.take(shape);
            }
        }
    }

    /** How many of a label's places lie beside its marker; the others are further off, with a leader line. */
    static final int BESIDE = 4;

    /** Rows of places a portfolio's label may be stacked above and below its marker when those beside it are taken. */
    static final int STACKED = 8;

    /**
     * The places for a {@code w} x {@code h} label of {@code m} that lie inside the plot, in order of preference
     * (right, left, above, below; then, for a portfolio ({@code stacked}), right and left one row of text further
     * up or down at a time), each with {@link #LABEL_MARGIN} around the text; none when the marker is outside
     * the plot.
     */
    private static Rect[] places(Marker m, Transform t, double w, double h, boolean stacked) {
        double x = t.screenX(m.volatility());
        double y = t.screenY(m.expectedReturn());
        Rect plot = t.plot();
        if (!plot.contains(x, y)) {
            return new Rect[0];
        }
        double r = MarkerStyle.radius(m.kind()) + LABEL_GAP - LABEL_MARGIN;
        double bw = w + 2 * LABEL_MARGIN;
        List<Rect> all = new ArrayList<>(List.of(
            new Rect(x + r, y - h / 2, bw, h),
            new Rect(x - r - bw, y - h / 2, bw, h),
            new Rect(x - bw / 2, y - r - h, bw, h),
            new Rect(x - bw / 2, y + r, bw, h)));
        for (int k = 1; stacked && k <= STACKED; k++) {
            for (double dy : new double[] {-k * h, k * h}) {
                all.add(new Rect(x + r, y - h / 2 + dy, bw, h));
                all.add(new Rect(x - r - bw, y - h / 2 + dy, bw, h));
            }
        }
        return all.stream().filter(plot::encloses).toArray(Rect[]::new);
    }

    /** A thin line from a marker to its label placed further off. */
    private void leader(GraphicsContext gc, Transform t, Marker m, Rect box) {
        double x = t.screenX(m.volatility());
        double y = t.screenY(m.expectedReturn());
        double ex = x < box.x() ? box.x() : box.right();
        double ey = Math.max(box.y(), Math.min(y, box.bottom()));
        gc.setStroke(inks.get(MarkerStyle.ink(m.kind())).deriveColor(0, 1, 1, 0.6));
        gc.setLineWidth(1);
        gc.strokeLine(x, y, ex, ey);
    }

    private static Rect firstFree(Rect[] places, Occupancy taken) {
        for (Rect p : places) {
            if (taken.isFree(p)) {
                return p;
            }
        }
        return null;
    }

    /** Text with a thin outline of {@code halo}, readable over dots and lines. */
    static void haloText(GraphicsContext gc, String text, double x, double y, Color colour, Color halo) {
        gc.setStroke(halo);
        gc.setLineWidth(3);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.strokeText(text, x, y);
        gc.setFill(colour);
        gc.fillText(text, x, y);
    }
}
