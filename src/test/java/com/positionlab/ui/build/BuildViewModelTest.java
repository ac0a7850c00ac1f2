package com.positionlab.ui.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Services;
import com.positionlab.service.build.BuildResult;
import com.positionlab.service.build.Selection;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.SyncTaskRunner;

/** The Build a portfolio view model on the demo workspace, with the synchronous task runner. */
class BuildViewModelTest {

    private static Database db;
    private static Services services;
    private BuildViewModel m;

    @BeforeAll
    static void demo() {
        db = TestStores.memory();
        new WorkspaceService(new Store(db)).createDemo(Progress.NONE);
        services = Services.over(db);
    }

    @AfterAll
    static void close() {
        services.close();
        db.close();
    }

    @BeforeEach
    void open() {
        m = new BuildViewModel(services.builder(), services.rebalanceSizing(), new SyncTaskRunner(), new RecordingNotifier(),
                new WorkspaceChanges(), Duration.ZERO);
        m.refresh();
    }

    @Test
    void opensOnTheHoldingsWithTheMaximumSharpePortfolioSelected() {
        BuildResult r = m.resultProperty().get();
        assertThat(r).as(m.statusProperty().get()).isNotNull();
        assertThat(r.tickers()).containsExactlyElementsOf(m.universe().selectedIds());
        assertThat(m.selectionProperty().get().label()).isEqualTo("Maximum Sharpe");
        assertThat(m.compared()).extracting(Selection::label).contains("Minimum volatility", "Equal risk (ERC)",
                "Hierarchical risk parity", "Current holdings");
        assertThat(m.staleProperty().get()).isFalse();
    }

    @Test
    void aSavedListPicksItsInstrumentsAgainAfterReopeningAndABadNameKeepsItsText() {
        java.util.List<String> sector = m.universe().shown().stream().map(r -> r.instrument())
                .filter(i -> i.sector().equals(m.universe().sectors().get(0))).map(i -> i.id()).toList();
        m.universe().pickSector(m.universe().sectors().get(0));
        m.lists().nameProperty().set("  ");
        m.lists().save();
        assertThat(m.errors()).containsKey("list_name");
        assertThat(m.lists().nameProperty().get()).isEqualTo("  ");
        String name = "First sector " + System.nanoTime();
        m.lists().nameProperty().set(name);
        assertThat(m.errors()).doesNotContainKey("list_name");
        m.lists().save();
        assertThat(m.lists().names()).contains(name);
        m.universe().pickAll();
        BuildViewModel reopened = new BuildViewModel(services.builder(), services.rebalanceSizing(),
                new SyncTaskRunner(), new RecordingNotifier(), new WorkspaceChanges(), Duration.ZERO);
        reopened.refresh();
        assertThat(reopened.lists().members(name)).containsExactlyElementsOf(sector);
        reopened.lists().pick(name);
        assertThat(reopened.universe().selectedIds()).containsExactlyElementsOf(sector);
        assertThat(reopened.resultProperty().get().tickers()).containsExactlyElementsOf(sector);
        reopened.lists().delete(name);
        assertThat(reopened.lists().names()).doesNotContain(name);
        assertThat(services.builder().lists().all()).doesNotContainKey(name);
    }

    @Test
    void reopeningRestoresTheLastSetupAndSaysTheRecomputedResultIsTheOneStored() {
        m.form().field("max_weight").set("30");
        m.computeNow();
        BuildResult before = m.resultProperty().get();
        BuildViewModel reopened = new BuildViewModel(services.builder(), services.rebalanceSizing(),
                new SyncTaskRunner(), new RecordingNotifier(), new WorkspaceChanges(), Duration.ZERO);
        reopened.refresh();
        assertThat(reopened.form().field("max_weight").get()).isEqualTo("30");
        assertThat(reopened.statusProperty().get()).contains("Reopened the build of").contains("the same result");
        assertThat(reopened.resultProperty().get().tickers()).isEqualTo(before.tickers());
        assertThat(reopened.selectionProperty().get().weights()).containsExactly(
                before.candidates().get(1).selection().weights(), within(1e-12));
        reopened.computeNow();
        assertThat(reopened.statusProperty().get()).doesNotContain("Reopened");
    }

