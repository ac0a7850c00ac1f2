package com.positionlab.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where PositionLab keeps its files: {@code $XDG_DATA_HOME/positionlab}, else
 * {@code ~/.local/share/positionlab}. The system property {@code positionlab.data.dir} overrides both
 * (tests use it), and the JDBC URL may be overridden by {@code --db} or {@code POSITIONLAB_DB}.
 */
public final class DataPaths {

    public static final String DB_ENV = "POSITIONLAB_DB";
    public static final String DATA_DIR_PROPERTY = "positionlab.data.dir";

    private final Path dataDir;

    public DataPaths(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The data folder for this user and environment. */
    public static DataPaths fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty(DATA_DIR_PROPERTY),
                System.getProperty("user.home"));
    }

    static DataPaths fromEnvironment(Map<String, String> env, String override, String userHome) {
        if (override != null && !override.isBlank()) {
            return new DataPaths(Path.of(override));
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new DataPaths(Path.of(xdg, "positionlab"));
        }
        return new DataPaths(Path.of(userHome, ".local", "share", "positionlab"));
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The default database: an H2 file in the data folder. */
    public String defaultJdbcUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("positionlab").toAbsolutePath();
    }

    /**
     * The JDBC URL to use: the explicit one when given, else {@code POSITIONLAB_DB}, else the default.
     */
    public String resolveJdbcUrl(String explicit, Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String fromEnv = env.get(DB_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return defaultJdbcUrl();
    }

    public Path settingsFile() {
        return dataDir.resolve("settings.properties");
    }
}
