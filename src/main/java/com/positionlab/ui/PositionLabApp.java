package com.positionlab.ui;

import java.util.List;
import java.util.Objects;

import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import com.positionlab.ui.task.FxTaskRunner;

/** The JavaFX application: one window on the workspace named by the arguments. */
public final class PositionLabApp extends Application {

    private final AppConfig fixedConfig;
    private Workstation workstation;

    public PositionLabApp() {
        this(null);
    }

    /** For tests: a given configuration instead of the command-line parameters. */
    public PositionLabApp(AppConfig config) {
        this.fixedConfig = config;
    }

    @Override
    public void start(Stage stage) {
        AppConfig.restoreJavaFxWarnings();
        AppConfig config = fixedConfig != null ? fixedConfig : AppConfig.parse(getParameters().getRaw());
        workstation = Workstation.build(stage, config, new FxTaskRunner());
        // The workspace opens in the background while the window is shown and laid out.
        workstation.model().openWorkspace(config.jdbcUrl());
        stage.getIcons().setAll(icons());
        stage.show();
        StartupMilestones.reached("window shown");
    }

    /**
     * The window's icon in the sizes a window manager picks from (drawn from assets/icon.svg into
     * packaging/icons, which the build copies into the jar), decoded in the background.
     */
    static List<Image> icons() {
        return List.of(16, 32, 64, 256).stream()
                .map(size -> new Image(Objects.requireNonNull(PositionLabApp.class.getResource(
                        "icons/positionlab-" + size + ".png"), "icon " + size).toExternalForm(), true))
                .toList();
    }

    public Workstation workstation() {
        return workstation;
    }

    @Override
    public void stop() {
        if (workstation != null) {
            workstation.model().shutdown();
        }
    }
}
