package com.positionlab.ui.size;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import com.positionlab.domain.Side;
import com.positionlab.domain.Strategy;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.sizing.SizingDefaults;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.ui.common.ReportButton;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.FieldErrors;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;
import com.positionlab.ui.task.Work;
import java.util.function.Function;

/**
 * The "Size a trade" ticket: an instrument, a decision and limits in; the service's sizing of it by the
 * chosen method, and by every method side by side, out. Every change is checked at once (errors by field,
 * the text kept as typed) and, once the ticket has been quiet for the debounce delay, sized in the
 * background. One sizing runs at a time: a change while it runs sizes again when it ends, and only the
 * newest ticket's result is shown. A running sizing is never interrupted, since it may be reading the store.
 */
public final class SizeTradeViewModel {

    /** How long the ticket must be quiet before it is sized. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final WorkspaceService workspace;
    private final PortfolioService portfolio;
    private final PositionSizingService service;
    private final Supplier<List<SizingRule>> activeRules;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final WorkspaceChanges changes;
    private final WorkspaceChanges accepted;
    private final LatestRun sizing;
    private final SizingActions actions;

    private final ObservableList<InstrumentChoice> instruments = FXCollections.observableArrayList();
    private final ObjectProperty<InstrumentChoice> instrument = new SimpleObjectProperty<>();
    private final ObjectProperty<Side> direction = new SimpleObjectProperty<>(Side.LONG);
    private final ObservableList<Strategy> strategies = FXCollections.observableArrayList();
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>();
    private final ObjectProperty<Conviction> conviction = new SimpleObjectProperty<>(Conviction.MEDIUM);
    private final ObservableList<SizingRule> rules = FXCollections.observableArrayList();
    private final ObjectProperty<SizingRule> rule = new SimpleObjectProperty<>();
    private final ObjectProperty<SizingMethod> method = new SimpleObjectProperty<>(SizingDefaults.METHOD);
    private final ObjectProperty<RiskModel> riskModel = new SimpleObjectProperty<>(SizingDefaults.RISK_MODEL);
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final BooleanProperty updateHoldings = new SimpleBooleanProperty();
    private final BooleanProperty volatilityAdjustment = new SimpleBooleanProperty();

    private final ReadOnlyObjectWrapper<PositionSizingResponse> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper resultAccepted = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canAccept;

    private PositionSizingRequest resultRequest;
    private int quiet;

    /**
     * @param activeRules the stored rules offered in the rule picker, by ascending priority (may be empty)
     * @param changes     signalled when accepting also updated the holdings; reloads the ticket when signalled
     * @param accepted    signalled when a sizing is accepted into the history
     * @param debounce    how long the ticket must be quiet before it is sized (zero: at once)
     */
    public SizeTradeViewModel(WorkspaceService workspace, PortfolioService portfolio, PositionSizingService service,
                              Supplier<List<SizingRule>> activeRules,
                              TaskRunner runner, Notifier notifier, WorkspaceChanges changes,
                              WorkspaceChanges accepted, Duration debounce) {
        this.workspace = workspace;
        this.portfolio = portfolio;
        this.service = service;
        this.activeRules = activeRules;
        this.runner = runner;
        this.notifier = notifier;
        this.changes = changes;
        this.accepted = accepted;
        this.sizing = new LatestRun(runner, debounce, LatestRun.WhileRunning.WAIT);
        this.actions = new SizingActions(service.acceptance(), runner, notifier, changes, accepted);
        TradeTicket.defaults().forEach((name, text) -> {
            StringProperty p = new SimpleStringProperty(text);
            p.addListener((o, a, b) -> ticketChanged());
            fields.put(name, p);
        });
        instrument.addListener((o, a, b) -> {
            if (b != null && (a == null || !a.id().equals(b.id()))) {
                quietly(() -> fields.get(TradeTicket.ENTRY).set(TradeTicket.plain(b.lastClose())));
            }
            ticketChanged();
        });
        rule.addListener((o, a, b) -> {
            quietly(() -> applyRule(b));
            ticketChanged();
        });
        List.of(direction, strategy, conviction, method, riskModel, volatilityAdjustment)
                .forEach(p -> p.addListener((o, a, b) -> ticketChanged()));
        ReadOnlyBooleanProperty busy = sizing.busyProperty();
        canAccept = Bindings.createBooleanBinding(() -> result.get() != null && !stale.get() && !busy.get()
                && !resultAccepted.get() && result.get().optimalPosition().recommendedSize().signum() > 0, result, stale,
                busy, resultAccepted);
        changes.revisionProperty().addListener((o, a, b) -> refresh());
    }

