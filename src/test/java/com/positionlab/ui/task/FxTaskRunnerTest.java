package com.positionlab.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Every job leaves the running list however it ends, and a job cancelled while queued never runs. */
class FxTaskRunnerTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aJobCancelledWhileQueuedLeavesTheRunningListAndNeverRuns() throws Exception {
        FxTaskRunner runner = onFx(() -> new FxTaskRunner(1));
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        Job busy = onFx(() -> runner.submit("busy", p -> release.await(10, TimeUnit.SECONDS), v -> { }, e -> { }));
        Job queued = onFx(() -> runner.submit("queued", p -> {
            queuedRan.set(true);
            return 1;
        }, v -> { }, e -> { }));
        assertThat(onFx(() -> runner.runningJobs().size())).isEqualTo(2);

        onFx(() -> {
            queued.cancel();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> runner.runningJobs().contains(queued))).isFalse();
        assertThat(onFx(queued::state)).isEqualTo(JobState.CANCELLED);

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> busy.state() == JobState.SUCCEEDED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> runner.runningJobs().isEmpty())).isTrue();
        assertThat(queuedRan).isFalse();
        onFx(() -> {
            runner.shutdown();
            return null;
        });
    }

    @Test
    void aRunningJobCancelledEndsCancelledOnceWithoutItsResult() throws Exception {
        FxTaskRunner runner = onFx(() -> new FxTaskRunner(1));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean delivered = new AtomicBoolean();
        Job job = onFx(() -> runner.submit("long", p -> {
            started.countDown();
            while (!p.isCancelled()) {
                Thread.sleep(5);
            }
            return 1;
        }, v -> delivered.set(true), e -> { }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        onFx(() -> {
            job.cancel();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> job.state() == JobState.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> runner.runningJobs().isEmpty())).isTrue();
        assertThat(delivered).isFalse();
        onFx(() -> {
            runner.shutdown();
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }
}
