package com.positionlab.ui.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import com.positionlab.domain.Range;
import com.positionlab.service.build.BuildResult;
import com.positionlab.service.build.LastBuild;
import com.positionlab.service.build.PortfolioBuilder;
import com.positionlab.service.build.RebalanceSizing;
import com.positionlab.service.build.Selection;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.FieldErrors;
import com.positionlab.ui.common.FieldReader;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;

/**
 * Build a portfolio: choose a universe and a setup, see the efficient frontier with the assets, the current
 * portfolio and the candidates, move along it (hover, click, or a target return or volatility: exact weights
 * between turning points), compare candidates, and turn the selection into whole-lot trades. Every edit
 * recomputes in the background after a pause, and only the newest result is shown; until it arrives the
 * shown result says it is out of date.
 */
public final class BuildViewModel {

    /** How long edits must pause before a recompute. */
    public static final Duration DEBOUNCE = Duration.ofMillis(600);

    private final PortfolioBuilder builder;
    private final LatestRun compute;
    private final RebalanceTrades rebalance;
    private final SavedLists lists;
    private final BuildForm form = new BuildForm();
    private final Universe universe = new Universe();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<BuildResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> hover = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Selection> compared = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final StringProperty targetReturn = new SimpleStringProperty("");
    private final StringProperty targetVolatility = new SimpleStringProperty("");
    private String portfolioId;
    private boolean loading;
    /** The stored build the view reopened on, until its recomputation is shown. */
    private LastBuild reopened;

    public BuildViewModel(PortfolioBuilder builder, RebalanceSizing sizing, TaskRunner runner, Notifier notifier,
                          WorkspaceChanges changes, Duration debounce) {
        this.builder = builder;
        this.compute = new LatestRun(runner, debounce, LatestRun.WhileRunning.CANCEL);
        this.rebalance = new RebalanceTrades(builder, sizing, runner, notifier, changes, status::set);
        this.lists = new SavedLists(builder.lists(), runner, universe, errors, status::set);
        form.fields().forEach((name, p) -> p.addListener((o, a, b) -> edited(name)));
        form.returnsProperty().addListener((o, a, b) -> edited(null));
        form.riskModelProperty().addListener((o, a, b) -> edited(null));
        form.objectiveProperty().addListener((o, a, b) -> selectObjective());
        form.tradeOffsProperty().addListener((o, a, b) -> edited(null));
        universe.changedProperty().addListener((o, a, b) -> edited("universe"));
        form.views().rows().addListener((javafx.collections.ListChangeListener<ViewRows.Row>) c -> {
            while (c.next()) {
                for (ViewRows.Row row : c.getAddedSubList()) {
                    for (StringProperty p : List.of(row.assetProperty(), row.versusProperty(), row.returnProperty(),
                            row.confidenceProperty())) {
                        p.addListener((o, a, b) -> edited(null));
                    }
                }
            }
            edited(null);
        });
        targetReturn.addListener((o, a, b) -> errors.remove("target_return"));
        targetVolatility.addListener((o, a, b) -> errors.remove("target_volatility"));
        changes.revisionProperty().addListener((o, a, b) -> refresh());
    }

    // ---- state -------------------------------------------------------------------------------

    public BuildForm form() {
        return form;
    }

    public Universe universe() {
        return universe;
    }

