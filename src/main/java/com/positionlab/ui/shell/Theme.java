package com.positionlab.ui.shell;

import javafx.application.Application;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The two AtlantaFX themes the workstation offers. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** Parses a stored or typed name, case-insensitively; anything else is LIGHT. */
    public static Theme parse(String name) {
        return "dark".equalsIgnoreCase(name == null ? "" : name.strip()) ? DARK : LIGHT;
    }
}
