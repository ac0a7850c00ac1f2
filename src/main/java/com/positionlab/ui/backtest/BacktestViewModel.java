package com.positionlab.ui.backtest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.domain.StoredBacktest;
import com.positionlab.service.Json;
import com.positionlab.service.backtest.BacktestHistory;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.service.backtest.BacktestResponse;
import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.ui.backtest.BacktestChoices.Choice;
import com.positionlab.ui.backtest.BacktestChoices.UniverseChoice;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;
import com.positionlab.ui.task.Work;

/**
 * The Backtest view: strategies replayed side by side over a universe's stored prices with trading costs, their
 * equity, drawdowns, statistics (in and out of sample with a split date), attribution by sector against equal
 * weight and trades; a sweep of the first strategy's lookback and rebalance; the sizing rules over a workspace
 * strategy's closed trades; and the stored backtests, reloaded without running them again. Every run goes to the
 * background, is stored with its inputs, and only the newest is shown; a result says when the inputs changed
 * after it.
 */
public final class BacktestViewModel {

    /** How many stored backtests the history lists. */
    static final int RECENT = 30;

    /** A portfolio backtest on screen: the answer, its runs, the request, the inputs in words, and when stored. */
    public record Result(BacktestResponse response, List<Run> runs, BacktestRequest request, String caption,
                         StoredBacktest stored) {
    }

    private final BacktestHistory history;
    private final WorkspaceService workspace;
    private final PortfolioService portfolio;
    private final LatestRun runs;
    private final SweepRuns sweeps;
    private final SizingRuns sizings;
    private final BacktestForm form = new BacktestForm();
    private final FieldProblems problems = new FieldProblems(form);
    private final ObservableList<UniverseChoice> universes = FXCollections.observableArrayList();
    private final ObservableList<StoredBacktest> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StatisticsGrid> statistics = new ReadOnlyObjectWrapper<>(StatisticsGrid.EMPTY);
    private final ObservableList<String> strategyLabels = FXCollections.observableArrayList();
    private final StringProperty chosen = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Run> chosenRun = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final BooleanProperty logScale = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataRange = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper("");
    private final BooleanBinding busy;
    private boolean loading;

