package com.positionlab.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Services;
import com.positionlab.service.portfolio.PortfolioSnapshot;
import com.positionlab.store.WorkspaceFiles;

/** The bundled demo workspace is the demo created in place, and is copied only where nothing is yet. */
class DemoImageTest {

    @TempDir
    Path dir;

    @Test
    void theBuildPutsTheImageOnTheClassPath() {
        assertThat(DemoImage.class.getResource(DemoImage.RESOURCE)).as("mvn process-classes builds it").isNotNull();
    }

    @Test
    void aFirstStartFromTheImageOpensTheSameWorkspaceAsOneCreatedInPlace() throws Exception {
        Path image = dir.resolve("image.mv.db");
        DemoImage.build(image);
        String copied = "jdbc:h2:file:" + dir.resolve("copied");
        assertThat(WorkspaceFiles.installIfNew(copied, () -> Files.newInputStream(image))).isTrue();
        assertThat(dir.resolve("copied.mv.db")).hasSameBinaryContentAs(image);
        assertThat(dir.resolve("copied.mv.db.image")).as("the staged copy is gone").doesNotExist();
        assertThat(WorkspaceFiles.installIfNew(copied, () -> Files.newInputStream(image))).as("only once").isFalse();

        String created = "jdbc:h2:file:" + dir.resolve("created");
        try (Services fromImage = Services.openExisting(copied, com.positionlab.service.imports.ImportService.Backup.ON_CLOSE);
             Services inPlace = Services.openExisting(created, com.positionlab.service.imports.ImportService.Backup.ON_CLOSE)) {
            inPlace.workspace().ensureInitialised(Progress.NONE);
            inPlace.rules().ensureDefaults();
            assertThat(fromImage.workspace().kind()).contains(com.positionlab.domain.WorkspaceKind.DEMO);
            assertThat(fromImage.workspace().summary()).isEqualTo(inPlace.workspace().summary());
            assertThat(fromImage.rules().list()).isEqualTo(inPlace.rules().list());
            PortfolioSnapshot a = fromImage.portfolio().snapshot(fromImage.portfolio().defaultPortfolio().id());
            PortfolioSnapshot b = inPlace.portfolio().snapshot(inPlace.portfolio().defaultPortfolio().id());
            assertThat(a).isEqualTo(b);
            assertThat(fromImage.portfolio().priceHistory("AERO")).isEqualTo(inPlace.portfolio().priceHistory("AERO"));
        }
    }

    @Test
    void anExistingWorkspaceOrOneWithABackupOrAMemoryDatabaseIsLeftAlone() throws Exception {
        Path image = dir.resolve("image.mv.db");
        Files.writeString(image, "not a database");
        Path existing = dir.resolve("existing.mv.db");
        Files.writeString(existing, "mine");
        assertThat(WorkspaceFiles.installIfNew("jdbc:h2:file:" + dir.resolve("existing"), () -> Files.newInputStream(image)))
                .isFalse();
        assertThat(Files.readString(existing)).isEqualTo("mine");

        Files.writeString(dir.resolve("backed.backup.zip"), "a backup");
        assertThat(WorkspaceFiles.installIfNew("jdbc:h2:file:" + dir.resolve("backed"), () -> Files.newInputStream(image)))
                .isFalse();
        assertThat(dir.resolve("backed.mv.db")).doesNotExist();

        assertThat(WorkspaceFiles.installIfNew("jdbc:h2:mem:x", () -> Files.newInputStream(image))).isFalse();
        assertThat(WorkspaceFiles.installIfNew("jdbc:h2:file:" + dir.resolve("none"), () -> null)).isFalse();
        assertThat(dir.resolve("none.mv.db")).doesNotExist();
    }
}