    // ---- state -------------------------------------------------------------------------------

    public ObservableList<InstrumentChoice> instruments() {
        return instruments;
    }

    public ObjectProperty<InstrumentChoice> instrumentProperty() {
        return instrument;
    }

    public ObjectProperty<Side> directionProperty() {
        return direction;
    }

    public ObservableList<Strategy> strategies() {
        return strategies;
    }

    /** The strategy the trade belongs to (its trades feed OPTIMAL_F and strategy budgets), or null. */
    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public ObjectProperty<Conviction> convictionProperty() {
        return conviction;
    }

    /** The active stored rules; empty until the workspace has some. */
    public ObservableList<SizingRule> rules() {
        return rules;
    }

    /** The rule whose parameters and constraints fill the ticket, or null to choose them by hand. */
    public ObjectProperty<SizingRule> ruleProperty() {
        return rule;
    }

    public ObjectProperty<SizingMethod> methodProperty() {
        return method;
    }

    public ObjectProperty<RiskModel> riskModelProperty() {
        return riskModel;
    }

    /** The text of a typed field; names are those of {@link TradeTicket#FIELDS}. */
    public StringProperty field(String name) {
        StringProperty p = fields.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return p;
    }

    /**
     * Problems by ticket field (the names of {@link TradeTicket#FIELDS}, or {@code instrument}, {@code strategy},
     * {@code rule}, {@code method}, {@code direction}, and {@code ticket} for the rest); empty when all is fine.
     */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** Whether Accept also adds the units to the portfolio's holding. */
    /** Whether the size is cut when the instrument's ATR is above its median (volatility_adjustment). */
    public BooleanProperty volatilityAdjustmentProperty() {
        return volatilityAdjustment;
    }

    public BooleanProperty updateHoldingsProperty() {
        return updateHoldings;
    }

    /** The newest sizing of the ticket (with the comparison of every method); null before the first. */
    public ReadOnlyObjectProperty<PositionSizingResponse> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True when the ticket has changed into something that cannot be sized: the result is of an earlier ticket. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** True from a change of the ticket until its sizing is shown. */
    public ReadOnlyBooleanProperty busyProperty() {
        return sizing.busyProperty();
    }

