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
import com.positionlab.ui.task.Work;

/**
 * The sizing rules of the Backtest view: a workspace strategy's closed trades replayed in exit order under each
 * default sizing rule (Kelly, fixed fraction, optimal f, and fixed risk when every trade has a stop), how much of
 * each rule's result came from its sizing, run and stored in the background.
 */
final class SizingRuns {

    /**
     * A comparison on screen: the answer, its figures by rule, the inputs in words, and the stored backtest when
     * reloaded.
     */
    record Shown(TradeSequence response, StatisticsGrid grid, String caption, StoredBacktest stored) {
    }

    private final BacktestHistory history;
    private final LatestRun runs;
    private final ObservableList<StrategyChoice> strategies = FXCollections.observableArrayList();
    private final ObjectProperty<StrategyChoice> strategy = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Shown> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<StatisticsGrid> grid = new ReadOnlyObjectWrapper<>(StatisticsGrid.EMPTY);

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

    /** The shown comparison's figures by rule (empty before the first). */
    ReadOnlyObjectProperty<StatisticsGrid> gridProperty() {
        return grid.getReadOnlyProperty();
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
    void run(BacktestRequest request, String currency, Consumer<List<StoredBacktest>> done,
             Consumer<Throwable> failed, Runnable cancelled) {
        runs.runNow("Replaying " + nameOf(request.strategyId()) + "'s trades", p -> new RunOutcome(
                history.run(request, p), history.recent(BacktestViewModel.RECENT)), o -> {
                    show(o.loaded(), currency, null);
                    done.accept(o.recent());
                }, failed, cancelled);
    }

    /** Shows a comparison read back from the history (or just run); {@code currency} is the equity's unit. */
    void show(BacktestHistory.Loaded loaded, String currency, StoredBacktest stored) {
        TradeSequence t = (TradeSequence) loaded.response();
        grid.set(StatisticsGrid.ofSizing(t, currency));
        result.set(new Shown(t, grid.get(), Captions.sizing(loaded.request(), nameOf(loaded.request().strategyId()),
                t.trades(), stored), stored));
        stale.set(false);
    }

    /** Shows the stored comparison {@code read} reads, superseding a comparison in progress. */
    void reload(Work<BacktestHistory.Loaded> read, StoredBacktest stored, String currency, Runnable done,
                Consumer<Throwable> failed) {
        runs.runNow("Reloading a sizing comparison", read, l -> {
            show(l, currency, stored);
            done.run();
        }, failed, () -> { });
    }

    void cancel() {
        runs.cancel();
    }
}
