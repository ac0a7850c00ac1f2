package com.positionlab.ui;

import java.util.List;

import com.positionlab.config.DataPaths;
import com.positionlab.ui.shell.Theme;

/**
 * How the workstation was started: the database URL ({@code --db}, else {@code POSITIONLAB_DB}, else the
 * default file), and an optional theme that overrides the remembered one ({@code --theme}).
 */
public record AppConfig(DataPaths paths, String jdbcUrl, Theme themeOverride) {

    /** Parses the workstation's arguments; throws IllegalArgumentException naming a bad one. */
    public static AppConfig parse(List<String> args) {
        String db = null;
        Theme theme = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--db" -> db = require(a, value);
                case "--theme" -> theme = parseTheme(require(a, value));
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (the workstation takes --db URL and --theme light|dark)");
            }
            i++;
        }
        DataPaths paths = DataPaths.fromEnvironment();
        try {
            return new AppConfig(paths, paths.resolveJdbcUrl(db, System.getenv()), theme);
        } catch (com.positionlab.config.ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Silences JavaFX's start-up warning about running from the class path, which is how PositionLab
     * is meant to run (a plain launcher, see STACK.md). Call {@link #restoreJavaFxWarnings()} once the
     * toolkit has started, so later warnings (CSS and the like) are seen again.
     */
    public static void quietJavaFxClasspathWarning() {
        JAVAFX_LOGGER.setLevel(java.util.logging.Level.SEVERE);
    }

    public static void restoreJavaFxWarnings() {
        JAVAFX_LOGGER.setLevel(null);
    }

    private static final java.util.logging.Logger JAVAFX_LOGGER = java.util.logging.Logger.getLogger("javafx");

    /** Whether {@code args} are workstation options rather than a headless command. */
    public static boolean isWorkstationInvocation(String[] args) {
        if (args.length == 0) {
            return true;
        }
        return args[0].equals("--db") || args[0].equals("--theme");
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static Theme parseTheme(String value) {
        if (!value.equalsIgnoreCase("light") && !value.equalsIgnoreCase("dark")) {
            throw new IllegalArgumentException("--theme: expected light or dark, got \"" + value + "\"");
        }
        return Theme.parse(value);
    }
}