    /** The saved universe lists. */
    public SavedLists lists() {
        return lists;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyObjectProperty<BuildResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The chosen portfolio (clicked, targeted, or a candidate). */
    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The frontier portfolio under the pointer, null when the pointer is off the curve. */
    public ReadOnlyObjectProperty<Selection> hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    /** The candidates, the current holdings and the selection, side by side. */
    public ObservableList<Selection> compared() {
        return compared;
    }

    public ReadOnlyObjectProperty<AllocateResponse> tradesProperty() {
        return rebalance.tradesProperty();
    }

    /** The trades as the sizing service allows them under the stored limits (after Check against limits). */
    public ObservableList<RebalanceSizing.SizedTrade> sized() {
        return rebalance.sized();
    }

    /** Whether an input changed since the result shown was computed. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return compute.busyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringProperty targetReturnProperty() {
        return targetReturn;
    }

    public StringProperty targetVolatilityProperty() {
        return targetVolatility;
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Loads the instruments, the holdings and the last setup of the default portfolio, then computes. */
    public void refresh() {
        compute.runNow("Loading the universe", p -> Loaded.of(builder), this::loaded,
                e -> status.set("Could not load the workspace: " + ErrorMessages.describe(e)), () -> { });
    }

    /** Computes now (the Compute button), without waiting for the pause after an edit. */
    public void computeNow() {
        start(true);
    }

    /** The pointer is at {@code expectedReturn} on the curve (null: off the curve). */
    public void hover(Double expectedReturn) {
        BuildResult r = result.get();
        hover.set(r == null || expectedReturn == null ? null
                : r.at(expectedReturn, "Frontier at " + FieldReaderText.percent(expectedReturn)));
    }

    /** Selects the frontier portfolio at {@code expectedReturn} (a click on the curve; null: a click off it). */
    public void select(Double expectedReturn) {
        BuildResult r = result.get();
        if (r != null && expectedReturn != null) {
            choose(r.at(expectedReturn, "Frontier at " + FieldReaderText.percent(expectedReturn)));
        }
    }

    /** Selects a candidate by its objective ({@code max_sharpe}, ...), or the current holdings ({@code current}). */
    public void selectCandidate(String method) {
        BuildResult r = result.get();
        if (r == null) {
            return;
        }
        if (method.equals("current")) {
            choose(r.of("Current holdings", r.current(), true));
            return;
        }
        r.candidates().stream().filter(c -> c.method().equals(method) && c.selection() != null).findFirst()
                .ifPresent(c -> choose(c.selection()));
    }

    /** Selects a portfolio given by its weights by ticker (a point of a trade-off). */
    public void selectWeights(String label, Map<String, Double> weights) {
        BuildResult r = result.get();
        if (r == null || weights == null) {
            return;
        }
        double[] w = new double[r.tickers().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.getOrDefault(r.tickers().get(i), 0.0);
        }
        choose(r.of(label, w, true));
    }

    /** Selects one of the compared portfolios. */
    public void selectCompared(Selection s) {
        if (s != null && result.get() != null) {
            choose(s);
        }
    }

    /** Whether the result on screen may be exported: present and up to date. */
    public javafx.beans.binding.BooleanBinding canReportProperty() {
        return result.isNotNull().and(stale.not());
    }

    /** Moves the selection to the typed target return (percent), exactly. */
    public void moveToTargetReturn() {
        Double t = target("target_return", targetReturn.get());
        BuildResult r = result.get();
        if (t != null && r != null) {
            if (t < r.lowestReturn() - 1e-12 || t > r.highestReturn() + 1e-12) {
                errors.put("target_return", "the frontier runs from " + FieldReaderText.percent(r.lowestReturn())
                        + " to " + FieldReaderText.percent(r.highestReturn()));
                return;
            }
            select(t);
        }
    }

    /** Moves the selection to the frontier portfolio of the typed volatility (percent), exactly. */
    public void moveToTargetVolatility() {
        Double t = target("target_volatility", targetVolatility.get());
        BuildResult r = result.get();
        if (t == null || r == null) {
            return;
        }
        double[] vol = r.curveVolatility();
        if (t < vol[0] - 1e-12 || t > vol[vol.length - 1] + 1e-12) {
            errors.put("target_volatility", "the frontier runs from " + FieldReaderText.percent(vol[0]) + " to "
                    + FieldReaderText.percent(vol[vol.length - 1]));
            return;
        }
        select(FrontierCurve.returnAtVolatility(r, t));
    }

    /** Turns the selection into whole-lot trades from the current holdings ({@code greedy} or {@code exact}). */
    public void apply(String method) {
        BuildResult r = result.get();
        Selection s = selection.get();
        if (r == null || s == null || stale.get()) {
            status.set("Select a portfolio of an up-to-date result first.");
            return;
        }
        rebalance.round(r, s, method);
    }

    /** Sizes each rounded trade through the sizing service, against the stored limits, for review. */
    public void checkTrades() {
        rebalance.check(stale.get() ? null : result.get());
    }

    /** Accepts the checked trades (the units the limits allow) into the history and the holdings. */
    public void acceptTrades() {
        rebalance.accept();
    }

    // ---- internals ---------------------------------------------------------------------------

    private void loaded(Loaded l) {
        loading = true;
        portfolioId = l.portfolioId();
        universe.load(l.instruments(), l.held(), l.last() == null ? null : l.last().setup().universe());
        lists.loaded(l.lists());
        reopened = l.last();
        if (reopened != null) {
            form.restore(reopened.setup());
        }
        loading = false;
        start(true);
    }

    private void edited(String field) {
        if (field != null) {
            errors.remove(field);
        }
        if (loading) {
            return;
        }
        rebalance.clear();
        if (result.get() != null) {
            stale.set(true);
            status.set("Inputs changed: recomputing; the chart shows the last result until then.");
        }
        start(false);
    }

    private void start(boolean now) {
        Map<String, String> found = new HashMap<>();
        List<String> ids = universe.selectedIds();
        OptimizeRequest setup = form.read(portfolioId, ids, universe.sectorsOf(ids), universe.heldWeights(),
                universe.esgScores(), found);
        double costRate = form.costRate(found);
        FieldErrors.showExactly(errors, found);
        if (setup == null) {
            compute.cancel();
            status.set("Correct the fields marked in red to recompute.");
            return;
        }
        String title = "Computing the frontier of " + ids.size() + " instruments";
        if (now) {
            compute.runNow(title, p -> builder.build(setup, costRate, p::isCancelled), this::computed, this::failed,
                    () -> status.set("Cancelled: the chart shows the last result."));
        } else {
            compute.request(title, p -> builder.build(setup, costRate, p::isCancelled), this::computed,
                    this::failed, () -> status.set("Cancelled: the chart shows the last result."));
        }
    }

    private void computed(BuildResult r) {
        result.set(r);
        stale.set(false);
        hover.set(null);
        status.set(String.format("%d instruments, %d days of returns; solver: %s.", r.tickers().size(),
                r.dailyReturns().length, r.frontier().solver().name()) + reopenedNote(r));
        selectObjective();
    }

    /** Whether the first result after reopening reproduces the stored build, said once. */
    private String reopenedNote(BuildResult r) {
        LastBuild last = reopened;
        reopened = null;
        if (last == null) {
            return "";
        }
        String when = com.positionlab.ui.common.Formats.dateTime(last.at());
        return last.matches(r) ? " Reopened the build of " + when + ": recomputed, the same result."
                : " Reopened the build of " + when + ": recomputed, and the result differs from the one stored then "
                        + "(prices, holdings or the universe changed since).";
    }

    private void failed(Throwable e) {
        stale.set(result.get() != null);
        String message = ErrorMessages.describe(e);
        int colon = message.indexOf(": ");
        if (colon > 0 && form.fields().containsKey(message.substring(0, colon))) {
            errors.put(message.substring(0, colon), message.substring(colon + 2));
        }
        status.set("No result: " + message);
    }

    private void selectObjective() {
        selectCandidate(form.objectiveProperty().get().api());
    }

    private void choose(Selection s) {
        selection.set(s);
        rebalance.clear();
        BuildResult r = result.get();
        List<Selection> rows = new ArrayList<>();
        r.candidates().stream().filter(c -> c.selection() != null).forEach(c -> rows.add(c.selection()));
        rows.add(r.of("Current holdings", r.current(), true));
        if (rows.stream().noneMatch(x -> x.label().equals(s.label()))) {
            rows.add(s);
        }
        compared.setAll(rows);
    }

    private Double target(String field, String text) {
        Map<String, String> found = new HashMap<>();
        Double v = new FieldReader(Map.of(field, text == null ? "" : text), found).percent(field, true,
                Range.closed(-1, 10));
        found.forEach(errors::put);
        return v;
    }
}
