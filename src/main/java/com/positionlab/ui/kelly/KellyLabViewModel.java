package com.positionlab.ui.kelly;

import com.positionlab.domain.StoredCalculation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import com.positionlab.domain.Strategy;
import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.kelly.SizingResult;
import com.positionlab.engine.sim.growth.GrowthSimulationRequest;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.service.ValidationException;
import com.positionlab.service.kelly.EdgeReport;
import com.positionlab.service.kelly.KellyCalculationResponse;
import com.positionlab.service.kelly.KellyService;
import com.positionlab.service.kelly.SimulationRequest;
import com.positionlab.service.kelly.SimulationService;
import com.positionlab.service.kelly.StrategyKellyConfigService;
import com.positionlab.service.kelly.StrategySizingService;
import com.positionlab.service.Services;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.TaskRunner;

/**
 * The Kelly Lab: Kelly with its interval and sensitivity for a win rate and payoff (typed, or from a
 * strategy's trades), and a growth simulation of the chosen fraction beside half, full and double Kelly.
 * Moving the fraction slider cancels the running simulation and starts a new one in the background.
 */
public final class KellyLabViewModel {

    private final WorkspaceService workspace;
    private final KellyService kelly;
    private final KellyService preview;
    private final StrategySizingService sizingService;
    private final StrategySettingsForm settings;
    private final ObjectProperty<Conviction> conviction = new SimpleObjectProperty<>(Conviction.MEDIUM);
    private final ReadOnlyObjectWrapper<SizingResult> sizing = new ReadOnlyObjectWrapper<>();
    private final TaskRunner runner;
    private final Notifier notifier;

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableList<Strategy> strategies = FXCollections.observableArrayList();
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>();
    private final DoubleProperty kellyMultiple = new SimpleDoubleProperty(0.5);
    private final ReadOnlyObjectWrapper<KellyCalculationResponse> result = new ReadOnlyObjectWrapper<>();
    /** Whether an input changed since the result shown was calculated. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper stale = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<EdgeReport> edge = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> notes = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<GrowthSimulationResult> simulation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper chosenFraction = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<StoredCalculation> history = FXCollections.observableArrayList();

    private KellyInputs inputs;
    private double[] outcomes;
    private final GrowthRuns simulations;
    private SimulationRequest simulatedWith;

    public KellyLabViewModel(Services services, TaskRunner runner, Notifier notifier, WorkspaceChanges changes) {
        this.workspace = services.workspace();
        this.kelly = services.kelly();
        this.preview = services.calculators().kelly();
        this.sizingService = services.strategySizing();
        this.settings = new StrategySettingsForm(services.strategySettings(), runner, notifier);
        conviction.addListener((o, a, b) -> loadStrategy(strategy.get()));
        this.runner = runner;
        this.simulations = new GrowthRuns(runner);
        this.notifier = notifier;
        String[] defaults = {"55", "150", "100", "", "0.25", "50", "250", "10000", "100000", "50", "2", "42"};
        for (int i = 0; i < KellyInputs.FIELDS.length; i++) {
            String name = KellyInputs.FIELDS[i];
            StringProperty p = new SimpleStringProperty(defaults[i]);
            p.addListener((o, a, b) -> {
                errors.remove(name);
                if (result.get() != null && !stale.get()) {
                    stale.set(true);
                    status.set("Inputs changed: the results show the last calculation; press Calculate.");
                }
            });
            fields.put(name, p);
        }
        kellyMultiple.addListener((o, a, b) -> onSliderMoved());
        strategy.addListener((o, a, s) -> loadStrategy(s));
        changes.revisionProperty().addListener((o, a, b) -> refresh());
    }

    // ---- state -------------------------------------------------------------------------------

    /** The text of an input field; names are those of {@link KellyInputs#FIELDS}. */
    public StringProperty field(String name) {
        StringProperty p = fields.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return p;
    }

    /** Problems with the inputs, by field name; empty when all are fine. */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ObservableList<Strategy> strategies() {
        return strategies;
    }

    /** The strategy whose trades drive the inputs, or null for typed inputs. */
    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    /** The chosen fraction as a multiple of Kelly (0 to 2). */
    public DoubleProperty kellyMultipleProperty() {
        return kellyMultiple;
    }

    public ReadOnlyObjectProperty<KellyCalculationResponse> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The sizing and sensitivity notes of the result shown, from the inputs that result came from. */
    public ReadOnlyObjectProperty<List<String>> notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EdgeReport> edgeProperty() {
        return edge.getReadOnlyProperty();
    }