    public BacktestViewModel(BacktestHistory history, WorkspaceService workspace, PortfolioService portfolio,
                             TaskRunner runner, WorkspaceChanges changes) {
        this.history = history;
        this.workspace = workspace;
        this.portfolio = portfolio;
        this.runs = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.CANCEL);
        this.sweeps = new SweepRuns(history, runner);
        this.sizings = new SizingRuns(history, runner);
        this.busy = runs.busyProperty().or(sweeps.busyProperty()).or(sizings.busyProperty());
        form.fields().forEach((name, p) -> p.addListener((o, a, b) -> edited(name)));
        form.universeProperty().addListener((o, a, b) -> edited("universe"));
        form.rebalanceProperty().addListener((o, a, b) -> edited("rebalance"));
        for (int k = 0; k < BacktestChoices.STRATEGIES.size(); k++) {
            form.strategy(k).addListener((o, a, b) -> edited("strategies"));
        }
        sizings.strategyProperty().addListener((o, a, b) -> {
            problems.edited("sizing_strategy");
            problems.check();
        });
        chosen.addListener((o, a, b) -> updateChosen());
        changes.revisionProperty().addListener((o, a, b) -> refresh());
    }

    // ---- state -------------------------------------------------------------------------------

    /** A typed field by its contract name (start, end, split_date, lookback, costs_bps, ...). */
    public StringProperty field(String name) {
        return form.field(name);
    }

    public ObjectProperty<UniverseChoice> universeProperty() {
        return form.universeProperty();
    }

    public ObservableList<UniverseChoice> universes() {
        return universes;
    }

    /** Whether the strategy of the list of choices at {@code index} is compared. */
    public BooleanProperty strategyChecked(int index) {
        return form.strategy(index);
    }

    public ObjectProperty<Choice> rebalanceProperty() {
        return form.rebalanceProperty();
    }

    /** The problems of the fields by field name, as typed or as the service refused them. */
    public ObservableMap<String, String> errors() {
        return problems.shown();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatisticsGrid> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    /** The strategies of the result, by label, for the attribution and trades. */
    public ObservableList<String> strategyLabels() {
        return strategyLabels;
    }

    /** The strategy whose attribution and trades are shown. */
    public StringProperty chosenProperty() {
        return chosen;
    }

    public ReadOnlyObjectProperty<Run> chosenRunProperty() {
        return chosenRun.getReadOnlyProperty();
    }

    /** What the strategies' rebalances noted (a rebalance without a solution), as "Strategy: note". */
    public ObservableList<String> notes() {
        return notes;
    }

    /** Whether the equity chart shows growth on a logarithmic scale. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Whether an input changed since the result shown was run. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The span of the workspace's prices, in words, for the period fields. */
    public ReadOnlyStringProperty dataRangeProperty() {
        return dataRange.getReadOnlyProperty();
    }

    /** The prices' currency ("" when the instruments mix currencies). */
    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** The stored backtests, newest first. */
    public ObservableList<StoredBacktest> recent() {
        return recent;
    }

    /** The sweep: its ranking statistic, result and whether it is out of date. */
    SweepRuns sweeps() {
        return sweeps;
    }

    /** The strategy the sweep varies (the first checked), or null when none is checked. */
    public String sweptStrategy() {
        List<Choice> c = form.checked();
        return c.isEmpty() ? null : c.get(0).label();
    }

    /** The sizing rules over a strategy's trades: the strategies, the chosen one, the result. */
    SizingRuns sizings() {
        return sizings;
    }

    /** Whether the result on screen may be exported: present and up to date. */
    public BooleanBinding canReportProperty() {
        return result.isNotNull().and(stale.not());
    }

    /** The result on screen as the backtest command prints it, for the report. */
    public JsonNode reportJson() {
        return Json.mapper().valueToTree(result.get().response());
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Reads the workspace's universes, prices, strategies and stored backtests; shows the default backtest once: the stored one of the same request, or a fresh run. */
    public void refresh() {
        runs.runNow("Loading the backtest setup", p -> Workspace.of(workspace, portfolio, history, RECENT),
                this::loaded, e -> status.set("Could not load the workspace: " + ErrorMessages.describe(e)), () -> { });
    }

    /** Backtests the checked strategies (the Run button). */
    public void run() {
        Map<String, String> found = new LinkedHashMap<>();
        BacktestRequest request = form.read(found);
        if (request == null) {
            refuse(found);
            return;
        }
        problems.accepted();
        String universe = form.universeProperty().get().label();
        status.set("Backtesting " + request.strategies().size() + " strategies…");
        runs.runNow("Backtesting " + request.strategies().size() + " strategies",
                p -> new RunOutcome(history.run(request, p), history.recent(RECENT)), o -> {
                    showResult(o.loaded(), universe, null);
                    recent.setAll(o.recent());
                    status.set(Captions.done(result.get().runs(), o.loaded().stored()));
                }, e -> failed(e, null), () -> status.set("Cancelled: the results shown are the earlier ones."));
    }

    /** Sweeps the first checked strategy over the lookbacks and rebalances (or target volatilities). */
    public void runSweep() {
        Map<String, String> found = new LinkedHashMap<>();
        BacktestRequest request = form.readSweep(sweeps.rankByProperty().get(), found);
        if (request == null) {
            refuse(found);
            return;
        }
        problems.accepted();
        String caption = Captions.sweep(request, sweptStrategy(), form.universeProperty().get().label(), null);
        status.set("Sweeping " + sweptStrategy() + "…");
        sweeps.run(request, caption, list -> {
            recent.setAll(list);
            status.set("Swept " + sweptStrategy() + "; stored in the history.");
        }, e -> failed(e, "sweep"), () -> status.set("Sweep cancelled."));
    }

    /** Compares the default sizing rules over the chosen workspace strategy's closed trades. */
    public void runSizing() {
        Map<String, String> found = new LinkedHashMap<>();
        BacktestRequest request = form.readSizing(sizings.strategyId(), found);
        if (request == null) {
            refuse(found);
            return;
        }
        problems.accepted();
        status.set("Replaying " + sizings.nameOf(request.strategyId()) + "'s trades…");
        sizings.run(request, currency.get(), list -> {
            recent.setAll(list);
            status.set("Compared the sizing rules over " + sizings.nameOf(request.strategyId())
                    + "'s trades; stored in the history.");
        }, e -> failed(e, "sizing_strategy"), () -> status.set("Sizing comparison cancelled."));
    }

    /** Shows a stored backtest as it was answered, with its inputs, without running it again. */
    public void reload(StoredBacktest stored) {
        if (stored == null) {
            return;
        }
        Work<BacktestHistory.Loaded> read = p -> history.load(stored.backtestId()).orElseThrow(() ->
                new IllegalStateException("the backtest \"" + stored.label() + "\" can no longer be read back"));
        String when = com.positionlab.ui.common.Formats.dateTime(stored.createdAt());
        switch (stored.kind()) {
            case "sweep" -> sweeps.reload(read, stored, this::universeName,
                    () -> status.set("Reloaded the sweep of " + when + " (not run again)."), e -> failed(e, null));
            case "trade_sequence" -> sizings.reload(read, stored, currency.get(),
                    () -> status.set("Reloaded the sizing comparison of " + when + " (not run again)."),
                    e -> failed(e, null));
            default -> runs.runNow("Reloading a backtest", read, l -> {
                showResult(l, universeName(l.request()), stored);
                status.set("Reloaded the backtest of " + when + " (not run again).");
            }, e -> failed(e, null), () -> { });
        }
    }

    /** Stops every run in progress; the results shown stay. */
    public void cancel() {
        runs.cancel();
        sweeps.cancel();
        sizings.cancel();
        status.set("Cancelled: the results shown are the earlier ones.");
    }

    // ---- internals ---------------------------------------------------------------------------

    private void loaded(Workspace w) {
        loading = true;
        UniverseChoice was = form.universeProperty().get();
        universes.setAll(w.universes());
        form.universeProperty().set(w.universes().stream().filter(u -> was != null && u.label().equals(was.label()))
                .findFirst().orElse(w.defaultUniverse()));
        form.setCurrency(w.currency());
        currency.set(w.currency());
        if (form.field("end").get().isBlank() && w.last() != null) {
            form.field("end").set(w.last().toString());
            form.field("start").set(w.defaultStart(Integer.parseInt(BacktestForm.DEFAULTS.get("lookback"))).toString());
        }
        dataRange.set(w.first() == null ? "The workspace has no prices: import some in the Data view."
                : "Prices from " + w.first() + " to " + w.last() + " (" + w.dates().size() + " trading days)");
        sizings.load(w.strategies());
        recent.setAll(w.recent());
        loading = false;
        problems.check();
        if (result.get() == null) {
            Reopen.matching(w.recent(), form.read(new LinkedHashMap<>())).ifPresentOrElse(this::reload, this::run);
        } else {
            markStale("The workspace changed since this result: Run to backtest it again.");
            sweeps.inputsChanged();
        }
    }

    private void edited(String field) {
        problems.edited(field);
        if (loading) {
            return;
        }
        problems.check();
        markStale("Inputs changed since this result: Run to backtest them.");
        sweeps.inputsChanged();
        if (field.equals("initial_capital") || field.equals("costs_bps")) {
            sizings.inputsChanged();
        }
    }

    private void markStale(String why) {
        if (result.get() != null && !stale.get()) {
            stale.set(true);
            status.set(why);
        }
    }

    private void refuse(Map<String, String> found) {
        problems.show(found);
        status.set("Correct the fields marked in red: " + String.join(", ", found.keySet()) + ".");
    }

    private void failed(Throwable e, String fallback) {
        problems.refused(e, fallback);
        status.set("No result: " + ErrorMessages.describe(e));
    }

    private void showResult(BacktestHistory.Loaded l, String universe, StoredBacktest stored) {
        List<Run> list = l.response() instanceof BacktestResponse.Comparison c ? c.results()
                : List.of((Run) l.response());
        List<String> labels = list.stream().map(Run::label).toList();
        result.set(new Result(l.response(), list, l.request(), Captions.of(l.request(), labels, universe, stored),
                stored));
        stale.set(false);
        statistics.set(StatisticsGrid.of(list, form.currency()));
        strategyLabels.setAll(labels);
        notes.setAll(list.stream().flatMap(r -> r.notes() == null ? Stream.<String>empty()
                : r.notes().stream().map(n -> r.label() + ": " + n)).toList());
        if (labels.contains(chosen.get())) {
            updateChosen();
        } else {
            chosen.set(labels.get(0));
        }
    }

    private void updateChosen() {
        Result r = result.get();
        chosenRun.set(r == null ? null : r.runs().stream().filter(x -> x.label().equals(chosen.get())).findFirst()
                .orElse(null));
    }

    private String universeName(BacktestRequest r) {
        return universes.stream().filter(u -> u.ids().equals(r.universe())).map(UniverseChoice::label).findFirst()
                .orElse("Universe");
    }
}
