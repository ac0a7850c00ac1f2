package com.positionlab.ui.build;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.service.build.BuildResult;
import com.positionlab.service.build.PortfolioBuilder;
import com.positionlab.service.build.RebalanceSizing;
import com.positionlab.service.build.Selection;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;

/**
 * The Build view's way from a selection to the book, one job at a time in the background: round to whole
 * lots, check each trade against the stored limits through the sizing service, accept the allowed units into
 * the history and the holdings (then every page reloads). A new selection or setup clears what was rounded.
 */
final class RebalanceTrades {

    private final PortfolioBuilder builder;
    private final RebalanceSizing sizing;
    private final Notifier notifier;
    private final WorkspaceChanges changes;
    private final Consumer<String> status;
    private final LatestRun trading;
    private final ReadOnlyObjectWrapper<AllocateResponse> trades = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RebalanceSizing.SizedTrade> sized = FXCollections.observableArrayList();

    RebalanceTrades(PortfolioBuilder builder, RebalanceSizing sizing, TaskRunner runner, Notifier notifier,
                    WorkspaceChanges changes, Consumer<String> status) {
        this.builder = builder;
        this.sizing = sizing;
        this.notifier = notifier;
        this.changes = changes;
        this.status = status;
        this.trading = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.WAIT);
    }

    ReadOnlyObjectProperty<AllocateResponse> tradesProperty() {
        return trades.getReadOnlyProperty();
    }

    ObservableList<RebalanceSizing.SizedTrade> sized() {
        return sized;
    }

    void clear() {
        trades.set(null);
        sized.clear();
    }

    void round(BuildResult r, Selection s, String method) {
        trading.runNow("Rebalancing to whole lots", p -> builder.rebalance(r, s, method), t -> {
            sized.clear();
            trades.set(t);
        }, e -> notifier.error("Rebalance failed", ErrorMessages.describe(e)), () -> { });
    }

    void check(BuildResult r) {
        AllocateResponse t = trades.get();
        if (r == null || t == null) {
            status.accept("Round the selection to lots first.");
            return;
        }
        trading.runNow("Checking " + t.trades().size() + " trades against the limits", p -> sizing.size(r, t),
                sized::setAll, e -> notifier.error("Checking the trades failed", ErrorMessages.describe(e)), () -> { });
    }

    void accept() {
        List<RebalanceSizing.SizedTrade> checked = List.copyOf(sized);
        if (checked.isEmpty()) {
            status.accept("Check the trades against the limits first.");
            return;
        }
        trading.runNow("Accepting " + checked.size() + " trades", p -> sizing.accept(checked), n -> {
            clear();
            notifier.info("Rebalance accepted", n + " trades were filled into the holdings and the history.");
            changes.changed();
        }, e -> notifier.error("Accepting the trades failed", ErrorMessages.describe(e)), () -> { });
    }
}
