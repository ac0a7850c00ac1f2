package com.positionlab.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Debounce, then run; only the newest result counts; one run at a time unless the old one is cancelled. */
class LatestRunTest {

    private final QueuedTaskRunner runner = new QueuedTaskRunner();
    private final List<String> shown = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();

    private void request(LatestRun latest, String value) {
        latest.request("job " + value, p -> {
            ran.add(value);
            return value;
        }, shown::add, e -> shown.add("failed " + e.getMessage()));
    }

    @Test
    void aBurstOfRequestsWithinTheDebounceRunsOnlyTheNewest() {
        LatestRun latest = new LatestRun(runner, Duration.ofMillis(250), LatestRun.WhileRunning.WAIT);
        request(latest, "a");
        request(latest, "b");
        request(latest, "c");
        assertThat(latest.busyProperty().get()).isTrue();
        runner.runAll();
        assertThat(ran).containsExactly("c");
        assertThat(shown).containsExactly("c");
        assertThat(latest.busyProperty().get()).isFalse();
    }

    @Test
    void withWaitARequestDuringARunWaitsForItAndTheOldResultIsNotShown() {
        LatestRun latest = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.WAIT);
        request(latest, "a");
        request(latest, "b");
        assertThat(runner.submitted).hasSize(1); // b waits for a, which is never interrupted
        runner.runAll();
        assertThat(ran).containsExactly("a", "b");
        assertThat(shown).containsExactly("b");
        assertThat(runner.submitted).allMatch(j -> j.state() == JobState.SUCCEEDED);
    }

    @Test
    void withCancelARequestDuringARunCancelsItAndStartsAtOnce() {
        LatestRun latest = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.CANCEL);
        request(latest, "a");
        request(latest, "b");
        assertThat(runner.submitted).hasSize(2);
        assertThat(runner.submitted.get(0).isCancelRequested()).isTrue();
        runner.runAll();
        assertThat(ran).containsExactly("b");
        assertThat(shown).containsExactly("b");
    }

    @Test
    void cancelDropsEverythingAndAUserCancelIsReported() {
        LatestRun latest = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.WAIT);
        request(latest, "a");
        latest.cancel();
        assertThat(latest.busyProperty().get()).isFalse();
        runner.runAll();
        assertThat(shown).isEmpty();

        List<String> cancelled = new ArrayList<>();
        latest.request("job b", p -> "b", shown::add, e -> { }, () -> cancelled.add("b"));
        runner.submitted.get(runner.submitted.size() - 1).cancel();
        runner.runAll();
        assertThat(shown).isEmpty();
        assertThat(cancelled).containsExactly("b");
        assertThat(latest.busyProperty().get()).isFalse();
    }

    @Test
    void aFailureOfTheNewestIsShownAndOfASupersededOneIsNot() {
        LatestRun latest = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.WAIT);
        latest.<String>request("old", p -> {
            throw new IllegalStateException("old");
        }, shown::add, e -> shown.add("failed " + e.getMessage()));
        latest.<String>request("new", p -> {
            throw new IllegalStateException("new");
        }, shown::add, e -> shown.add("failed " + e.getMessage()));
        runner.runAll();
        assertThat(shown).containsExactly("failed new");
    }
}
