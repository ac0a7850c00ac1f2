package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.InvalidationListener;
import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The frontier chart's colours and font, each a CSS property of the chart so that they follow the theme:
 * {@code frontier-chart.css} sets every colour from one of AtlantaFX's looked-up colours
 * ({@code -color-fg-default}, {@code -color-accent-fg}, ...), and the font is inherited like a label's.
 * The defaults are the light theme's colours, used when no theme is loaded.
 */
final class ChartInks {

    /** The colours the chart draws with, and the CSS property that sets each. */
    enum Ink {
        TEXT("-pl-chart-text", "#24292f"),
        MUTED("-pl-chart-muted", "#57606a"),
        GRID("-pl-chart-grid", "#d0d7de"),
        AXIS("-pl-chart-axis", "#6e7781"),
        BACKGROUND("-pl-chart-background", "#ffffff"),
        CURVE("-pl-chart-curve", "#0969da"),
        CML("-pl-chart-cml", "#57606a"),
        CLOUD("-pl-chart-cloud", "#6e7781"),
        ASSET("-pl-chart-asset", "#41a9c9"),
        CURRENT("-pl-chart-current", "#9a6700"),
        MIN_VOLATILITY("-pl-chart-min-volatility", "#1a7f37"),
        MAX_SHARPE("-pl-chart-max-sharpe", "#cf222e"),
        CANDIDATE("-pl-chart-candidate", "#9a42c8"),
        SELECTED("-pl-chart-selected", "#24292f"),
        BOX("-pl-chart-box", "#ffffff"),
        BOX_BORDER("-pl-chart-box-border", "#d0d7de");

        final String cssProperty;
        final Color light;

        Ink(String cssProperty, String light) {
            this.cssProperty = cssProperty;
            this.light = Color.web(light);
        }
    }

    private static final Font DEFAULT_FONT = Font.font(13);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;
    private static final Map<Ink, CssMetaData<FrontierChart, Color>> INK_META_DATA = new EnumMap<>(Ink.class);
    private static final FontCssMetaData<FrontierChart> FONT_META_DATA = new FontCssMetaData<>("-fx-font", DEFAULT_FONT) {
        @Override
        public boolean isSettable(FrontierChart chart) {
            return !chart.inks().font.isBound();
        }

        @Override
        public StyleableProperty<Font> getStyleableProperty(FrontierChart chart) {
            return chart.inks().font;
        }
    };

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        for (Ink ink : Ink.values()) {
            CssMetaData<FrontierChart, Color> meta = new CssMetaData<>(ink.cssProperty, StyleConverter.getColorConverter(),
                    ink.light) {
                @Override
                public boolean isSettable(FrontierChart chart) {
                    return !chart.inks().colours.get(ink).isBound();
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(FrontierChart chart) {
                    return chart.inks().colours.get(ink);
                }
            };
            INK_META_DATA.put(ink, meta);
            all.add(meta);
        }
        all.add(FONT_META_DATA);
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private final Map<Ink, SimpleStyleableObjectProperty<Color>> colours = new EnumMap<>(Ink.class);
    private final SimpleStyleableObjectProperty<Font> font;

    /** The colours and font of {@code chart}, which must return this object from its {@code inks()}. */
    ChartInks(FrontierChart chart) {
        for (Ink ink : Ink.values()) {
            colours.put(ink, new SimpleStyleableObjectProperty<>(INK_META_DATA.get(ink), chart, ink.name(), ink.light));
        }
        font = new SimpleStyleableObjectProperty<>(FONT_META_DATA, chart, "font", DEFAULT_FONT);
    }

    /** The CSS properties of the chart: a Region's and these. */
    static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        return CSS_META_DATA;
    }

    /** The colour of {@code ink} now. */
    Color get(Ink ink) {
        return colours.get(ink).get();
    }

    /** The inherited font's size, in points (the chart's text is sized from it). */
    double baseSize() {
        return font.get().getSize();
    }

    /** The inherited font's family at {@code size} points, bold or not. */
    Font font(double size, boolean bold) {
        return Font.font(font.get().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    /** Calls {@code listener} whenever a colour or the font changes (a theme switch). */
    void addListener(InvalidationListener listener) {
        colours.values().forEach(p -> p.addListener(listener));
        font.addListener(listener);
    }
}