    @Test
    void theSpanOfTheExponentiallyWeightedEstimatorsReachesTheRequestAndABadOneKeepsItsText() {
        m.form().returnsProperty().set(BuildForm.RETURNS.get(1));
        m.computeNow();
        double[] wide = m.resultProperty().get().mu();
        m.form().field("span").set("60");
        m.computeNow();
        BuildResult r = m.resultProperty().get();
        assertThat(r.setup().expectedReturns().span()).isEqualTo(60);
        assertThat(r.mu()).isNotEqualTo(wide);
        m.form().field("span").set("1");
        m.computeNow();
        assertThat(m.errors()).containsKey("span");
        assertThat(m.form().field("span").get()).isEqualTo("1");
        m.form().field("span").set("");
        m.form().returnsProperty().set(BuildForm.RETURNS.get(0));
        m.computeNow();
    }

    @Test
    void theHoverReadoutHasTheEnginesExactWeightsAtThatReturn() {
        BuildResult r = m.resultProperty().get();
        double target = r.lowestReturn() + 0.42 * (r.highestReturn() - r.lowestReturn());
        m.hover(target);
        double[] engine = r.exact().efficientReturn(target);
        double[] shown = m.hoverProperty().get().weights();
        for (int i = 0; i < engine.length; i++) {
            assertThat(shown[i]).isCloseTo(engine[i], within(1e-15));
        }
        assertThat(m.hoverProperty().get().expectedReturn()).isCloseTo(target, within(1e-12));
        m.hover(null);
        assertThat(m.hoverProperty().get()).isNull();
        assertThat(m.selectionProperty().get().label()).isEqualTo("Maximum Sharpe");
    }

    @Test
    void aClickSelectsAndTargetsMoveTheSelectionExactly() {
        BuildResult r = m.resultProperty().get();
        double clicked = r.lowestReturn() + 0.25 * (r.highestReturn() - r.lowestReturn());
        m.select(clicked);
        assertThat(m.selectionProperty().get().expectedReturn()).isCloseTo(clicked, within(1e-12));
        double want = Math.round(100 * (r.lowestReturn() + 0.6 * (r.highestReturn() - r.lowestReturn())) * 1e4) / 1e4;
        m.targetReturnProperty().set(want + "%");
        m.moveToTargetReturn();
        assertThat(m.selectionProperty().get().expectedReturn()).isCloseTo(want / 100, within(1e-12));
        double vol = m.selectionProperty().get().volatility();
        m.targetVolatilityProperty().set(String.valueOf(100 * vol * 0.999 + 100 * 0.001 * r.curveVolatility()[0]));
        m.moveToTargetVolatility();
        double expected = (vol * 0.999 + 0.001 * r.curveVolatility()[0]);
        assertThat(m.selectionProperty().get().volatility()).isCloseTo(expected, within(1e-9));
        m.targetReturnProperty().set("900");
        m.moveToTargetReturn();
        assertThat(m.errors()).containsKey("target_return");
        assertThat(m.targetReturnProperty().get()).isEqualTo("900");
    }

    @Test
    void aBadFieldKeepsItsTextNamesTheFieldAndMarksTheResultOutOfDate() {
        m.form().field("max_weight").set("abc");
        assertThat(m.errors()).containsKey("max_weight");
        assertThat(m.form().field("max_weight").get()).isEqualTo("abc");
        assertThat(m.staleProperty().get()).isTrue();
        m.form().field("max_weight").set("2");
        assertThat(m.errors().get("max_weight")).contains("fully invested");
        m.form().field("max_weight").set("40");
        assertThat(m.errors()).isEmpty();
        assertThat(m.staleProperty().get()).isFalse();
        for (double w : m.selectionProperty().get().weights()) {
            assertThat(w).isLessThanOrEqualTo(0.40 + 1e-12);
        }
    }

