package com.positionlab.ui.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.positionlab.engine.task.Progress;

/**
 * A background job as the UI sees it: title, state, progress and message as read-only properties, and
 * a cancel command. The worker writes progress into volatile fields; the runner copies them into the
 * properties at a fixed rate ({@link #sample()}), so a fast loop never floods the UI thread.
 */
public final class Job {

    private final String title;
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(JobState.RUNNING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile double pendingProgress = -1;
    private volatile String pendingMessage = "";
    private volatile boolean cancelRequested;
    private volatile Runnable interrupter = () -> { };

    public Job(String title) {
        this.title = title;
        this.message.set(title);
        this.pendingMessage = title;
    }

    public String title() {
        return title;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public JobState state() {
        return state.get();
    }

    /** Fraction done in [0, 1], or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Asks the work to stop: its {@link Progress#isCancelled()} turns true (work checks it between steps).
     * The thread is not interrupted, because an interrupt during H2's file I/O closes the database.
     */
    public void cancel() {
        cancelRequested = true;
        interrupter.run();
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** The progress sink handed to the work. */
    Progress progressSink() {
        return new Progress() {
            @Override
            public void update(double fraction, String text) {
                pendingProgress = Math.max(0, Math.min(1, fraction));
                if (text != null) {
                    pendingMessage = text;
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested;
            }
        };
    }

    void setInterrupter(Runnable interrupter) {
        this.interrupter = interrupter;
    }

    /** Copies the worker's latest progress into the properties (on the thread that owns them). */
    void sample() {
        progress.set(pendingProgress);
        message.set(pendingMessage);
    }

    void finish(JobState end) {
        sample();
        if (end == JobState.SUCCEEDED) {
            progress.set(1);
        }
        state.set(end);
    }
}
