package com.positionlab.ui.backtest;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.domain.StoredBacktest;
import com.positionlab.service.backtest.BacktestHistory;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.service.backtest.BacktestResponse.TradeSequence;
import com.positionlab.ui.backtest.Workspace.StrategyChoice;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;

/**
 * The sizing rules of the Backtest view: a workspace strategy's closed trades replayed in exit order under each
 * default sizing rule (Kelly, fixed fraction, optimal f, and fixed risk when every trade has a stop), how much of
 * each rule's result came from its sizing, run and stored in the background.
 */
final class SizingRuns {

    /** A comparison on screen: the answer, the inputs in words, and the stored backtest when reloaded. */
    record Shown(TradeSequence response, String caption, StoredBacktest stored) {
    }

    private final BacktestHistory history;
    private final LatestRun runs;
    private final ObservableList<StrategyChoice> strategies = FXCollections.observableArrayList();
    private final ObjectProperty<StrategyChoice> strategy = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Shown> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();

    SizingRuns(BacktestHistory history, TaskRunner runner) {
        this.history = history;
        this.runs = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.CANCEL);
        strategy.addListener((o, a, b) -> inputsChanged());
    }

    /** The workspace strategies with closed trades. */
    ObservableList<StrategyChoice> strategies() {
        return strategies;
    }

    ObjectProperty<StrategyChoice> strategyProperty() {
        return strategy;
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

    /** Lists the workspace's strategies, keeping the chosen one when it is still there. */
    void load(List<StrategyChoice> list) {
        String was = strategy.get() == null ? null : strategy.get().strategy().id();
        strategies.setAll(list);
        StrategyChoice keep = list.stream().filter(s -> s.strategy().id().equals(was)).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0));
        strategy.set(keep);
    }

    /** The comparison's inputs (the strategy, the capital or the costs) changed. */
    void inputsChanged() {
        stale.set(result.get() != null);
    }

    /** The chosen strategy's id, or null. */
    String strategyId() {
        return strategy.get() == null ? null : strategy.get().strategy().id();
    }

    /** The name of the workspace strategy {@code id} (the id when it is no longer in the workspace). */
    String nameOf(String id) {
        return strategies.stream().filter(s -> s.strategy().id().equals(id)).map(s -> s.strategy().name())
                .findFirst().orElse(id);
    }

    /** Runs {@code request} and stores it; {@code done} gets the newest stored backtests once it is shown. */
    void run(BacktestRequest request, Consumer<List<StoredBacktest>> done, Consumer<Throwable> failed,
             Runnable cancelled) {
        runs.runNow("Replaying " + nameOf(request.strategyId()) + "'s trades", p -> new RunOutcome(
                history.run(request, p), history.recent(BacktestViewModel.RECENT)), o -> {
                    show(o.loaded(), null);
                    done.accept(o.recent());
                }, failed, cancelled);
    }

    /** Shows a comparison read back from the history (or just run). */
    void show(BacktestHistory.Loaded loaded, StoredBacktest stored) {
        TradeSequence t = (TradeSequence) loaded.response();
        result.set(new Shown(t, Captions.sizing(loaded.request(), nameOf(loaded.request().strategyId()), t.trades(),
                stored), stored));
        stale.set(false);
    }

    /** Runs {@code work} on this channel (a reload), superseding a comparison in progress. */
    <T> void reload(String title, com.positionlab.ui.task.Work<T> work, Consumer<? super T> done,
                  Consumer<Throwable> failed) {
        runs.runNow(title, work, done, failed, () -> { });
    }

    void cancel() {
        runs.cancel();
    }
}