    @Test
    void applyGivesWholeLotTradesThatLandWithinALotOfTheSelectedWeights() {
        BuildResult r = m.resultProperty().get();
        m.apply("greedy");
        AllocateResponse t = m.tradesProperty().get();
        assertThat(t).isNotNull();
        double[] w = m.selectionProperty().get().weights();
        for (int i = 0; i < w.length; i++) {
            long units = t.allocation().getOrDefault(r.tickers().get(i), 0L);
            double lot = r.lotSizes()[i] * r.latestPrices()[i] / r.portfolioValue();
            assertThat(Math.abs(units * r.latestPrices()[i] / r.portfolioValue() - w[i])).isLessThanOrEqualTo(lot);
        }
        // the export carries the selection, the comparison and the trades through the report layer
        var report = BuildReports.selection(m).apply(com.positionlab.report.kinds.ReportContext.now("test"));
        assertThat(report.tables()).extracting(com.positionlab.report.Section.Table::name)
                .contains("weights", "compared", "trades");
        var trades = report.tables().stream().filter(x -> x.name().equals("trades")).findFirst().orElseThrow();
        assertThat(trades.rows()).hasSize(t.trades().size());
    }

    @Test
    void theLastSetupComesBackWhenTheViewReopens() {
        m.form().field("lookback_days").set("180");
        m.form().field("max_weight").set("45");
        BuildViewModel reopened = new BuildViewModel(services.builder(), services.rebalanceSizing(), new SyncTaskRunner(),
                new RecordingNotifier(), new WorkspaceChanges(), Duration.ZERO);
        reopened.refresh();
        assertThat(reopened.form().field("lookback_days").get()).isEqualTo("180");
        assertThat(reopened.form().field("max_weight").get()).isEqualTo("45");
        assertThat(reopened.resultProperty().get().setup().lookbackDays()).isEqualTo(180);
    }

    @Test
    void aViewWithABadConfidenceKeepsTheTextAndNamesTheRowAndAGoodOneTiltsThePosterior() {
        BuildResult before = m.resultProperty().get();
        String first = before.tickers().get(0);
        ViewRows.Row view = m.form().views().add();
        view.assetProperty().set(first);
        double viewed = Math.round((before.mu()[0] + 0.20) * 1e4) / 1e4;
        view.returnProperty().set(FieldReaderText.number(100 * viewed));
        view.confidenceProperty().set("150");
        assertThat(m.errors()).containsKey("view.1.confidence");
        assertThat(view.confidenceProperty().get()).isEqualTo("150");
        assertThat(m.staleProperty().get()).isTrue();
        view.confidenceProperty().set("80");
        assertThat(m.errors()).isEmpty();
        BuildResult after = m.resultProperty().get();
        assertThat(after.priorReturns()).isNotNull();
        assertThat(after.priorReturns()[0]).isCloseTo(before.mu()[0], within(1e-12));
        // an 80%-confident view 20 points above the prior pulls the posterior most of the way towards it
        double prior = after.priorReturns()[0];
        assertThat(after.mu()[0]).isGreaterThan(prior + 0.5 * (viewed - prior)).isLessThan(viewed);
        view.assetProperty().set("NOPE");
        assertThat(m.errors().get("view.1.asset")).contains("not in the universe");
        m.form().views().rows().clear();
        assertThat(m.resultProperty().get().priorReturns()).isNull();
    }

    @Test
    void theTradeOffsAreTracedAndAPointOfThemCanBeSelected() {
        m.form().tradeOffsProperty().set(true);
        BuildResult r = m.resultProperty().get();
        assertThat(r.frontier().turnoverPareto()).isNotNull();
        var points = r.frontier().turnoverPareto().points();
        // the least turnover is the cash: a fully invested portfolio must at least put it to work
        double cash = 1 - java.util.Arrays.stream(r.current()).sum();
        assertThat(points.get(0).turnoverLimit()).isCloseTo(cash, within(1e-7));
        for (int k = 1; k < points.size(); k++) {
            assertThat(points.get(k).sharpeRatio()).isGreaterThanOrEqualTo(points.get(k - 1).sharpeRatio() - 1e-9);
        }
        var middle = points.get(points.size() / 2);
        m.selectWeights("Turnover at most x", middle.weights());
        assertThat(m.selectionProperty().get().turnover()).isCloseTo(middle.turnover(), within(1e-9));
        assertThat(m.selectionProperty().get().sharpeRatio()).isCloseTo(middle.sharpeRatio(), within(1e-9));
        m.form().tradeOffsProperty().set(false);
        assertThat(m.resultProperty().get().frontier().turnoverPareto()).isNull();
    }
}
