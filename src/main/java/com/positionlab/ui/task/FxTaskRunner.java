package com.positionlab.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import com.positionlab.service.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.positionlab.engine.task.CancelledException;

/**
 * The UI's task runner: work runs on a small pool of daemon threads; progress is sampled ten times a
 * second on the JavaFX thread; results and errors are delivered there too.
 */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService pool;
    private final ObservableList<Job> running = FXCollections.observableArrayList();
    private final Timeline sampler;

    public FxTaskRunner() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** With {@code threads} worker threads (tests: one, to keep a job queued behind another). */
    FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "positionlab-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        sampler = new Timeline(new KeyFrame(Duration.millis(100), e -> running.forEach(Job::sample)));
        sampler.setCycleCount(Animation.INDEFINITE);
        sampler.play();
    }

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                          Consumer<Throwable> onFailure) {
        Job job = new Job(title);
        running.add(job);
        // Whoever sets this first owns the job's end: the worker when it starts, or a cancel while queued.
        AtomicBoolean claimed = new AtomicBoolean();
        Future<?> future = pool.submit(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                T value = work.run(job.progressSink());
                Platform.runLater(() -> {
                    running.remove(job);
                    if (job.isCancelRequested()) {
                        job.finish(JobState.CANCELLED);
                    } else {
                        job.finish(JobState.SUCCEEDED);
                        onSuccess.accept(value);
                    }
                });
            } catch (CancelledException | InterruptedException e) {
                Platform.runLater(() -> {
                    running.remove(job);
                    job.finish(JobState.CANCELLED);
                });
            } catch (Throwable e) {
                if (e instanceof ValidationException v) {
                    // The input was refused: the view shows why beside the field; not a fault, no stack trace.
                    LOG.debug("Job '{}' refused its input: {}", title, v.getMessage());
                } else {
                    LOG.warn("Job '{}' failed", title, e);
                }
                Platform.runLater(() -> {
                    running.remove(job);
                    if (job.isCancelRequested()) {
                        job.finish(JobState.CANCELLED);
                    } else {
                        job.finish(JobState.FAILED);
                        onFailure.accept(e);
                    }
                });
            }
        });
        // Cancellation is by flag (Progress.isCancelled), never by interrupt: an interrupt during H2's file
        // I/O makes H2 close the database file.
        // A job cancelled before it started never runs: it leaves the running list here.
        job.setInterrupter(() -> {
            if (claimed.compareAndSet(false, true)) {
                future.cancel(false);
                Platform.runLater(() -> {
                    running.remove(job);
                    job.finish(JobState.CANCELLED);
                });
            }
        });
        return job;
    }

    @Override
    public Delayed after(java.time.Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }

    @Override
    public ObservableList<Job> runningJobs() {
        return running;
    }

    @Override
    public void shutdown() {
        sampler.stop();
        running.forEach(Job::cancel);
        pool.shutdown();
    }
}
