package com.positionlab.ui.shell;

import com.positionlab.domain.WorkspaceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.service.Services;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.ui.task.QueuedTaskRunner;
import com.positionlab.ui.task.SyncTaskRunner;

/** The shell's view model: theme remembered across restarts, workspace opening and its failure. */
class MainViewModelTest {

    @TempDir
    Path dir;

    @Test
    void themeChoiceIsRememberedAcrossRestarts() throws Exception {
        Path file = dir.resolve("settings.properties");
        MainViewModel first = new MainViewModel(new SyncTaskRunner(), new RecordingNotifier(), Services.userSettings(file), null);
        assertThat(first.themeProperty().get()).isEqualTo(Theme.LIGHT);
        first.toggleTheme();
        assertThat(Files.readString(file)).contains("theme=dark");
        MainViewModel second = new MainViewModel(new SyncTaskRunner(), new RecordingNotifier(), Services.userSettings(file), null);
        assertThat(second.themeProperty().get()).isEqualTo(Theme.DARK);
        MainViewModel overridden = new MainViewModel(new SyncTaskRunner(), new RecordingNotifier(),
                Services.userSettings(file), Theme.LIGHT);
        assertThat(overridden.themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void closingSavesOffTheUiThreadShowsSavingAndThenLeaves() throws Exception {
        FxToolkit.registerPrimaryStage();
        QueuedTaskRunner runner = new QueuedTaskRunner();
        MainViewModel model = new MainViewModel(runner, new RecordingNotifier(),
                Services.userSettings(dir.resolve("s.properties")), null);
        String url = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        WaitForAsyncUtils.asyncFx(() -> model.openWorkspace(url)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(runner::runAll).get(120, TimeUnit.SECONDS);
        assertThat(model.stateProperty().get()).isEqualTo(MainViewModel.WorkspaceState.READY);
        // The first start copied the bundled demo: nothing changed yet, so nothing to back up. A change is.
        var portfolio = model.servicesProperty().get().portfolio();
        portfolio.setCash(portfolio.defaultPortfolio().id(), "60000");

        CountDownLatch left = new CountDownLatch(1);
        Thread[] thenRanOn = new Thread[1];
        MainViewModel.WorkspaceState during = WaitForAsyncUtils.asyncFx(() -> {
            model.closeThen(() -> {
                thenRanOn[0] = Thread.currentThread();
                left.countDown();
            });
            return model.stateProperty().get();
        }).get(5, TimeUnit.SECONDS);

        assertThat(during).isEqualTo(MainViewModel.WorkspaceState.SAVING);
        assertThat(left.await(15, TimeUnit.SECONDS)).as("the window leaves once the workspace is closed").isTrue();
        assertThat(thenRanOn[0].getName()).contains("JavaFX Application Thread");
        assertThat(dir.resolve("ws.backup.zip")).exists();
        try (var reopened = com.positionlab.service.Services.openExisting(url,
                com.positionlab.service.imports.ImportService.Backup.ON_CLOSE)) {
            assertThat(reopened.workspace().instrumentCount()).isEqualTo(30);
        }
    }

    @Test
    void openingANewDatabaseCreatesTheDemoWorkspace() {
        MainViewModel model = new MainViewModel(new SyncTaskRunner(), new RecordingNotifier(),
                Services.userSettings(dir.resolve("s.properties")), null);
        model.openWorkspace("jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(model.stateProperty().get()).isEqualTo(MainViewModel.WorkspaceState.READY);
        var workspace = model.servicesProperty().get().workspace();
        assertThat(workspace.kind()).contains(WorkspaceKind.DEMO);
        assertThat(workspace.instrumentCount()).isEqualTo(30);
        assertThat(model.demoDataProperty().get()).isFalse(); // read when the view asks for it
        model.refreshDemoData();
        assertThat(model.demoDataProperty().get()).isTrue();
        model.shutdown();
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsReportedNotThrown() {
        MainViewModel model = new MainViewModel(new SyncTaskRunner(), new RecordingNotifier(),
                Services.userSettings(dir.resolve("s.properties")), null);
        model.openWorkspace("jdbc:postgresql://nowhere/db");
        assertThat(model.stateProperty().get()).isEqualTo(MainViewModel.WorkspaceState.FAILED);
        assertThat(model.startupErrorProperty().get()).contains("jdbc:postgresql://nowhere/db").contains("only H2");
    }

    @Test
    void anUnreadableSettingsFileFallsBackToDefaults() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.write(file, new byte[] {'t', 'h', 'e', 'm', 'e', '=', '\\', 'u', 'Z', 'Z'});
        MainViewModel model = new MainViewModel(new SyncTaskRunner(), new RecordingNotifier(), Services.userSettings(file), null);
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
    }
}
