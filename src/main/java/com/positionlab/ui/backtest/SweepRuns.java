package com.positionlab.ui.backtest;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import com.positionlab.domain.StoredBacktest;
import com.positionlab.service.backtest.BacktestHistory;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.service.backtest.BacktestResponse;
import com.positionlab.ui.backtest.BacktestChoices.Choice;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;
import com.positionlab.ui.task.Work;

/**
 * The sweep of the Backtest view: the first checked strategy over three lookbacks and two rebalances (or three
 * target volatilities), ranked by a chosen statistic, run and stored in the background; only the newest sweep
 * is shown, marked out of date once an input changes.
 */
final class SweepRuns {

    /** A sweep on screen: its grid, the request, the inputs in words, and the stored backtest when reloaded. */
    record Shown(SweepGrid grid, BacktestRequest request, String caption, StoredBacktest stored,
                 BacktestResponse response) {
    }

    private final BacktestHistory history;
    private final LatestRun runs;
    private final ObjectProperty<Choice> rankBy = new SimpleObjectProperty<>(BacktestChoices.RANK_BY.get(0));
    private final ReadOnlyObjectWrapper<Shown> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();

    SweepRuns(BacktestHistory history, TaskRunner runner) {
        this.history = history;
        this.runs = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.CANCEL);
        rankBy.addListener((o, a, b) -> inputsChanged());
    }

    ObjectProperty<Choice> rankByProperty() {
        return rankBy;
    }

    ReadOnlyObjectProperty<Shown> resultProperty() {
        return result.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return runs.busyProperty();
    }

    /** The sweep's inputs changed: the sweep shown is out of date. */
    void inputsChanged() {
        stale.set(result.get() != null);
    }

    /**
     * Runs {@code request} (a sweep) and stores it; {@code caption} describes its inputs.
     *
     * @param done     gets the newest stored backtests once the sweep is shown
     * @param failed   gets the reason when it is refused or fails
     * @param cancelled runs when the trader cancels it
     */
    void run(BacktestRequest request, String caption, Consumer<List<StoredBacktest>> done, Consumer<Throwable> failed,
             Runnable cancelled) {
        int points = request.sweep().values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
        runs.runNow("Sweeping " + points + " backtests", p -> new RunOutcome(history.run(request, p),
                        history.recent(BacktestViewModel.RECENT)), o -> {
                    show(o.loaded(), caption, null);
                    done.accept(o.recent());
                }, failed, cancelled);
    }

    /** Shows a sweep read back from the history (or just run). */
    void show(BacktestHistory.Loaded loaded, String caption, StoredBacktest stored) {
        BacktestResponse.Sweep sweep = ((BacktestResponse.SweepResult) loaded.response()).sweep();
        result.set(new Shown(SweepGrid.of(sweep, loaded.request()), loaded.request(), caption, stored,
                loaded.response()));
        stale.set(false);
    }

    /**
     * Shows the stored sweep {@code read} reads, superseding a sweep in progress; {@code universe} names a
     * request's universe for the caption.
     */
    void reload(Work<BacktestHistory.Loaded> read, StoredBacktest stored, Function<BacktestRequest, String> universe,
                Runnable done, Consumer<Throwable> failed) {
        runs.runNow("Reloading a sweep", read, l -> {
            String strategy = ((BacktestResponse.SweepResult) l.response()).sweep().strategy();
            show(l, Captions.sweep(l.request(), strategy, universe.apply(l.request()), stored), stored);
            done.run();
        }, failed, () -> { });
    }

    void cancel() {
        runs.cancel();
    }
}
