package com.positionlab.config;

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
    private static final String H2 = "jdbc:h2:";

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
     * The JDBC URL to use: the explicit one when given, else {@code POSITIONLAB_DB}, else the default. A
     * given URL is checked by {@link #checkUserUrl}.
     *
     * @throws ConfigException naming {@code --db} or {@code POSITIONLAB_DB} when the URL is refused
     */
    public String resolveJdbcUrl(String explicit, Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return checkUserUrl(explicit, "--db");
        }
        String fromEnv = env.get(DB_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return checkUserUrl(fromEnv, DB_ENV);
        }
        return defaultJdbcUrl();
    }

    /**
     * Checks a database location given by the user and returns it as a JDBC URL. Accepted: a plain file
     * path, {@code jdbc:h2:file:PATH} (or {@code jdbc:h2:PATH} with an absolute, home or relative path) and
     * {@code jdbc:h2:mem:NAME}, all without {@code ;OPTIONS}: PositionLab sets its own ({@code WRITE_DELAY},
     * locking), and options such as {@code INIT=} (runs SQL) or {@code FILE_LOCK=NO} (lets two processes
     * corrupt one file) are refused, as are remote ({@code tcp:}, {@code ssl:}) and other H2 file systems.
     *
     * @param source what the user set ({@code --db} or {@code POSITIONLAB_DB}), named in the error
     * @throws ConfigException with one line naming the source and the refused part
     */
    public static String checkUserUrl(String given, String source) {
        String value = given.strip();
        int semi = value.indexOf(';');
        if (semi >= 0) {
            String option = value.substring(semi + 1).split("[=;]", 2)[0].strip();
            throw new ConfigException(source + ": the H2 option '" + (option.isEmpty() ? ";" : option)
                    + "' is not accepted (PositionLab sets its own options); give only jdbc:h2:file:PATH, "
                    + "jdbc:h2:mem:NAME or a file path");
        }
        if (!value.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return fileUrl(value, source);
        }
        if (!value.startsWith(H2)) {
            throw new ConfigException(source + ": '" + value + "' is not an H2 URL; give jdbc:h2:file:PATH, "
                    + "jdbc:h2:mem:NAME or a file path");
        }
        String rest = value.substring(H2.length());
        if (rest.startsWith("file:")) {
            return fileUrl(rest.substring("file:".length()), source);
        }
        if (rest.startsWith("mem:") && rest.length() > "mem:".length()) {
            return value;
        }
        if (rest.startsWith("/") || rest.startsWith("~") || rest.startsWith(".")) {
            return fileUrl(rest, source);
        }
        int colon = rest.indexOf(':');
        String scheme = colon < 0 ? rest : rest.substring(0, colon + 1);
        throw new ConfigException(source + ": '" + scheme + "' H2 URLs are not accepted; give jdbc:h2:file:PATH, "
                + "jdbc:h2:mem:NAME or a file path");
    }

    private static String fileUrl(String path, String source) {
        if (path.isBlank()) {
            throw new ConfigException(source + ": the database path is empty");
        }
        if (path.matches("^[A-Za-z]{2,}:.*")) {
            throw new ConfigException(source + ": '" + path.substring(0, path.indexOf(':') + 1)
                    + "' file systems are not accepted; give a plain file path");
        }
        return H2 + "file:" + path;
    }

    public Path settingsFile() {
        return dataDir.resolve("settings.properties");
    }

    /**
     * A workspace as a trader knows it, for reports: the file path of an H2 URL
     * ({@code jdbc:h2:file:/home/t/ws;MODE=...} is {@code /home/t/ws}), any other URL as it is.
     */
    public static String workspaceName(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        String s = jdbcUrl.startsWith("jdbc:h2:file:") ? jdbcUrl.substring("jdbc:h2:file:".length())
                : jdbcUrl.startsWith("jdbc:h2:") ? jdbcUrl.substring("jdbc:h2:".length()) : jdbcUrl;
        int semicolon = s.indexOf(';');
        return semicolon < 0 ? s : s.substring(0, semicolon);
    }
}
