package com.positionlab.ui.task;

import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.engine.task.CancelledException;

/** Runs each job at once on the calling thread: for view-model tests and headless rendering. */
public final class SyncTaskRunner implements TaskRunner {

    private final ObservableList<Job> running = FXCollections.observableArrayList();

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                          Consumer<Throwable> onFailure) {
        Job job = new Job(title);
        running.add(job);
        try {
            T value = work.run(job.progressSink());
            running.remove(job);
            job.finish(JobState.SUCCEEDED);
            onSuccess.accept(value);
        } catch (CancelledException e) {
            running.remove(job);
            job.finish(JobState.CANCELLED);
        } catch (Exception e) {
            running.remove(job);
            job.finish(JobState.FAILED);
            onFailure.accept(e);
        }
        return job;
    }

    /** Runs {@code action} at once: there is no time to wait in a synchronous test. */
    @Override
    public Delayed after(java.time.Duration delay, Runnable action) {
        action.run();
        return () -> { };
    }

    @Override
    public ObservableList<Job> runningJobs() {
        return running;
    }

    @Override
    public void shutdown() {
    }
}
