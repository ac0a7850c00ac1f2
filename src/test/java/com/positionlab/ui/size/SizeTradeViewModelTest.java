package com.positionlab.ui.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.positionlab.service.optimize.FrontierService;
import com.positionlab.service.optimize.OptimizationHistory;
import com.positionlab.service.optimize.OptimizeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingRequest.RiskBudgets;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.StressScenario;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingResponse.BindingConstraint;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.service.workspace.DemoWorkspace;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.ScriptedDialogs;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.activity.ActivityViewModel;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.JobState;
import com.positionlab.ui.task.QueuedTaskRunner;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.task.SyncTaskRunner;
import com.positionlab.ui.task.TaskRunner;

/** The trade ticket on the demo workspace: sizing, validation, accepting, exporting and the Activity page. */
class SizeTradeViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private PositionSizingService service;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final WorkspaceChanges changes = new WorkspaceChanges();
    private final WorkspaceChanges accepted = new WorkspaceChanges();

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        service = new PositionSizingService(store);
    }

    @AfterEach
    void tearDown() {
        service.close();
        db.close();
    }

    private SizeTradeViewModel ticket(TaskRunner runner, Duration debounce) {
        SizeTradeViewModel m = new SizeTradeViewModel(new com.positionlab.service.workspace.WorkspaceService(store),
                new com.positionlab.service.portfolio.PortfolioService(store), service, List::of, runner, notifier, changes,
                accepted, debounce);
        m.refresh();
        return m;
    }

    private SizeTradeViewModel ticket() {
        return ticket(new SyncTaskRunner(), Duration.ZERO);
    }

    private static void choose(SizeTradeViewModel m, String instrumentId) {
        m.instrumentProperty().set(m.instruments().stream().filter(i -> i.id().equals(instrumentId)).findFirst()
                .orElseThrow());
    }

    @Test
    void opensOnAnInstrumentNotHeldAtItsLastCloseAndSizesIt() {
        SizeTradeViewModel m = ticket();
        InstrumentChoice i = m.instrumentProperty().get();
        assertThat(i.held()).isZero();
        assertThat(m.field(TradeTicket.ENTRY).get()).isEqualTo(TradeTicket.plain(i.lastClose()));
        assertThat(m.resultProperty().get().optimalPosition().instrumentId()).isEqualTo(i.id());
        assertThat(m.resultProperty().get().comparison()).hasSize(SizingMethod.values().length);
        assertThat(m.canAcceptProperty().get()).isTrue();
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void aTargetAndAWinProbabilitySizeKellyFromTheTradesOwnEdgeWithTheAmountAtRisk() {
        SizeTradeViewModel m = ticket();
        m.methodProperty().set(SizingMethod.KELLY_CRITERION);
        m.field(TradeTicket.ENTRY).set("100");
        m.field(TradeTicket.STOP).set("95");
        m.field(TradeTicket.TARGET).set("115");
        m.field(TradeTicket.WIN_PROBABILITY).set("50");
        m.field(TradeTicket.MAX_POSITION).set("1000");
        m.size();
        PositionSizingResponse r = m.resultProperty().get();
        var t = r.sizingAnalysis().optimizationDetails().tradeKelly();
        assertThat(t.rewardToRisk()).isEqualTo(3.0);
        assertThat(r.sizingAnalysis().kellyFraction()).isCloseTo(1.0 / 3, within(1e-9));
        // What is lost at the stop: the units times the 5 between entry and stop.
        assertThat(t.amountAtRisk()).isEqualByComparingTo(r.optimalPosition().recommendedSize()
                .multiply(java.math.BigDecimal.valueOf(5)).setScale(2, java.math.RoundingMode.HALF_EVEN));
    }

    @Test
    void nothingToAcceptAtZeroUnitsAndHoldingsUpdateIsAskedForEachTime() {
        SizeTradeViewModel m = ticket();
        m.field(TradeTicket.MAX_POSITION).set("0.0001");
        m.size();
        assertThat(m.resultProperty().get().optimalPosition().recommendedSize()).isZero();
        assertThat(m.canAcceptProperty().get()).as("zero units").isFalse();

        m.field(TradeTicket.MAX_POSITION).set("10");
        m.size();
        assertThat(m.canAcceptProperty().get()).isTrue();
        m.updateHoldingsProperty().set(true);
        m.accept();
        assertThat(m.updateHoldingsProperty().get()).as("reset after an accept").isFalse();
        assertThat(m.statusProperty().get()).as("no timing in the headline").doesNotContain("ms");
    }

    @Test
    void theVolatilityToggleSizesAgainWithTheRegimeShown() {
        SizeTradeViewModel m = ticket();
        assertThat(m.resultProperty().get().sizingAnalysis().volatilityAdjustment()).isNull();
        m.volatilityAdjustmentProperty().set(true);
        var v = m.resultProperty().get().sizingAnalysis().volatilityAdjustment();
        assertThat(v).isNotNull();
        assertThat(v.regime()).isIn("LOW", "NORMAL", "HIGH");
        assertThat(v.multiplier()).isBetween(0.5, 1.0);
        assertThat(v.reason()).contains("ATR(14)");
    }

    @Test
    void sizingFromTheTicketGivesTheServicesNumbers() {
        SizeTradeViewModel m = ticket();
        choose(m, "SEMI");
        m.field(TradeTicket.ENTRY).set("52.5");
        m.field(TradeTicket.STOP).set("49");
        m.field(TradeTicket.EXPECTED_RETURN).set("12");
        m.convictionProperty().set(Conviction.HIGH);

        PositionSizingRequest same = new PositionSizingRequest(
                new TradingDecision(null, "SEMI", Side.LONG, 52.5, 49.0, 0.12, null, null, Conviction.HIGH, null, null),
                null, new SizingParameters(SizingMethod.KELLY_CRITERION, RiskModel.HISTORICAL_VAR, 0.95, null, 0.10,
                null, null, null, null, null, null, null, null, 1, null, null, null),
                new RiskConstraints(0.25, null, null, 0.40, null, 1.5),
                new RiskBudgets(0.25, Map.of("Technology", 0.40), null, null, null),
                List.of(new StressScenario("Technology -20%", null, Map.of("Technology", -0.20))), null);
        PositionSizingResponse expected = service.sizeAllMethods(same);
        PositionSizingResponse shown = m.resultProperty().get();

        assertThat(shown.optimalPosition().recommendedSize()).isEqualByComparingTo(
                expected.optimalPosition().recommendedSize());
        assertThat(shown.optimalPosition().recommendedNotional()).isEqualByComparingTo(
                expected.optimalPosition().recommendedNotional());
        assertThat(shown.optimalPosition().recommendedWeight()).isEqualTo(expected.optimalPosition().recommendedWeight());
        assertThat(shown.sizingAnalysis().kellyFraction()).isEqualTo(expected.sizingAnalysis().kellyFraction());
        assertThat(shown.riskMetrics()).usingRecursiveComparison().isEqualTo(expected.riskMetrics());
        assertThat(shown.bindingConstraints()).extracting(BindingConstraint::name)
                .isEqualTo(expected.bindingConstraints().stream().map(BindingConstraint::name).toList());
        assertThat(shown.riskBudgets()).usingRecursiveComparison().isEqualTo(expected.riskBudgets());
        assertThat(shown.stressTests()).usingRecursiveComparison().isEqualTo(expected.stressTests());
        assertThat(shown.comparison()).usingRecursiveComparison().isEqualTo(expected.comparison());
        assertThat(shown.optimalPosition().recommendedSize()).isPositive();
    }

    @Test
    void aChosenRuleFillsTheTicketAndIsNamedInTheRequest() {
        SizingRule rule = new SizingRule("R1", "Cautious vol target", "", true, 1, new SizingParameters(
                SizingMethod.VOLATILITY_ADJUSTED, RiskModel.PARAMETRIC, 0.99, null, 0.05, null, 0.08, null, null,
                null, null, null, null, 5, null, null, null), new RiskConstraints(0.18, null, null, 0.3, null, 1.0));
        service.close();
        service = new PositionSizingService(store, id -> id.equals("R1") ? Optional.of(rule) : Optional.empty());
        SizeTradeViewModel m = new SizeTradeViewModel(new com.positionlab.service.workspace.WorkspaceService(store),
                new com.positionlab.service.portfolio.PortfolioService(store), service, () -> List.of(rule), new SyncTaskRunner(),
                notifier, changes, accepted, Duration.ZERO);
        m.refresh();
        assertThat(m.rules()).containsExactly(rule);

        m.ruleProperty().set(rule);

        assertThat(m.methodProperty().get()).isEqualTo(SizingMethod.VOLATILITY_ADJUSTED);
        assertThat(m.riskModelProperty().get()).isEqualTo(RiskModel.PARAMETRIC);
        assertThat(m.field(TradeTicket.CONFIDENCE).get()).isEqualTo("99");
        assertThat(m.field(TradeTicket.HORIZON).get()).isEqualTo("5");
        assertThat(m.field(TradeTicket.MAX_POSITION).get()).isEqualTo("5");
        assertThat(m.field(TradeTicket.MAX_VOLATILITY).get()).isEqualTo("18");
        assertThat(m.field(TradeTicket.LEVERAGE).get()).isEqualTo("1");
        PositionSizingResponse r = m.resultProperty().get();
        assertThat(r.optimalPosition().sizingMethodUsed()).isEqualTo("VOLATILITY_ADJUSTED");
        assertThat(r.sizingAnalysis().optimizationDetails().ruleId()).isEqualTo("R1");
        assertThat(r.riskMetrics().horizonDays()).isEqualTo(5);
        assertThat(m.errors()).isEmpty();
    }

    @Test
    void aBadEntryPriceIsShownBesideTheFieldAndTheTextIsKept() {
        SizeTradeViewModel m = ticket();
        PositionSizingResponse before = m.resultProperty().get();
        long sized = service.metrics().snapshot().count();

        m.field(TradeTicket.ENTRY).set("52.x");

        assertThat(m.errors()).containsEntry(TradeTicket.ENTRY, "\"52.x\" is not a number");
        assertThat(m.field(TradeTicket.ENTRY).get()).isEqualTo("52.x");
        assertThat(m.staleProperty().get()).isTrue();
        assertThat(m.canAcceptProperty().get()).isFalse();
        assertThat(m.resultProperty().get()).isSameAs(before);
        assertThat(service.metrics().snapshot().count()).as("nothing is sent to the service").isEqualTo(sized);

        m.field(TradeTicket.ENTRY).set("-3");
        assertThat(m.errors().get(TradeTicket.ENTRY)).isEqualTo("must be above 0, got -3");
        m.field(TradeTicket.ENTRY).set("52.5");
        assertThat(m.errors()).isEmpty();
        assertThat(m.staleProperty().get()).isFalse();
    }

    @Test
    void aServiceErrorIsShownBesideItsFieldAndTheTicketIsKept() {
        SizeTradeViewModel m = ticket();
        m.field(TradeTicket.ENTRY).set("50");
        m.field(TradeTicket.STOP).set("55");

        assertThat(m.errors().get(TradeTicket.STOP)).isEqualTo("must be below the entry price 50 for a LONG, got 55");
        assertThat(m.field(TradeTicket.STOP).get()).isEqualTo("55");
        assertThat(m.staleProperty().get()).isTrue();

        m.methodProperty().set(SizingMethod.OPTIMAL_F);
        m.field(TradeTicket.STOP).set("");
        assertThat(m.errors().get(TradeTicket.STRATEGY)).startsWith("OPTIMAL_F needs the strategy's trades");
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void acceptingStoresAHistoryRowThatTheActivityPageLists() {
        SizeTradeViewModel m = ticket();
        ActivityViewModel activity = new ActivityViewModel(service, new OptimizationHistory(new Store(db),
                new OptimizeService(), new FrontierService()), new SyncTaskRunner(), notifier, dialogs, changes,
                accepted);
        activity.refresh();
        assertThat(activity.history()).isEmpty();
        PositionSizingResponse r = m.resultProperty().get();

        m.accept();

        assertThat(m.resultAcceptedProperty().get()).isTrue();
        assertThat(m.canAcceptProperty().get()).as("accepted once only").isFalse();
        assertThat(notifier.infos).singleElement().asString().startsWith("Sizing accepted");
        assertThat(activity.history()).singleElement().satisfies(s -> {
            assertThat(s.sizingId()).isEqualTo(r.sizingId());
            assertThat(s.instrumentId()).isEqualTo(r.optimalPosition().instrumentId());
            assertThat(s.recommendedSize()).isEqualByComparingTo(r.optimalPosition().recommendedSize());
            assertThat(s.sizingMethod()).isEqualTo("KELLY_CRITERION");
        });
        assertThat(activity.selectedDetailProperty().get()).contains(r.optimalPosition().instrumentId());
        assertThat(store.portfolios().holdings(DemoWorkspace.PORTFOLIO_ID)).noneMatch(h -> h.instrumentId().equals(
                r.optimalPosition().instrumentId()));
    }

    @Test
    void acceptingWithHoldingsUpdateAddsTheUnitsToThePortfolio() {
        SizeTradeViewModel m = ticket();
        PositionSizingResponse r = m.resultProperty().get();
        m.updateHoldingsProperty().set(true);

        m.accept();

        assertThat(store.portfolios().holdings(DemoWorkspace.PORTFOLIO_ID)).filteredOn(h -> h.instrumentId().equals(
                r.optimalPosition().instrumentId())).extracting(Holding::quantity).singleElement()
                .satisfies(q -> assertThat(q).isEqualByComparingTo(r.optimalPosition().recommendedSize()));
        assertThat(m.instrumentProperty().get().held())
                .isEqualTo(r.optimalPosition().recommendedSize().doubleValue());
    }

    @Test
    void exportWritesTheSizingOnScreenAsAReportWithItsRequest() throws Exception {
        SizeTradeViewModel m = ticket();
        ReportExporter exporter = new ReportExporter(new SyncTaskRunner(), notifier, dialogs, () -> "desk", p -> { });
        Path json = dir.resolve("sizing.json");
        Path pdf = dir.resolve("sizing");
        dialogs.files.add(json);
        dialogs.files.add(pdf);

        exporter.export("the sizing", "sizing", m.report());
        exporter.export("the sizing", "sizing", m.report());

        PositionSizingResponse read = Json.mapper().readValue(Files.readString(json), PositionSizingResponse.class);
        assertThat(read).usingRecursiveComparison().ignoringFields("request")
                .isEqualTo(m.resultProperty().get());
        assertThat(read.request().tradingDecision().instrumentId())
                .isEqualTo(m.resultProperty().get().optimalPosition().instrumentId());
        // A name without an extension is written as PDF.
        try (var doc = org.apache.pdfbox.Loader.loadPDF(dir.resolve("sizing.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Workspace: desk", m.resultProperty().get().optimalPosition().instrumentId(),
                    "Inputs (the request)", "Limits that bound the size");
        }
        assertThat(notifier.infos).hasSize(2).allSatisfy(i -> assertThat(i).contains(dir.toString()));
    }

    @Test
    void cancellingTheSaveDialogWritesNothing() {
        SizeTradeViewModel m = ticket();
        new ReportExporter(new SyncTaskRunner(), notifier, dialogs, () -> "desk", p -> { })
                .export("the sizing", "sizing", m.report());
        assertThat(notifier.infos).isEmpty();
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void theActivityMetricsCountEverySizing() {
        SizeTradeViewModel m = ticket();
        ActivityViewModel activity = new ActivityViewModel(service, new OptimizationHistory(new Store(db),
                new OptimizeService(), new FrontierService()), new SyncTaskRunner(), notifier, dialogs, changes,
                accepted);
        int n = 4;
        for (int i = 0; i < n; i++) {
            m.size();
        }
        activity.sampleMetrics();
        assertThat(activity.metricsProperty().get().count()).as("the opening sizing and n more").isEqualTo(1 + n);
        assertThat(activity.metricsProperty().get().errors()).isZero();
        assertThat(activity.metricsProperty().get().p50Ms()).isPositive();
        assertThat(activity.caches()).hasSize(service.caches().size());
    }

    @Test
    void aChangeWhileSizingSizesAgainAndOnlyTheNewestTicketIsShown() {
        QueuedTaskRunner runner = new QueuedTaskRunner();
        SizeTradeViewModel m = ticket(runner, Duration.ZERO);
        runner.runAll();
        m.field(TradeTicket.ENTRY).set("100");
        m.field(TradeTicket.ENTRY).set("120");
        assertThat(m.busyProperty().get()).isTrue();

        runner.runAll();

        PositionSizingResponse r = m.resultProperty().get();
        assertThat(r.optimalPosition().recommendedNotional()).isEqualByComparingTo(
                r.optimalPosition().recommendedSize().multiply(BigDecimal.valueOf(120)));
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(runner.submitted).allMatch(j -> j.state() == JobState.SUCCEEDED);
    }

    @Test
    void aQuickSecondChangeCancelsTheFirstWaitSoOnlyOneSizingRuns() {
        QueuedTaskRunner runner = new QueuedTaskRunner();
        SizeTradeViewModel m = ticket(runner, Duration.ofMillis(5));
        runner.runAll();
        long sized = service.metrics().snapshot().count();
        int before = runner.submitted.size();

        m.field(TradeTicket.ENTRY).set("100");
        m.field(TradeTicket.ENTRY).set("120");
        runner.runAll();

        assertThat(runner.submitted).hasSize(before + 1); // the first wait was called off: one sizing ran
        assertThat(service.metrics().snapshot().count()).isEqualTo(sized + 1);
        PositionSizingResponse r = m.resultProperty().get();
        assertThat(r.optimalPosition().recommendedNotional()).isEqualByComparingTo(
                r.optimalPosition().recommendedSize().multiply(BigDecimal.valueOf(120)));
    }
}