    /** True once the shown result has been accepted. */
    public ReadOnlyBooleanProperty resultAcceptedProperty() {
        return resultAccepted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canAcceptProperty() {
        return canAccept;
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Loads the instruments, strategies and rules, keeps the choices that still exist, and sizes the ticket. */
    public void refresh() {
        runner.submit("Loading the trade ticket", p -> TicketData.load(workspace, portfolio, activeRules), this::loaded,
                e -> notifier.error("Could not load the trade ticket", ErrorMessages.describe(e)));
    }

    /** Sizes the ticket now, without waiting for the debounce delay. */
    public void size() {
        startSizing(true);
    }

    /** Stores the shown sizing in the history (and the holdings, when asked). */
    public void accept() {
        PositionSizingResponse r = result.get();
        PositionSizingRequest q = resultRequest;
        if (!canAccept.get() || r == null || q == null) {
            return;
        }
        actions.accept(q, r, updateHoldings.get(), ok -> {
            if (result.get() == ok) {
                resultAccepted.set(true);
            }
            updateHoldings.set(false); // filling the book is asked for each time, never carried over
        });
    }

    /** The sizing on screen, as a report to make (Export…: PDF, CSV, zip or JSON) with the request it answers. */
    public Function<ReportContext, Report> report() {
        PositionSizingResponse shown = result.get();
        return context -> ReportKind.SIZING.build(ReportButton.json(shown), context);
    }

    // ---- loading -----------------------------------------------------------------------------

    private void loaded(TicketData l) {
        quietly(() -> {
            String keepInstrument = instrument.get() == null ? null : instrument.get().id();
            String keepStrategy = strategy.get() == null ? null : strategy.get().id();
            String keepRule = rule.get() == null ? null : rule.get().ruleId();
            instruments.setAll(l.instruments());
            strategies.setAll(l.strategies());
            rules.setAll(l.rules());
            instrument.set(l.instrumentOr(keepInstrument));
            strategy.set(l.strategies().stream().filter(s -> s.id().equals(keepStrategy)).findFirst().orElse(null));
            rule.set(l.rules().stream().filter(r -> r.ruleId().equals(keepRule)).findFirst().orElse(null));
        });
        if (instrument.get() == null) {
            status.set("The workspace has no instrument with prices: import some on the Data page.");
            return;
        }
        size();
    }

    /** Copies what the rule sets into the ticket, so the trader sees it and may override it. */
    private void applyRule(SizingRule r) {
        if (r == null) {
            return;
        }
        if (r.parameters() != null) {
            Optional.ofNullable(r.parameters().sizingMethod()).ifPresent(method::set);
            Optional.ofNullable(r.parameters().riskModel()).ifPresent(riskModel::set);
        }
        TradeTicket.texts(r).forEach((name, text) -> fields.get(name).set(text));
    }

    // ---- sizing ------------------------------------------------------------------------------

    /** Runs {@code change} without each of its property changes starting a sizing. */
    private void quietly(Runnable change) {
        quiet++;
        try {
            change.run();
        } finally {
            quiet--;
        }
    }

    private void ticketChanged() {
        if (quiet > 0) {
            return;
        }
        startSizing(false);
    }

    /**
     * Sizes the ticket through the one "latest run wins" helper: after the debounce delay, or at once when
     * asked; a sizing in progress is never interrupted (it may be reading the store), and only the newest
     * ticket's result is shown.
     */
    private void startSizing(boolean now) {
        TradeTicket.Parsed parsed = check();
        if (parsed.ticket() == null) {
            sizing.cancel();
            markUnsizable();
            return;
        }
        PositionSizingRequest request = parsed.ticket().request(choices());
        String title = "Sizing " + request.tradingDecision().instrumentId();
        status.set(title + "…");
        Work<PositionSizingResponse> work = p -> service.sizeAllMethods(request);
        if (now) {
            sizing.runNow(title, work, r -> show(request, r), this::showFailure, this::sizingCancelled);
        } else {
            sizing.request(title, work, r -> show(request, r), this::showFailure, this::sizingCancelled);
        }
    }

    private void sizingCancelled() {
        status.set("Sizing cancelled; change the ticket or press Size to size it again.");
    }

    private void show(PositionSizingRequest request, PositionSizingResponse r) {
        resultRequest = request;
        result.set(r);
        resultAccepted.set(false);
        stale.set(false);
        status.set("");
    }

    private void showFailure(Throwable e) {
        stale.set(result.get() != null);
        if (e instanceof ValidationException v) {
            for (ValidationException.FieldError f : v.errors()) {
                errors.putIfAbsent(TradeTicket.fieldFor(f.field()), f.reason());
            }
            status.set("The ticket cannot be sized: check the highlighted fields.");
        } else {
            status.set("Sizing failed.");
            notifier.error("Sizing failed", ErrorMessages.describe(e) + ". Your ticket is kept; try again.");
        }
    }

    private void markUnsizable() {
        stale.set(result.get() != null);
        status.set("Check the highlighted fields.");
    }

    /** Parses the ticket and shows its problems; the ticket is null when there are any. */
    private TradeTicket.Parsed check() {
        TradeTicket.Parsed parsed = TradeTicket.check(fields, instrument.get() != null);
        FieldErrors.showExactly(errors, parsed.errors());
        return parsed;
    }

    private TradeTicket.Choices choices() {
        InstrumentChoice i = instrument.get();
        return new TradeTicket.Choices(i.id(), i.sector(), direction.get(),
                strategy.get() == null ? null : strategy.get().id(), conviction.get(),
                rule.get() == null ? null : rule.get().ruleId(), method.get(), riskModel.get(),
                volatilityAdjustment.get());
    }
}