    /** The wealth at which a path counts as ruined in the simulation shown (NaN before any). */
    public double ruinWealth() {
        return inputs == null ? Double.NaN : inputs.ruinLevel() * inputs.initialCapital();
    }

    /** The request behind {@link #simulationProperty()}'s result (for its report). */
    public SimulationRequest simulatedWith() {
        return simulatedWith;
    }

    public ReadOnlyObjectProperty<GrowthSimulationResult> simulationProperty() {
        return simulation.getReadOnlyProperty();
    }

    /** The chosen fraction of capital: the slider's multiple of f*; NaN without a positive edge. */
    public ReadOnlyDoubleProperty chosenFractionProperty() {
        return chosenFraction.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty simulatingProperty() {
        return simulations.busyProperty();
    }

    /** True while the results shown come from inputs that have since been edited. */
    public javafx.beans.property.ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<StoredCalculation> history() {
        return history;
    }

    /** The text of a strategy configuration field; names are those of {@link StrategyKellyConfigService#FIELDS}. */
    public StringProperty configField(String name) {
        return settings.field(name);
    }

    /** Problems with the strategy configuration being edited, by field name. */
    public ObservableMap<String, String> configErrors() {
        return settings.errors();
    }

    /** The conviction the selected strategy's next bet is sized with. */
    public ObjectProperty<Conviction> convictionProperty() {
        return conviction;
    }

    /** The selected strategy's sized fraction with its adjustments and binding limits; null without a strategy. */
    public ReadOnlyObjectProperty<SizingResult> sizingProperty() {
        return sizing.getReadOnlyProperty();
    }

    /** A warning when the strategy's worst trade lost more than one stake; empty otherwise. */
    public String bootstrapWarning() {
        return strategy.get() == null ? "" : KellyInputs.bootstrapWarning(outcomes);
    }

    /** Saves the edited configuration of the selected strategy and sizes it again. */
    public void saveConfig() {
        if (strategy.get() != null) {
            settings.save(strategy.get(), this::loadStrategy);
        }
    }

    /** Puts the selected strategy's configuration back to the defaults. */
    public void resetConfig() {
        if (strategy.get() != null) {
            settings.reset(strategy.get(), this::loadStrategy);
        }
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Loads the strategies and the calculation history, then calculates. */
    public void refresh() {
        runner.submit("Loading Kelly Lab", p -> new Loaded(workspace.strategies(),
                kelly.recent(50)), loaded -> {
                    Strategy keep = strategy.get();
                    strategies.setAll(loaded.strategies());
                    history.setAll(loaded.history());
                    if (keep != null && !loaded.strategies().contains(keep)) {
                        strategy.set(null);
                    }
                    if (result.get() == null) {
                        calculate(false);
                    }
                }, e -> notifier.error("Could not load the Kelly Lab", ErrorMessages.describe(e)));
    }

    private record Loaded(List<Strategy> strategies, List<StoredCalculation> history) {
    }

    /** Checks the inputs, computes Kelly (stored in the history) and starts the simulation. */
    public void calculate() {
        calculate(true);
    }

    /** As {@link #calculate()}; {@code remember} false is the opening preview, kept out of the history. */
    private void calculate(boolean remember) {
        KellyInputs.Parsed parsed = KellyInputs.parse(texts());
        errors.clear();
        if (parsed.inputs() == null) {
            errors.putAll(parsed.errors());
            status.set("Check the highlighted fields.");
            return;
        }
        KellyInputs in = parsed.inputs();
        Map<String, String> typed = texts();
        KellyService service = remember ? kelly : preview;
        EdgeReport askedEdge = edge.get();
        SizingResult askedSizing = sizing.get();
        String warning = bootstrapWarning();
        runner.submit("Calculating Kelly", p -> service.calculate(in.kellyRequest()), r -> {
            inputs = in;
            notes.set(ResultNotes.of(r, askedEdge, askedSizing, warning));
            result.set(r);
            if (texts().equals(typed)) {
                stale.set(false);
                status.set("");
            }
            refreshHistory();
            simulate();
        }, e -> {
            if (e instanceof ValidationException v) {
                errors.put(KellyInputs.fieldFor(v.field()), v.reason());
                status.set("Check the highlighted fields.");
            } else {
                notifier.error("Kelly not calculated", ErrorMessages.describe(e));
            }
        });
    }

    /** Stops the running simulation. */
    public void cancelSimulation() {
        simulations.cancel();
    }

    /** Puts a past calculation's inputs back and recalculates. */
    public void reload(StoredCalculation c) {
        strategy.set(null);
        if (c.winProbability() == null || c.averageWin() == null || c.averageLoss() == null) {
            notifier.info("Not reloadable here", "That calculation was not a win-rate and payoff calculation.");
            return;
        }
        field("win_rate").set(StrategySettingsForm.plain(c.winProbability() * 100));
        field("average_win").set(StrategySettingsForm.plain(c.averageWin()));
        field("average_loss").set(StrategySettingsForm.plain(c.averageLoss()));
        field("sample_size").set(c.sampleSize() == null ? "" : c.sampleSize().toString());
        calculate();
    }

    private void onSliderMoved() {
        if (inputs != null) {
            simulate();
        }
    }

    private void simulate() {
        KellyCalculationResponse r = result.get();
        cancelSimulation();
        if (r == null || inputs == null) {
            return;
        }
        double fStar = r.kellyFraction();
        if (!(fStar > 0)) {
            chosenFraction.set(Double.NaN);
            simulation.set(null);
            status.set("No edge: Kelly is " + String.format(Locale.ROOT, "%.4f", fStar) + ", so the position sizes to zero.");
            return;
        }
        double chosen = Math.min(KellyInputs.MAX_FRACTION, kellyMultiple.get() * fStar);
        chosenFraction.set(chosen);
        double[] fractions = KellyInputs.fractionsToSimulate(fStar, chosen);
        SimulationRequest asked = inputs.simulationRequest(fractions, outcomes);
        GrowthSimulationRequest request = SimulationService.toEngine(asked);
        status.set("Simulating " + inputs.paths() + " paths of " + inputs.bets() + " bets…");
        simulations.request(request, res -> {
                    simulatedWith = asked;
                    simulation.set(res);
                    status.set("");
                }, e -> {
                    status.set("");
                    notifier.error("Simulation failed", ErrorMessages.describe(e));
                });
    }

    private void loadStrategy(Strategy s) {
        if (s == null) {
            outcomes = null;
            edge.set(null);
            sizing.set(null);
            notes.set(ResultNotes.of(result.get(), null, null, ""));
            return;
        }
        double capital = KellyInputs.capital(field("initial_capital").get(), SimulationService.DEFAULT_INITIAL_CAPITAL);
        Conviction c = conviction.get();
        runner.submit("Sizing " + s.id(), p -> sizingService.size(s.id(), c, capital), d -> applyStrategy(s, d),
                e -> notifier.error("Could not size " + s.id(), ErrorMessages.describe(e)));
    }

    private void applyStrategy(Strategy s, StrategySizingService.StrategySizing d) {
        if (strategy.get() != s) {
            return;
        }
        StrategyKellyConfig c = d.config();
        settings.show(c);
        edge.set(d.edge());
        sizing.set(d.sizing());
        EdgeReport.Window all = d.edge().all();
        if (all.winRate() == null || all.averageWin() == null || all.averageLoss() == null
                || all.averageLoss() == 0 || all.averageWin() == 0) {
            outcomes = null;
            status.set(s.name() + ": " + all.reason());
            return;
        }
        double[] perStake = d.outcomesPerStake();
        outcomes = perStake != null && Arrays.stream(perStake).allMatch(Double::isFinite) ? perStake : null;
        double decisive = all.wins() + all.losses();
        // Rounded as a trader would type them: the win rate to 0.01%, the averages to the cent.
        field("win_rate").set(KellyInputs.rounded(100.0 * all.wins() / decisive));
        field("average_win").set(KellyInputs.rounded(all.averageWin()));
        field("average_loss").set(KellyInputs.rounded(all.averageLoss()));
        field("sample_size").set(Integer.toString((int) decisive));
        field("kelly_multiplier").set(StrategySettingsForm.plain(c.kellyMultiplier()));
        field("max_kelly_fraction").set(StrategySettingsForm.plain(c.maxKellyFraction() * 100));
        calculate();
    }

    private void refreshHistory() {
        runner.submit("Reading Kelly history", p -> kelly.recent(50), history::setAll,
                e -> notifier.error("Could not read the Kelly history", ErrorMessages.describe(e)));
    }

    private Map<String, String> texts() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
