package com.positionlab.ui.backtest;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The width a table column needs for a text in the workstation's 13 px font, so that nothing is cut short. */
final class TextWidth {

    /** Room around a cell's or a header's text (padding, border, sort arrow), pixels. */
    static final double PADDING = 28;

    private TextWidth() {
    }

    /** The width of a column header showing {@code text} (bold), with its padding. */
    static double header(String text) {
        return measure(text, true);
    }

    /** The width of a cell showing {@code text}, with its padding. */
    static double cell(String text) {
        return measure(text, false);
    }

    private static double measure(String text, boolean bold) {
        Text t = new Text(text);
        t.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, 13));
        return Math.ceil(t.getLayoutBounds().getWidth() + PADDING);
    }
}
