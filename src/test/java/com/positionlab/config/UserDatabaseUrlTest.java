package com.positionlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 8, defect 9: {@code --db} and {@code POSITIONLAB_DB} passed H2 options through ({@code INIT=} runs
 * SQL, {@code FILE_LOCK=NO} lets two processes write one file). Only file and memory URLs without
 * options are accepted, and a refusal names the source and the option.
 */
class UserDatabaseUrlTest {

    @Test
    void fileMemoryAndPlainPathsAreAccepted() {
        assertThat(DataPaths.checkUserUrl("jdbc:h2:file:/w/ws", "--db")).isEqualTo("jdbc:h2:file:/w/ws");
        assertThat(DataPaths.checkUserUrl(" /w/ws ", "--db")).isEqualTo("jdbc:h2:file:/w/ws");
        assertThat(DataPaths.checkUserUrl("jdbc:h2:~/ws", "--db")).isEqualTo("jdbc:h2:file:~/ws");
        assertThat(DataPaths.checkUserUrl("jdbc:h2:mem:cli", "--db")).isEqualTo("jdbc:h2:mem:cli");
    }

    @Test
    void optionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> DataPaths.checkUserUrl("jdbc:h2:file:/w/ws;INIT=RUNSCRIPT FROM 'x.sql'", "--db"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--db: the H2 option 'INIT' is not accepted (PositionLab sets its own options); "
                        + "give only jdbc:h2:file:PATH, jdbc:h2:mem:NAME or a file path");
        assertThatThrownBy(() -> DataPaths.checkUserUrl("jdbc:h2:mem:x;FILE_LOCK=NO", DataPaths.DB_ENV))
                .hasMessageStartingWith("POSITIONLAB_DB: the H2 option 'FILE_LOCK' is not accepted");
        assertThatThrownBy(() -> DataPaths.checkUserUrl("/w/ws;DB_CLOSE_DELAY=-1", "--db"))
                .hasMessageStartingWith("--db: the H2 option 'DB_CLOSE_DELAY' is not accepted");
    }

    @Test
    void remoteAndOtherFileSystemsAreRefused() {
        assertThatThrownBy(() -> DataPaths.checkUserUrl("jdbc:h2:tcp://localhost/~/ws", "--db"))
                .hasMessage("--db: 'tcp:' H2 URLs are not accepted; give jdbc:h2:file:PATH, jdbc:h2:mem:NAME "
                        + "or a file path");
        assertThatThrownBy(() -> DataPaths.checkUserUrl("jdbc:h2:file:nioMapped:/w/ws", "--db"))
                .hasMessage("--db: 'nioMapped:' file systems are not accepted; give a plain file path");
        assertThatThrownBy(() -> DataPaths.checkUserUrl("jdbc:h2:zip:/w/a.zip!/ws", "--db"))
                .hasMessageStartingWith("--db: 'zip:' H2 URLs are not accepted");
    }

    @Test
    void environmentVariableIsCheckedToo() {
        DataPaths paths = new DataPaths(java.nio.file.Path.of("/data"));
        assertThatThrownBy(() -> paths.resolveJdbcUrl(null, Map.of(DataPaths.DB_ENV, "jdbc:h2:file:/w;INIT=x")))
                .hasMessageStartingWith("POSITIONLAB_DB: the H2 option 'INIT'");
        assertThat(paths.resolveJdbcUrl(null, Map.of(DataPaths.DB_ENV, "/env/db"))).isEqualTo("jdbc:h2:file:/env/db");
    }
}
