package com.positionlab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Where the data folder and the database are: {@code $XDG_DATA_HOME/positionlab}, else
 * {@code ~/.local/share/positionlab}, unless the {@code positionlab.data.dir} property overrides both;
 * the JDBC URL comes from {@code --db}, else {@code POSITIONLAB_DB}, else the H2 file in the data folder.
 */
class DataPathsTest {

    private static final String HOME = "/home/trader";

    @Test
    void usesXdgDataHomeWhenSet() {
        DataPaths paths = DataPaths.fromEnvironment(Map.of("XDG_DATA_HOME", "/data/xdg"), null, HOME);
        assertThat(paths.dataDir()).isEqualTo(Path.of("/data/xdg/positionlab"));
    }

    @Test
    void fallsBackToLocalShareUnderHome() {
        assertThat(DataPaths.fromEnvironment(Map.of(), null, HOME).dataDir())
                .isEqualTo(Path.of(HOME, ".local", "share", "positionlab"));
        assertThat(DataPaths.fromEnvironment(Map.of("XDG_DATA_HOME", "  "), null, HOME).dataDir())
                .isEqualTo(Path.of(HOME, ".local", "share", "positionlab"));
    }

    @Test
    void propertyOverridesXdgAndHome() {
        DataPaths paths = DataPaths.fromEnvironment(Map.of("XDG_DATA_HOME", "/data/xdg"), "/tmp/pl-test", HOME);
        assertThat(paths.dataDir()).isEqualTo(Path.of("/tmp/pl-test"));
        assertThat(DataPaths.fromEnvironment(Map.of(), " ", HOME).dataDir())
                .isEqualTo(Path.of(HOME, ".local", "share", "positionlab"));
    }

    @Test
    void defaultDatabaseIsAnH2FileInTheDataFolder() {
        DataPaths paths = new DataPaths(Path.of("/data/pl"));
        assertThat(paths.defaultJdbcUrl()).isEqualTo("jdbc:h2:file:/data/pl/positionlab");
        assertThat(paths.settingsFile()).isEqualTo(Path.of("/data/pl/settings.properties"));
    }

    @Test
    void explicitUrlWinsOverEnvironmentAndDefault() {
        DataPaths paths = new DataPaths(Path.of("/data/pl"));
        Map<String, String> env = Map.of(DataPaths.DB_ENV, "jdbc:h2:file:/env/db");
        assertThat(paths.resolveJdbcUrl("jdbc:h2:mem:cli", env)).isEqualTo("jdbc:h2:mem:cli");
    }

    @Test
    void environmentUrlWinsOverDefault() {
        DataPaths paths = new DataPaths(Path.of("/data/pl"));
        Map<String, String> env = Map.of(DataPaths.DB_ENV, "jdbc:h2:file:/env/db");
        assertThat(paths.resolveJdbcUrl(null, env)).isEqualTo("jdbc:h2:file:/env/db");
        assertThat(paths.resolveJdbcUrl(" ", env)).isEqualTo("jdbc:h2:file:/env/db");
    }

    @Test
    void defaultUrlWhenNothingIsGiven() {
        DataPaths paths = new DataPaths(Path.of("/data/pl"));
        assertThat(paths.resolveJdbcUrl(null, Map.of())).isEqualTo("jdbc:h2:file:/data/pl/positionlab");
        assertThat(paths.resolveJdbcUrl("", Map.of(DataPaths.DB_ENV, ""))).isEqualTo("jdbc:h2:file:/data/pl/positionlab");
    }
}
