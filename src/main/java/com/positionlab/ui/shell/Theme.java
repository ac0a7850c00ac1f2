package com.positionlab.ui.shell;

import javafx.application.Application;
import javafx.scene.paint.Color;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The two AtlantaFX themes the workstation offers. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * The theme's page colour (its {@code -color-bg-default}), for the scene's fill: should the root's CSS
     * background ever fail to paint during a switch, the window shows this instead of a white page.
     */
    public Color background() {
        return this == DARK ? Color.web("#0d1117") : Color.WHITE;
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** Parses a stored or typed name, case-insensitively; anything else is LIGHT. */
    public static Theme parse(String name) {
        return "dark".equalsIgnoreCase(name == null ? "" : name.strip()) ? DARK : LIGHT;
    }
}
