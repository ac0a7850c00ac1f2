package com.positionlab.ui;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.positionlab.config.DataPaths;
import com.positionlab.ui.shell.MainViewModel;
import com.positionlab.ui.shell.Theme;

/** Starts the whole workstation headless for TestFX on a new in-memory workspace (the demo), and stops it. */
final class HeadlessWorkstation {

    private HeadlessWorkstation() {
    }

    /** The running app, its workspace open, its settings in {@code dataDir}; light theme. */
    static PositionLabApp start(Path dataDir) throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(new DataPaths(dataDir), "jdbc:h2:mem:ui-" + UUID.randomUUID(), Theme.LIGHT);
        PositionLabApp app = (PositionLabApp) FxToolkit.setupApplication(() -> new PositionLabApp(config));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.workstation() != null
                && app.workstation().model().stateProperty().get() == MainViewModel.WorkspaceState.READY);
        return app;
    }

    static void stop(PositionLabApp app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
