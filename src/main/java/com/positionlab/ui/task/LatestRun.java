package com.positionlab.ui.task;

import java.time.Duration;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * "Debounce, then run; only the newest result counts": the one way the ticket, the rule preview and the
 * Kelly Lab's simulation re-run work as their inputs change. Each {@link #request} supersedes every
 * earlier one: once the inputs have been quiet for the debounce delay (a timer of the UI thread), the
 * newest request runs. A request made while a job runs either waits for it and runs next, so that one job
 * runs at a time ({@link WhileRunning#WAIT}, for work that must not be interrupted, such as a sizing that
 * reads the store), or asks it to stop and starts at once ({@link WhileRunning#CANCEL}, for a long
 * simulation). A superseded job's result or failure is never delivered. Call it on the UI thread.
 */
public final class LatestRun {

    /** What a new request does to a job that is still running. */
    public enum WhileRunning { WAIT, CANCEL }

    private final TaskRunner runner;
    private final Duration debounce;
    private final WhileRunning whileRunning;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private long generation;
    private TaskRunner.Delayed waiting;
    private Job running;
    private Runnable next;

    public LatestRun(TaskRunner runner, Duration debounce, WhileRunning whileRunning) {
        this.runner = runner;
        this.debounce = debounce;
        this.whileRunning = whileRunning;
    }

    /** Whether a request is waiting or running whose result will be delivered. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs {@code work} once the inputs have been quiet for the debounce delay, unless superseded. */
    public <T> void request(String title, Work<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        request(title, work, onResult, onFailure, () -> { });
    }

    /** {@link #request}, with what to do when the user cancels the job (from its chip in the status bar). */
    public <T> void request(String title, Work<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure,
                            Runnable onCancelled) {
        enqueue(debounce, title, work, onResult, onFailure, onCancelled);
    }

    /** Runs {@code work} without waiting for the debounce delay (an explicit "Size"), unless superseded. */
    public <T> void runNow(String title, Work<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure,
                           Runnable onCancelled) {
        enqueue(Duration.ZERO, title, work, onResult, onFailure, onCancelled);
    }

    private <T> void enqueue(Duration delay, String title, Work<T> work, Consumer<? super T> onResult,
                             Consumer<Throwable> onFailure, Runnable onCancelled) {
        long gen = supersede();
        busy.set(true);
        Runnable start = () -> start(gen, title, work, onResult, onFailure, onCancelled);
        if (delay.isZero() || delay.isNegative()) {
            start.run();
        } else {
            waiting = runner.after(delay, start);
        }
    }

    /**
     * Drops every request: nothing earlier is delivered. A running job is asked to stop with
     * {@link WhileRunning#CANCEL}, and left to finish unseen with {@link WhileRunning#WAIT}.
     */
    public void cancel() {
        supersede();
        busy.set(false);
    }

    private long supersede() {
        generation++;
        next = null;
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
        if (running != null && whileRunning == WhileRunning.CANCEL) {
            running.cancel();
        }
        return generation;
    }

    private <T> void start(long gen, String title, Work<T> work, Consumer<? super T> onResult,
                           Consumer<Throwable> onFailure, Runnable onCancelled) {
        waiting = null;
        if (gen != generation) {
            return;
        }
        if (running != null && whileRunning == WhileRunning.WAIT) {
            next = () -> start(gen, title, work, onResult, onFailure, onCancelled);
            return;
        }
        Job job = runner.submit(title, work, v -> {
            if (gen == generation) {
                busy.set(false);
                onResult.accept(v);
            }
        }, e -> {
            if (gen == generation) {
                busy.set(false);
                onFailure.accept(e);
            }
        });
        if (job.state().isDone()) {
            ended(gen, job, onCancelled);
        } else {
            running = job;
            job.stateProperty().addListener((o, a, b) -> {
                if (b.isDone()) {
                    ended(gen, job, onCancelled);
                }
            });
        }
    }

    private void ended(long gen, Job job, Runnable onCancelled) {
        if (running == job) {
            running = null;
        }
        if (next != null) {
            Runnable n = next;
            next = null;
            n.run();
        } else if (job.state() == JobState.CANCELLED && gen == generation) {
            busy.set(false);
            onCancelled.run();
        }
    }
}
