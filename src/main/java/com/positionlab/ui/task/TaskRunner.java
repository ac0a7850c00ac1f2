package com.positionlab.ui.task;

import java.util.function.Consumer;

import javafx.collections.ObservableList;

/**
 * Runs every long job of the UI: off the UI thread, with progress and cancellation, and calls back on
 * the UI thread. View models get it by constructor; tests use {@link SyncTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Starts {@code work}. On success {@code onSuccess} gets the value; on failure {@code onFailure} gets
     * the exception; after a cancel neither is called. Both run on the UI thread.
     */
    <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** A delayed action that can still be called off. */
    @FunctionalInterface
    interface Delayed {
        void cancel();
    }

    /**
     * Runs {@code action} on the UI thread once {@code delay} has passed, unless the returned handle cancels
     * it first. A timer of the UI thread waits, never a pool thread.
     */
    Delayed after(java.time.Duration delay, Runnable action);

    /** The jobs still running, for the status bar. */
    ObservableList<Job> runningJobs();

    /** Stops accepting work and cancels what is running. */
    void shutdown();
}
