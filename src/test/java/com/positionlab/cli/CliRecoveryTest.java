package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.store.Database;
import com.positionlab.store.Store;

/**
 * Issue 8 on the command line: a restore is announced in one line on standard error; a damaged workspace
 * without a backup is one line and exit code 1 (it was a 69-line stack trace and exit 0); an import is
 * followed by a backup, so a restore keeps it; {@code --db} options are refused with exit code 2.
 */
class CliRecoveryTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
    }

    @Test
    void restoreIsAnnouncedInOneLineOnStandardError() throws IOException {
        assertThat(run("demo", "--db", db())).isZero();
        garble(dir.resolve("ws.mv.db"));
        assertThat(run("portfolio", "--db", db())).isZero();
        assertThat(err.toString().strip())
                .startsWith("warning: Restored " + dir.resolve("ws.mv.db").toAbsolutePath()
                        + " from the backup ws.backup.zip taken ")
                .doesNotContain("\n");
    }

    @Test
    void damagedWorkspaceWithoutBackupIsOneLineAndExitCodeOne() throws IOException {
        assertThat(run("demo", "--db", db())).isZero();
        Files.delete(dir.resolve("ws.backup.zip"));
        garble(dir.resolve("ws.mv.db"));
        assertThat(run("portfolio", "--db", db())).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: The database " + db() + " is damaged and no usable backup was found beside it. "
                        + "Move " + dir.resolve("ws.mv.db").toAbsolutePath() + " aside to start afresh.");
    }

    @Test
    void importIsBackedUpSoThatARestoreKeepsIt() throws IOException {
        assertThat(run("demo", "--db", db())).isZero();
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "date,instrument,close\n2024-01-02,NEWX,10.5\n2024-01-03,NEWX,11\n");
        assertThat(run("import", "--prices", csv.toString(), "--create-instruments", "--db", db())).isZero();
        garble(dir.resolve("ws.mv.db"));
        try (Database restored = Database.open(db())) {
            assertThat(restored.restoredFromBackup()).isTrue();
            assertThat(new Store(restored).prices().history("NEWX")).hasSize(2);
        }
    }

    @Test
    void databaseOptionsAreRefusedWithExitCodeTwo() {
        assertThat(run("portfolio", "--db", db() + ";INIT=RUNSCRIPT FROM 'evil.sql'")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --db: the H2 option 'INIT' is not accepted "
                + "(PositionLab sets its own options); give only jdbc:h2:file:PATH, jdbc:h2:mem:NAME or a file path");
        assertThat(run("portfolio", "--db", "jdbc:h2:tcp://127.0.0.1/~/ws")).isEqualTo(2);
        assertThat(err.toString()).contains("'tcp:' H2 URLs are not accepted");
        assertThat(dir.resolve("ws.mv.db")).doesNotExist();
    }

    private static void garble(Path file) throws IOException {
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(11).nextBytes(garbage);
        Files.write(file, garbage);
    }
}
