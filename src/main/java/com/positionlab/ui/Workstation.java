package com.positionlab.ui;

import java.util.Objects;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import com.positionlab.service.Services;
import com.positionlab.service.UserSettings;
import com.positionlab.ui.shell.FxDialogs;
import com.positionlab.ui.shell.FxNotifier;
import com.positionlab.ui.shell.MainView;
import com.positionlab.ui.shell.MainViewModel;
import com.positionlab.ui.task.TaskRunner;
import com.positionlab.config.DataPaths;
import com.positionlab.ui.common.FolderOpener;
import com.positionlab.ui.common.ReportExporter;

/** Builds the workstation's window content: the shell view model, its view and the scene, themed. */
public final class Workstation {

    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;

    private final MainViewModel model;
    private final MainView view;
    private final Scene scene;

    private Workstation(MainViewModel model, MainView view, Scene scene) {
        this.model = model;
        this.view = view;
        this.scene = scene;
    }

    /** Builds the scene on {@code stage} (not shown yet). Call on the JavaFX thread. */
    public static Workstation build(Stage stage, AppConfig config, TaskRunner runner) {
        FxNotifier notifier = new FxNotifier();
        UserSettings settings = Services.userSettings(config.paths().settingsFile());
        MainViewModel model = new MainViewModel(runner, notifier, settings, config.themeOverride());
        model.themeProperty().get().apply();
        FxDialogs dialogs = new FxDialogs(() -> stage);
        ReportExporter exporter = new ReportExporter(runner, notifier, dialogs,
                () -> DataPaths.workspaceName(model.databaseUrlProperty().get()), FolderOpener::open);
        MainView view = new MainView(model, notifier, dialogs, exporter);
        Scene scene = new Scene(view.createView(), WIDTH, HEIGHT, model.themeProperty().get().background());
        model.themeProperty().addListener((o, a, b) -> {
            b.apply();
            scene.setFill(b.background());
        });
        scene.getStylesheets().add(Objects.requireNonNull(
                Workstation.class.getResource("/com/positionlab/ui/positionlab.css")).toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("PositionLab");
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        // Closing saves off the UI thread with a visible "Saving…", then leaves.
        stage.setOnCloseRequest(e -> {
            e.consume();
            model.closeThen(Platform::exit);
        });
        return new Workstation(model, view, scene);
    }

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }
}
