package com.positionlab.ui.shell;

import javafx.scene.input.KeyCombination;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The views of the sidebar, in order, with their icons and keyboard shortcuts. Only working views are listed. */
public enum Page {
    PORTFOLIO("Portfolio", Feather.PIE_CHART, "Shortcut+1"),
    KELLY("Kelly Lab", Feather.TRENDING_UP, "Shortcut+2"),
    DATA("Data", Feather.DATABASE, "Shortcut+3"),
    SIZE("Size a trade", Feather.TARGET, "Shortcut+4"),
    RULES("Rules", Feather.SLIDERS, "Shortcut+5"),
    ACTIVITY("Activity", Feather.ACTIVITY, "Shortcut+6"),
    BUILD("Build a portfolio", Feather.GRID, "Shortcut+7"),
    BACKTEST("Backtest", Feather.REWIND, "Shortcut+8");

    private final String title;
    private final Ikon icon;
    private final KeyCombination shortcut;

    Page(String title, Ikon icon, String shortcut) {
        this.title = title;
        this.icon = icon;
        this.shortcut = KeyCombination.keyCombination(shortcut);
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    public KeyCombination shortcut() {
        return shortcut;
    }

    /** The page named {@code name} (case-insensitive title or constant), for the screenshot command. */
    public static Page byName(String name) {
        for (Page p : values()) {
            if (p.name().equalsIgnoreCase(name) || p.title.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown view \"" + name + "\"; one of: " + String.join(", ",
                java.util.Arrays.stream(values()).map(p -> p.name().toLowerCase()).toList()));
    }
}
