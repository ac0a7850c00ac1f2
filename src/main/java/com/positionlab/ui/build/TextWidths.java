package com.positionlab.ui.build;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text sizes in pixels as JavaFX lays the text out, remembered per font and string: a chart redraw measures
 * the same few hundred tickers and tick labels again and again.
 */
final class TextWidths {

    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, Double> widths = new HashMap<>();
    private final Map<Font, Double> heights = new HashMap<>();

    /** The width of {@code text} in {@code font}, pixels. */
    double width(String text, Font font) {
        String key = font.getName() + '\u0000' + font.getSize() + '\u0000' + text;
        Double w = widths.get(key);
        if (w == null) {
            if (widths.size() >= MAX_ENTRIES) {
                widths.clear();
            }
            w = measure(text, font).getWidth();
            widths.put(key, w);
        }
        return w;
    }

    /** The height of one line of {@code font} (ascent to descent, with the font's leading), pixels. */
    double height(Font font) {
        return heights.computeIfAbsent(font, f -> measure("Hg", f).getHeight());
    }

    private static javafx.geometry.Bounds measure(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds();
    }
}
