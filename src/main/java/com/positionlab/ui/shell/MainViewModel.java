package com.positionlab.ui.shell;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import com.positionlab.domain.WorkspaceKind;
import com.positionlab.service.Services;
import com.positionlab.service.UserSettings;
import com.positionlab.ui.StartupMilestones;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.task.Job;
import com.positionlab.ui.task.TaskRunner;

/**
 * The shell's state: the theme (remembered in the settings file), the selected page, the open
 * workspace and the running jobs. Opening the workspace runs in the background.
 */
public final class MainViewModel {

    /** Where the shell is in opening its workspace. */
    /** Longest the window waits for the workspace to close before it goes (the close then finishes unseen). */
    public static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(10);

    public enum WorkspaceState { OPENING, READY, FAILED, SAVING }

    static final String THEME_KEY = "theme";

    private final TaskRunner runner;
    private final Notifier notifier;
    private final UserSettings settings;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<Page> selectedPage = new SimpleObjectProperty<>(Page.PORTFOLIO);
    private final ReadOnlyObjectWrapper<WorkspaceState> state = new ReadOnlyObjectWrapper<>(WorkspaceState.OPENING);
    private final ReadOnlyObjectWrapper<Services> services = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper startupError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper databaseUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper demoData = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean closing = new AtomicBoolean();
    private Services.Running periodicBackup;

    public MainViewModel(TaskRunner runner, Notifier notifier, UserSettings settings, Theme override) {
        this.runner = runner;
        this.notifier = notifier;
        this.settings = settings;
        theme.set(override != null ? override : Theme.parse(settings.get(THEME_KEY).orElse("light")));
        theme.addListener((o, a, b) -> runner.submit("Saving theme", p -> settings.put(THEME_KEY,
                b.name().toLowerCase()), written -> {
                    if (!written) {
                        notifier.error("Theme not remembered", "The settings file could not be written; "
                                + "check that the data folder is writable.");
                    }
                }, e -> notifier.error("Theme not remembered", ErrorMessages.describe(e))));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Page> selectedPageProperty() {
        return selectedPage;
    }

    public ReadOnlyObjectProperty<WorkspaceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Services> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startupErrorProperty() {
        return startupError.getReadOnlyProperty();
    }

    /** Whether the open workspace holds the generated demo data (the status bar says so). */
    public ReadOnlyBooleanProperty demoDataProperty() {
        return demoData.getReadOnlyProperty();
    }

    /** Reads the workspace's kind again in the background, after a change that may have replaced the demo. */
    public void refreshDemoData() {
        Services s = services.get();
        if (s == null) {
            return;
        }
        runner.submit("Reading workspace", p -> s.workspace().kind(),
                kind -> demoData.set(kind.orElse(null) == WorkspaceKind.DEMO), e -> { });
    }

    public ReadOnlyStringProperty databaseUrlProperty() {
        return databaseUrl.getReadOnlyProperty();
    }

    public ObservableList<Job> runningJobs() {
        return runner.runningJobs();
    }

    public TaskRunner runner() {
        return runner;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Opens the workspace at {@code jdbcUrl} in the background (creating the demo on first start). */
    public void openWorkspace(String jdbcUrl) {
        state.set(WorkspaceState.OPENING);
        databaseUrl.set(jdbcUrl);
        runner.submit("Opening workspace", p -> Services.open(jdbcUrl, p), s -> {
            services.set(s);
            s.restoreNotice().ifPresent(notice -> notifier.error("Workspace restored from backup",
                    notice + " Check your latest changes."));
            state.set(WorkspaceState.READY);
            StartupMilestones.reached("workspace open");
            backup(s);
            periodicBackup = s.startPeriodicBackup(Services.BACKUP_INTERVAL,
                    message -> Platform.runLater(() -> notifier.error("Backup not written", message
                            + " Your data is safe; check free disk space in the data folder.")));
        }, e -> {
            startupError.set(ErrorMessages.describe(e));
            state.set(WorkspaceState.FAILED);
        });
    }

    /**
     * Writes the workspace's backup in the background when opening it changed its data (a demo created,
     * starter rules added, a restore); file databases only.
     */
    private void backup(Services s) {
        runner.submit("Writing backup", p -> s.backupIfChanged(), path -> { },
                e -> notifier.error("Backup not written", ErrorMessages.describe(e)
                        + ". Your data is safe; check free disk space in the data folder."));
    }

    /** Shows a workspace that is already open (the screenshot command opens it itself). */
    public void attach(Services opened, String jdbcUrl) {
        databaseUrl.set(jdbcUrl);
        services.set(opened);
        state.set(WorkspaceState.READY);
    }

    /**
     * Closes the window's workspace without blocking the UI thread: the state turns {@code SAVING}, the
     * background jobs are cancelled, and the periodic backup is stopped and the workspace closed (which writes
     * its backup and compacts it when needed) on a thread of its own. {@code then} runs on the UI thread once
     * that is done, or after {@link #CLOSE_WAIT} at the latest; the closing thread keeps the process alive
     * until the workspace is safely closed even when the window has gone.
     */
    public void closeThen(Runnable then) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        state.set(WorkspaceState.SAVING);
        runner.shutdown();
        AtomicBoolean done = new AtomicBoolean();
        Runnable finish = () -> {
            if (done.compareAndSet(false, true)) {
                then.run();
            }
        };
        Thread closer = new Thread(() -> {
            closeWorkspace();
            Platform.runLater(finish);
        }, "positionlab-close");
        closer.start();
        runner.after(CLOSE_WAIT, finish);
    }

    /** Stops background work and closes the workspace (writing a backup), on the calling thread. */
    public void shutdown() {
        if (closing.compareAndSet(false, true)) {
            runner.shutdown();
            closeWorkspace();
        }
    }

    private void closeWorkspace() {
        if (periodicBackup != null) {
            periodicBackup.close();
        }
        Services s = services.get();
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MainViewModel.class).warn("Closing the workspace failed", e);
            }
        }
    }
}
