package com.positionlab.ui.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.StoredBacktest;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Services;
import com.positionlab.service.backtest.BacktestResponse.Point;
import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.QueuedTaskRunner;
import com.positionlab.ui.task.SyncTaskRunner;

/** The Backtest view model on the demo workspace, with the synchronous task runner. */
class BacktestViewModelTest {

    private static Database db;
    private static Services services;
    private BacktestViewModel m;

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
        m = model();
        m.refresh();
    }

    private static BacktestViewModel model() {
        return new BacktestViewModel(services.backtestHistory(), services.workspace(), services.portfolio(),
                new SyncTaskRunner(), new WorkspaceChanges());
    }

    private int stored() {
        return services.backtestHistory().recent(1000).size();
    }

    @Test
    void opensWithTheDefaultBacktestOfThreeStrategiesOverTheSameDays() {
        BacktestViewModel.Result r = m.resultProperty().get();
        assertThat(r).as(m.statusProperty().get()).isNotNull();
        assertThat(r.runs()).extracting(Run::label)
                .containsExactly("Equal weight", "Minimum volatility", "Maximum Sharpe");
        List<List<java.time.LocalDate>> dates = r.runs().stream()
                .map(x -> x.equityCurve().stream().map(Point::date).toList()).toList();
        assertThat(dates.get(0)).hasSizeGreaterThan(200);
        assertThat(dates).allSatisfy(d -> assertThat(d).isEqualTo(dates.get(0)));
        assertThat(r.caption()).contains("Equal weight, Minimum volatility, Maximum Sharpe")
                .contains("rebalanced monthly").contains("10 bps").contains("Portfolio holdings");
        assertThat(m.statisticsProperty().get().columns()).hasSize(3);
        assertThat(m.statisticsProperty().get().rows()).extracting(StatisticsGrid.Row::title)
                .contains("CAGR (% a year)", "Max drawdown (%)", "Sharpe ratio");
        assertThat(m.chosenRunProperty().get().attribution().sectors()).isNotEmpty();
        assertThat(m.staleProperty().get()).isFalse();
        assertThat(m.recent()).isNotEmpty();
    }

    @Test
    void aBadFieldKeepsItsTextNamesTheFieldAndDoesNotRun() {
        BacktestViewModel.Result before = m.resultProperty().get();
        int count = stored();
        m.field("lookback").set("abc");
        m.field("costs_bps").set("-5");
        assertThat(m.errors()).containsEntry("lookback", "\"abc\" is not a whole number")
                .containsKey("costs_bps");
        assertThat(m.errors().get("costs_bps")).contains("-5");
        m.run();
        assertThat(m.field("lookback").get()).isEqualTo("abc");
        assertThat(m.field("costs_bps").get()).isEqualTo("-5");
        assertThat(m.resultProperty().get()).isSameAs(before);
        assertThat(stored()).as("nothing run, nothing stored").isEqualTo(count);
        assertThat(m.statusProperty().get()).contains("lookback").contains("costs_bps");
        m.field("lookback").set("126");
        assertThat(m.errors()).doesNotContainKey("lookback").containsKey("costs_bps");
    }

    @Test
    void aServiceObjectionShowsBesideItsField() {
        m.field("start").set("1990-01-02");
        m.field("end").set("1990-06-29");
        m.run();
        assertThat(m.errors()).as(m.statusProperty().get()).containsKey("start");
        m.field("start").set("1990-01-03");
        assertThat(m.errors()).doesNotContainKey("start");
    }

    @Test
    void changingAnInputMarksTheResultOutOfDateUntilRunAgain() {
        assertThat(m.staleProperty().get()).isFalse();
        assertThat(m.canReportProperty().get()).isTrue();
        m.field("costs_bps").set("25");
        assertThat(m.staleProperty().get()).isTrue();
        assertThat(m.canReportProperty().get()).isFalse();
        m.run();
        assertThat(m.staleProperty().get()).isFalse();
        assertThat(m.resultProperty().get().caption()).contains("costs 25 bps");
        m.strategyChecked(1).set(true);
        assertThat(m.staleProperty().get()).isTrue();
    }

    @Test
    void aRunGoesToTheBackgroundAndCancelKeepsTheEarlierResult() {
        QueuedTaskRunner queue = new QueuedTaskRunner();
        BacktestViewModel v = new BacktestViewModel(services.backtestHistory(), services.workspace(),
                services.portfolio(), queue, new WorkspaceChanges());
        v.refresh();
        assertThat(v.busyProperty().get()).isTrue();
        queue.runAll();
        BacktestViewModel.Result first = v.resultProperty().get();
        assertThat(first).isNotNull();
        assertThat(v.busyProperty().get()).isFalse();
        v.field("costs_bps").set("20");
        v.run();
        assertThat(v.busyProperty().get()).as("queued, not run on the calling thread").isTrue();
        assertThat(v.resultProperty().get()).isSameAs(first);
        v.cancel();
        assertThat(v.busyProperty().get()).isFalse();
        queue.runAll();
        assertThat(v.resultProperty().get()).isSameAs(first);
        assertThat(v.staleProperty().get()).isTrue();
    }

    @Test
    void aSplitDateGivesInAndOutOfSampleColumnsForEachStrategy() {
        BacktestViewModel.Result r = m.resultProperty().get();
        List<Point> curve = r.runs().get(0).equityCurve();
        m.field("split_date").set(curve.get(curve.size() * 2 / 3).date().toString());
        m.run();
        StatisticsGrid g = m.statisticsProperty().get();
        assertThat(g.columns()).hasSize(6);
        assertThat(g.columns()).extracting(StatisticsGrid.Column::period).containsExactly(StatisticsGrid.IN_SAMPLE,
                StatisticsGrid.OUT_OF_SAMPLE, StatisticsGrid.IN_SAMPLE, StatisticsGrid.OUT_OF_SAMPLE,
                StatisticsGrid.IN_SAMPLE, StatisticsGrid.OUT_OF_SAMPLE);
        assertThat(g.rows()).allSatisfy(row -> assertThat(row.values()).hasSize(6));
        assertThat(m.resultProperty().get().caption()).contains("in sample before");
    }

    @Test
    void theSweepGivesALookbackByRebalanceGridRankedOneToSix() {
        m.sweeps().rankByProperty().set(BacktestChoices.RANK_BY.get(0));
        m.runSweep();
        SweepRuns.Shown s = m.sweeps().resultProperty().get();
        assertThat(s).as(m.statusProperty().get()).isNotNull();
        SweepGrid g = s.grid();
        assertThat(g.rows()).containsExactly("63 days", "126 days", "252 days");
        assertThat(g.columns()).containsExactly("Weekly", "Monthly");
        assertThat(Arrays.stream(g.cells()).flatMap(Arrays::stream).filter(Objects::nonNull)
                .map(SweepGrid.Cell::rank).sorted().toList()).containsExactly(1, 2, 3, 4, 5, 6);
        SweepGrid.Cell best = Arrays.stream(g.cells()).flatMap(Arrays::stream).filter(c -> c.rank() == 1)
                .findFirst().orElseThrow();
        assertThat(best.value()).isEqualTo(g.best());
        assertThat(s.caption()).contains("Sweep of Equal weight").contains("ranked by Sharpe ratio");
        assertThat(m.sweeps().staleProperty().get()).isFalse();
        m.field("slippage_bps").set("7");
        assertThat(m.sweeps().staleProperty().get()).isTrue();
        assertThat(m.recent().get(0).kind()).isEqualTo("sweep");
        m.reload(m.recent().get(0));
        assertThat(m.sweeps().resultProperty().get().grid().cells()).isDeepEqualTo(g.cells());
        assertThat(m.sweeps().resultProperty().get().caption()).startsWith("Reloaded, run ");
    }

    @Test
    void theSizingRulesCompareOverADemoStrategysClosedTrades() {
        assertThat(m.sizings().strategies()).isNotEmpty();
        m.runSizing();
        SizingRuns.Shown s = m.sizings().resultProperty().get();
        assertThat(s).as(m.statusProperty().get()).isNotNull();
        assertThat(s.response().results()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(s.response().results()).allSatisfy(r -> {
            assertThat(r.equityCurve()).hasSize(s.response().trades() + 1);
            assertThat(r.sizingAttribution()).isNotNull();
        });
        assertThat(s.caption()).contains(m.sizings().strategyProperty().get().strategy().name());
        assertThat(m.sizings().gridProperty().get().columns()).hasSize(s.response().results().size());
        assertThat(m.sizings().gridProperty().get().rows()).extracting(StatisticsGrid.Row::api).contains("from_sizing");
        m.reload(m.recent().get(0));
        assertThat(m.sizings().resultProperty().get().grid()).isEqualTo(s.grid());
        assertThat(m.sizings().resultProperty().get().caption()).startsWith("Reloaded, run ");
    }

    @Test
    void theRunTheSweepAndTheSizingRulesExportAsBacktestReports() {
        var context = com.positionlab.report.kinds.ReportContext.now("test");
        var run = BacktestReports.of(m.reportJson()).apply(context);
        assertThat(run.title()).contains("3 strategies");
        m.runSweep();
        var sweep = BacktestReports.of(m.sweeps().resultProperty().get().response()).apply(context);
        assertThat(sweep.title()).contains("sweep");
        m.runSizing();
        var sizing = BacktestReports.of(m.sizings().resultProperty().get().response()).apply(context);
        assertThat(sizing.sections()).isNotEmpty();
    }

    @Test
    void openingAgainShowsTheStoredBacktestOfTheSameRequestWithoutRunningIt() {
        int count = stored();
        BacktestViewModel again = model();
        again.refresh();
        assertThat(stored()).as("nothing run again").isEqualTo(count);
        assertThat(again.resultProperty().get().caption()).startsWith("Reloaded, run ");
        assertThat(again.statisticsProperty().get()).isEqualTo(m.statisticsProperty().get());
    }

    @Test
    void aReloadedBacktestShowsTheSameStatisticsWithoutRunningAgain() {
        StatisticsGrid before = m.statisticsProperty().get();
        String caption = m.resultProperty().get().caption();
        StoredBacktest newest = m.resultProperty().get().stored();
        BacktestViewModel other = model();
        other.refresh();
        other.field("costs_bps").set("50");
        other.run();
        assertThat(other.statisticsProperty().get()).isNotEqualTo(before);
        int count = stored();
        other.reload(newest);
        assertThat(stored()).as("nothing run again").isEqualTo(count);
        assertThat(other.statisticsProperty().get()).isEqualTo(before);
        assertThat(other.resultProperty().get().caption()).startsWith("Reloaded, run ").endsWith(caption);
        assertThat(other.resultProperty().get().stored().backtestId()).isEqualTo(newest.backtestId());
    }
}
