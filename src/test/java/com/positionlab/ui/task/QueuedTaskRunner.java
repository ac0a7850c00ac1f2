package com.positionlab.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.engine.task.CancelledException;

/**
 * A task runner for tests that holds jobs until {@link #runAll()}, so a test can see what happens to a job
 * that is superseded before it runs, like a slow simulation on the real runner.
 */
public final class QueuedTaskRunner implements TaskRunner {

    private final ObservableList<Job> running = FXCollections.observableArrayList();
    private final List<Runnable> queue = new ArrayList<>();
    public final List<Job> submitted = new ArrayList<>();

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Job job = new Job(title);
        running.add(job);
        submitted.add(job);
        queue.add(() -> {
            if (job.isCancelRequested()) {
                running.remove(job);
                job.finish(JobState.CANCELLED);
                return;
            }
            try {
                T value = work.run(job.progressSink());
                running.remove(job);
                if (job.isCancelRequested()) {
                    job.finish(JobState.CANCELLED);
                } else {
                    job.finish(JobState.SUCCEEDED);
                    onSuccess.accept(value);
                }
            } catch (CancelledException e) {
                running.remove(job);
                job.finish(JobState.CANCELLED);
            } catch (Exception e) {
                running.remove(job);
                job.finish(JobState.FAILED);
                onFailure.accept(e);
            }
        });
        return job;
    }

    /** Queues {@code action} like a job, so that a test sees a wait superseded before it ends. */
    @Override
    public Delayed after(java.time.Duration delay, Runnable action) {
        boolean[] cancelled = new boolean[1];
        queue.add(() -> {
            if (!cancelled[0]) {
                action.run();
            }
        });
        return () -> cancelled[0] = true;
    }

    /** Runs the oldest queued job only (what it submits stays queued). */
    public void runNext() {
        queue.remove(0).run();
    }

    /** Runs every queued job (and any job they submit), in order. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.remove(0).run();
        }
    }

    @Override
    public ObservableList<Job> runningJobs() {
        return running;
    }

    @Override
    public void shutdown() {
    }
}
