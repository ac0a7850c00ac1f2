package com.positionlab.ui.build;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import com.positionlab.ui.build.ChartGeometry.Hit;
import com.positionlab.ui.build.ChartGeometry.Rect;
import com.positionlab.ui.build.ChartInks.Ink;

/**
 * What follows the pointer, drawn on the chart's top layer so that a mouse move redraws only this: a ring
 * on the curve point nearest the pointer, and the readout box beside the pointer, kept inside the plot.
 */
final class ReadoutPainter {

    /** Distance from the pointer to the box, padding inside the box, and radius of the ring, pixels. */
    static final double POINTER_GAP = 14;
    private static final double PADDING = 6;
    private static final double RING = 4.5;

    private ReadoutPainter() {
    }

    /**
     * Draws the ring at {@code hit} (null for none) and, when {@code lines} is not empty, the box for a pointer
     * at ({@code px}, {@code py}) inside {@code plot}.
     */
    static void paint(GraphicsContext gc, Hit hit, double px, double py, List<String> lines, Rect plot, Font font,
                      ChartInks inks, TextWidths widths) {
        if (hit != null) {
            gc.setFill(inks.get(Ink.BACKGROUND));
            gc.fillOval(hit.x() - RING, hit.y() - RING, 2 * RING, 2 * RING);
            gc.setStroke(inks.get(Ink.CURVE));
            gc.setLineWidth(2);
            gc.setLineDashes();
            gc.strokeOval(hit.x() - RING, hit.y() - RING, 2 * RING, 2 * RING);
        }
        if (lines.isEmpty()) {
            return;
        }
        Rect box = box(px, py, lines, plot, font, widths);
        gc.setFill(inks.get(Ink.BOX).deriveColor(0, 1, 1, 0.94));
        gc.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 6, 6);
        gc.setStroke(inks.get(Ink.BOX_BORDER));
        gc.setLineWidth(1);
        gc.strokeRoundRect(box.x() + 0.5, box.y() + 0.5, box.width() - 1, box.height() - 1, 6, 6);
        gc.setFill(inks.get(Ink.TEXT));
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        double lineHeight = widths.height(font);
        for (int i = 0; i < lines.size(); i++) {
            gc.fillText(lines.get(i), box.x() + PADDING, box.y() + PADDING + i * lineHeight);
        }
    }

    /** Where the box for {@code lines} goes for a pointer at ({@code px}, {@code py}). */
    static Rect box(double px, double py, List<String> lines, Rect plot, Font font, TextWidths widths) {
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, widths.width(line, font));
        }
        double height = lines.size() * widths.height(font);
        return ChartGeometry.readoutBox(px, py, Math.ceil(width) + 2 * PADDING, Math.ceil(height) + 2 * PADDING,
                POINTER_GAP, plot);
    }
}
