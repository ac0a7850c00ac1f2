package com.positionlab.ui.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.kelly.Kelly;
import com.positionlab.engine.sim.growth.FractionResult;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.JobState;
import com.positionlab.ui.task.QueuedTaskRunner;
import com.positionlab.ui.task.SyncTaskRunner;

/** The Kelly Lab view model: calculation, validation, the slider's re-run and cancellation, strategies, history. */
class KellyLabViewModelTest {

    private Database db;
    private Store store;
    private final RecordingNotifier notifier = new RecordingNotifier();

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
    }

    private com.positionlab.service.Services services;

    private com.positionlab.service.Services services() {
        if (services == null) {
            services = com.positionlab.service.Services.over(db);
        }
        return services;
    }

    @AfterEach
    void tearDown() {
        if (services != null) {
            services.close();
        }
        db.close();
    }

    private KellyLabViewModel model(com.positionlab.ui.task.TaskRunner runner) {
        KellyLabViewModel m = new KellyLabViewModel(services(), runner, notifier, new WorkspaceChanges());
        m.field("paths").set("2000");
        m.field("bets").set("100");
        return m;
    }

    @Test
    void theMaxKellyFractionIsTypedInPercentAsInRules() {
        KellyLabViewModel m = model(new SyncTaskRunner());
        assertThat(m.field("max_kelly_fraction").get()).isEqualTo("50");
        m.field("max_kelly_fraction").set("10");
        m.calculate();
        // f* = 0.25 is capped at 10% of equity, then a quarter of it is used
        assertThat(m.resultProperty().get().adjustedKelly()).isCloseTo(0.10 * 0.25, within(1e-12));
        m.field("max_kelly_fraction").set("150");
        m.calculate();
        assertThat(m.errors()).containsKey("max_kelly_fraction");
    }

    @Test
    void calculatesKellySimulatesTheChosenFractionAndStoresTheCalculation() {
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.calculate();
        double fStar = Kelly.discrete(0.55, 1.5);
        assertThat(m.resultProperty().get().kellyFraction()).isCloseTo(fStar, within(1e-12));
        assertThat(m.chosenFractionProperty().get()).isCloseTo(0.5 * fStar, within(1e-12));
        double shown = m.resultProperty().get().kellyFraction(); // f* as the service gives it: ten digits
        assertThat(m.simulationProperty().get().fractions()).extracting(FractionResult::fraction)
                .containsExactly(0.5 * shown, shown, 2 * shown);
        assertThat(m.history()).hasSize(1);
        assertThat(m.history().get(0).kellyFraction()).isCloseTo(fStar, within(1e-12));
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void movingTheSliderReRunsTheSimulationForTheNewFraction() {
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.calculate();
        double fStar = m.resultProperty().get().kellyFraction();
        m.kellyMultipleProperty().set(1.5);
        assertThat(m.chosenFractionProperty().get()).isCloseTo(1.5 * fStar, within(1e-12));
        assertThat(m.simulationProperty().get().fractions()).extracting(FractionResult::fraction)
                .contains(1.5 * fStar);
    }

    @Test
    void aSupersededSimulationIsCancelledAndOnlyTheLatestResultIsShown() {
        QueuedTaskRunner runner = new QueuedTaskRunner();
        KellyLabViewModel m = model(runner);
        m.calculate();
        runner.runAll();
        double fStar = m.resultProperty().get().kellyFraction();
        int before = runner.submitted.size();
        m.kellyMultipleProperty().set(0.25);
        m.kellyMultipleProperty().set(1.75);
        var first = runner.submitted.get(before);
        var second = runner.submitted.get(before + 1);
        assertThat(first.isCancelRequested()).as("the superseded run is cancelled").isTrue();
        assertThat(m.simulatingProperty().get()).isTrue();
        runner.runAll();
        assertThat(first.state()).isEqualTo(JobState.CANCELLED);
        assertThat(second.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(m.simulationProperty().get().fractions()).extracting(FractionResult::fraction)
                .contains(1.75 * fStar).doesNotContain(0.25 * fStar);
        assertThat(m.simulatingProperty().get()).isFalse();
    }

    @Test
    void cancelStopsTheRunningSimulation() {
        QueuedTaskRunner runner = new QueuedTaskRunner();
        KellyLabViewModel m = model(runner);
        m.calculate();
        runner.runAll();
        var shown = m.simulationProperty().get();
        m.kellyMultipleProperty().set(1.0);
        m.cancelSimulation();
        runner.runAll();
        assertThat(runner.submitted.get(runner.submitted.size() - 1).state()).isEqualTo(JobState.CANCELLED);
        assertThat(m.simulationProperty().get()).isSameAs(shown);
        assertThat(m.simulatingProperty().get()).isFalse();
    }

    @Test
    void badInputsAreShownPerFieldAndKeptAsTyped() {
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.field("win_rate").set("120");
        m.field("average_loss").set("0");
        m.field("paths").set("lots");
        m.calculate();
        assertThat(m.errors()).containsEntry("win_rate", "must be at least 0 and at most 100, got 120")
                .containsEntry("average_loss", "must be above 0, got 0")
                .containsEntry("paths", "\"lots\" is not a whole number");
        assertThat(m.field("win_rate").get()).isEqualTo("120");
        assertThat(m.resultProperty().get()).isNull();
        m.field("win_rate").set("60");
        assertThat(m.errors()).doesNotContainKey("win_rate");
    }

    @Test
    void aNegativeEdgeSizesToZeroAndSimulatesNothing() {
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.field("win_rate").set("40");
        m.field("average_win").set("100");
        m.calculate();
        assertThat(m.resultProperty().get().adjustedKelly()).isZero();
        assertThat(m.simulationProperty().get()).isNull();
        assertThat(m.chosenFractionProperty().get()).isNaN();
        assertThat(m.statusProperty().get()).contains("No edge");
    }

    @Test
    void aStrategyDrivesTheInputsAndTheBootstrap() {
        new WorkspaceService(store).createDemo(Progress.NONE);
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.refresh();
        assertThat(m.strategies()).hasSize(3);
        m.strategyProperty().set(m.strategies().stream().filter(s -> s.id().equals("TREND")).findFirst().orElseThrow());
        assertThat(m.edgeProperty().get().strategyId()).isEqualTo("TREND");
        assertThat(Integer.parseInt(m.field("sample_size").get())).isGreaterThanOrEqualTo(200);
        // The inputs are filled rounded (win rate to 0.01%, averages to the cent): f* moves by less than 1e-3.
        assertThat(m.resultProperty().get().kellyFraction()).isCloseTo(m.edgeProperty().get().all().kelly(), within(1e-3));
        assertThat(m.field("average_win").get()).matches("\\d+(\\.\\d{1,2})?");
        assertThat(m.field("win_rate").get()).matches("\\d+(\\.\\d{1,2})?");
        assertThat(m.simulationProperty().get().fractions()).allSatisfy(f -> assertThat(f.exactProbabilityOfRuin())
                .as("a trade list is bootstrapped: no exact lattice").isNaN());
    }

    @Test
    void theSensitivityNotesAlwaysBelongToTheResultShownNeverToTheInputsOfTheNextOne() {
        new WorkspaceService(store).createDemo(Progress.NONE);
        QueuedTaskRunner runner = new QueuedTaskRunner();
        KellyLabViewModel m = model(runner);
        m.refresh();
        runner.runAll();
        // Typed inputs: p = 55%, b = 150 / 100; df*/dp = 1 + 1/b = 1.67.
        assertThat(m.notesProperty().get()).anySatisfy(l -> assertThat(l)
                .isEqualTo("df*/dp = 1.67, df*/db = 0.2000 (at p = 55.00%, b = 1.50)"));
        var trend = m.strategies().stream().filter(s -> s.id().equals("TREND")).findFirst().orElseThrow();
        m.strategyProperty().set(trend);
        runner.runNext();
        // The strategy's edge has arrived and filled the inputs, but its Kelly is not calculated yet: the notes
        // still describe the typed calculation and say nothing of the strategy.
        assertThat(m.edgeProperty().get().strategyId()).isEqualTo("TREND");
        assertThat(m.staleProperty().get()).isTrue();
        assertThat(m.notesProperty().get()).contains("df*/dp = 1.67, df*/db = 0.2000 (at p = 55.00%, b = 1.50)")
                .noneMatch(l -> l.startsWith(trend.name()));
        runner.runAll();
        var r = m.resultProperty().get();
        double p = Double.parseDouble(m.field("win_rate").get()) / 100;
        double b = Double.parseDouble(m.field("average_win").get()) / Double.parseDouble(m.field("average_loss").get());
        assertThat(r.kellyFraction()).isCloseTo(p - (1 - p) / b, within(1e-9));
        assertThat(m.notesProperty().get()).anyMatch(l -> l.startsWith(trend.name() + ": "))
                .anyMatch(l -> l.startsWith("df*/dp = " + String.format("%.2f", 1 + 1 / b)) && l.contains(
                        String.format("at p = %.2f%%", 100 * p)))
                .noneMatch(l -> l.contains("at p = 55.00%"));
        assertThat(m.staleProperty().get()).isFalse();

        m.strategyProperty().set(null);
        assertThat(m.notesProperty().get()).as("typed inputs again: no strategy line").noneMatch(l -> l.startsWith(
                trend.name()));
    }

    @Test
    void editingAnInputMarksTheResultsStaleUntilCalculateRunsAgain() {
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.calculate();
        assertThat(m.staleProperty().get()).isFalse();
        m.field("win_rate").set("60");
        assertThat(m.staleProperty().get()).isTrue();
        assertThat(m.statusProperty().get()).contains("Inputs changed");
        m.calculate();
        assertThat(m.staleProperty().get()).isFalse();
        assertThat(m.resultProperty().get().kellyFraction()).isCloseTo(0.6 - 0.4 / 1.5, within(1e-9));
    }

    @Test
    void strategySettingsAreValidatedPerFieldAndSavedSettingsDriveTheSize() {
        new WorkspaceService(store).createDemo(Progress.NONE);
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.refresh();
        m.strategyProperty().set(m.strategies().stream().filter(s -> s.id().equals("TREND")).findFirst().orElseThrow());
        assertThat(m.configField("tier").get()).isEqualTo("STRATEGIST");
        assertThat(m.sizingProperty().get().fraction()).isPositive();
        double before = m.sizingProperty().get().fraction();

        m.configField("kelly_multiplier").set("3");
        m.saveConfig();
        assertThat(m.configErrors()).containsEntry("kelly_multiplier", "must be in (0, 2], got 3");
        assertThat(m.configField("kelly_multiplier").get()).isEqualTo("3");

        m.configField("kelly_multiplier").set("0.1");
        m.saveConfig();
        assertThat(m.configErrors()).isEmpty();
        assertThat(m.field("kelly_multiplier").get()).isEqualTo("0.1");
        assertThat(m.sizingProperty().get().fraction()).isLessThan(before);
        assertThat(m.resultProperty().get().adjustedKelly()).isCloseTo(Math.min(m.resultProperty().get().kellyFraction(),
                0.5) * 0.1, within(1e-12));

        m.convictionProperty().set(com.positionlab.engine.kelly.Conviction.LOW);
        assertThat(m.sizingProperty().get().appliedConviction()).isEqualTo(com.positionlab.engine.kelly.Conviction.LOW);

        m.resetConfig();
        assertThat(m.configField("kelly_multiplier").get()).isEqualTo("0.25");
    }

    @Test
    void sharesOfEquityInTheStrategySettingsAreTypedInPercent() {
        new WorkspaceService(store).createDemo(Progress.NONE);
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.refresh();
        m.strategyProperty().set(m.strategies().stream().filter(s -> s.id().equals("TREND")).findFirst().orElseThrow());
        double stored = store.strategyKellyConfigs().find("TREND").map(c -> c.maxPosition())
                .orElse(com.positionlab.domain.StrategyKellyConfig.defaults("TREND").maxPosition());
        assertThat(Double.parseDouble(m.configField("max_position").get())).isCloseTo(stored * 100, within(1e-9));
        assertThat(m.configField("max_kelly_fraction").get()).isEqualTo("50");

        m.configField("max_position").set("150");
        m.saveConfig();
        assertThat(m.configErrors()).containsEntry("max_position", "must be at least 0 and at most 100, got 150");

        m.configField("max_position").set("12.5%");
        m.saveConfig();
        assertThat(m.configErrors()).isEmpty();
        assertThat(store.strategyKellyConfigs().find("TREND").orElseThrow().maxPosition()).isCloseTo(0.125, within(1e-12));
        assertThat(m.configField("max_position").get()).isEqualTo("12.5");
    }

    @Test
    void aPastCalculationCanBeReloaded() {
        KellyLabViewModel m = model(new SyncTaskRunner());
        m.field("win_rate").set("60");
        m.calculate();
        m.field("win_rate").set("52");
        m.calculate();
        assertThat(m.history()).hasSize(2);
        var older = m.history().get(1);
        m.reload(older);
        assertThat(m.field("win_rate").get()).isEqualTo("60");
        assertThat(m.resultProperty().get().kellyFraction()).isCloseTo(older.kellyFraction(), within(1e-12));
    }

    @Test
    void fractionsToSimulateAreTheChosenOneWithHalfFullAndDoubleKelly() {
        assertThat(KellyInputs.fractionsToSimulate(0.2, 0.3)).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(KellyInputs.fractionsToSimulate(0.2, 0.2)).containsExactly(0.1, 0.2, 0.4);
        assertThat(KellyInputs.fractionsToSimulate(0.6, 0.3)).containsExactly(0.3, 0.6);
    }
}
