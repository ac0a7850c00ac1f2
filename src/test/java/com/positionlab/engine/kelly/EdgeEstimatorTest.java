package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.positionlab.engine.limits.Binding;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;

/**
 * {@link EdgeEstimator}: the windows pick the right trades as of a given time, Kelly is withheld below the
 * minimum number of trades and without losses (sizing then falls back to the fixed fraction and says why),
 * an all-loss history sizes to zero, and the rolling series has one reproducible point per window.
 */
class EdgeEstimatorTest {

    private static final long DAY = 86_400L;
    private static final long AS_OF = 1_700_000_000L;
    private static final EdgeConfig CONFIG = EdgeConfig.defaults();

    /** n trades, one a day, the last closing at AS_OF, repeating +200, +200, +200, -100, -100 (Kelly 0.4). */
    private static List<TradeOutcome> dailyTrades(int n) {
        double[] cycle = {200, 200, 200, -100, -100};
        List<TradeOutcome> trades = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            trades.add(new TradeOutcome(cycle[i % cycle.length], AS_OF - (n - 1 - i) * DAY));
        }
        return trades;
    }

    @Test
    void windowsPickTheRightTrades() {
        List<TradeOutcome> trades = new ArrayList<>(dailyTrades(60));
        trades.add(new TradeOutcome(-5000, AS_OF + 1));
        Collections.reverse(trades);
        StrategyEdge edge = EdgeEstimator.estimate(trades, AS_OF, CONFIG);
        assertThat(edge.all().statistics().trades()).as("the trade after as-of is ignored").isEqualTo(60);
        assertThat(edge.lastTrades().statistics().trades()).isEqualTo(20);
        // 30 days ending at AS_OF: exits at AS_OF - 29 days .. AS_OF (AS_OF - 30 days is excluded)
        assertThat(edge.lastDays().statistics().trades()).isEqualTo(30);
        assertThat(edge.all().window()).isEqualTo(EdgeWindow.ALL);
        assertThat(edge.lastTrades().window()).isEqualTo(EdgeWindow.LAST_TRADES);
        assertThat(edge.lastDays().window()).isEqualTo(EdgeWindow.LAST_DAYS);
        assertThat(edge.all().statistics().kelly()).isCloseTo(0.4, within(1e-12));
        assertThat(edge.all().kellyUsable()).isTrue();
        assertThat(edge.all().basis().rawKelly()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void lastTradesAreTheLatestByExitTime() {
        List<TradeOutcome> trades = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            trades.add(new TradeOutcome(i < 5 ? -1000 : i, AS_OF - (25 - i) * DAY));
        }
        Collections.shuffle(trades, new Random(1));
        double[] recent = EdgeEstimator.pnlInExitOrder(trades, AS_OF);
        assertThat(recent[0]).isEqualTo(-1000);
        assertThat(recent[24]).isEqualTo(24);
        TradeEdge last = EdgeEstimator.estimate(trades, AS_OF, CONFIG).lastTrades();
        assertThat(last.statistics().losses()).isZero();
        assertThat(last.statistics().expectancy()).isCloseTo((5 + 24) / 2.0, within(1e-12));
    }

    @Test
    void belowTheMinimumKellyIsNotUsedAndSizingFallsBack() {
        TradeEdge edge = EdgeEstimator.estimate(dailyTrades(12), AS_OF, CONFIG).all();
        assertThat(edge.kellyUsable()).isFalse();
        assertThat(edge.reason()).isEqualTo("only 12 trades; at least 20 needed");
        // 8 wins of 200 and 4 losses of 100: 2/3 - (1/3) / 2 = 0.5
        assertThat(edge.statistics().kelly()).as("still reported").isCloseTo(0.5, within(1e-12));
        assertThat(edge.kellyInterval().isDefined()).isTrue();
        SizingBasis basis = edge.basis();
        assertThat(basis.kellyUsable()).isFalse();
        assertThat(basis.fallbackFraction()).isEqualTo(0.02);
        assertThat(basis.reason()).isEqualTo(edge.reason());
    }

    @Test
    void noTradesDoNotCrash() {
        StrategyEdge edge = EdgeEstimator.estimate(List.of(), AS_OF, CONFIG);
        for (TradeEdge e : List.of(edge.all(), edge.lastTrades(), edge.lastDays())) {
            assertThat(e.statistics().trades()).isZero();
            assertThat(e.statistics().kelly()).isNaN();
            assertThat(e.kellyInterval().isDefined()).isFalse();
            assertThat(e.kellyUsable()).isFalse();
            assertThat(e.reason()).isEqualTo("no trades; at least 20 needed");
        }
    }

    @Test
    void allWinsCannotEstimateTheEdge() {
        double[] wins = new double[25];
        Arrays.fill(wins, 100);
        TradeEdge edge = EdgeEstimator.edge(wins, EdgeWindow.ALL, CONFIG);
        assertThat(edge.kellyUsable()).isFalse();
        assertThat(edge.reason()).isEqualTo("no losing trades; edge cannot be estimated");
        assertThat(edge.basis().fallbackFraction()).isEqualTo(0.02);
    }

    @Test
    void allLossesSizeToZero() {
        double[] losses = new double[25];
        Arrays.fill(losses, -100);
        TradeEdge edge = EdgeEstimator.edge(losses, EdgeWindow.ALL, CONFIG);
        assertThat(edge.kellyUsable()).isTrue();
        assertThat(edge.statistics().kelly()).isNegative();
        assertThat(edge.reason()).contains("no winning trades");
        SizingResult sized = PositionSizer.size(new SizingRequest(edge.basis(), KellyPolicy.defaults(), List.of(),
                Conviction.MEDIUM, ConvictionMultipliers.DEFAULTS, Tier.STRATEGIST, 100_000, 50, 0));
        assertThat(sized.fraction()).isZero();
        assertThat(sized.bindingLimits()).extracting(Binding::name).containsExactly("non_negative_edge");
    }

    @Test
    void rollingSeriesHasOnePointPerWindow() {
        List<TradeOutcome> trades = dailyTrades(30);
        List<RollingKellyPoint> points = EdgeEstimator.rolling(trades, AS_OF, CONFIG, Progress.NONE);
        assertThat(points).hasSize(11);
        assertThat(points.get(0).endIndex()).isEqualTo(19);
        assertThat(points.get(10).exitEpochSecond()).isEqualTo(AS_OF);
        // every window of 20 holds four full cycles: Kelly 0.4
        assertThat(points).allSatisfy(p -> assertThat(p.kelly()).isCloseTo(0.4, within(1e-12)));
        assertThat(points).allSatisfy(p -> assertThat(p.kellyInterval().contains(p.kelly())).isTrue());
        assertThat(EdgeEstimator.rolling(trades, AS_OF, CONFIG, Progress.NONE)).isEqualTo(points);
        assertThat(EdgeEstimator.rolling(dailyTrades(19), AS_OF, CONFIG, Progress.NONE)).isEmpty();
    }

    @Test
    void rollingSeriesStopsWhenCancelled() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(
                () -> EdgeEstimator.rolling(dailyTrades(30), AS_OF, CONFIG, cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void pointEdgeIsTheEdgeWithoutItsInterval() {
        double[] usable = EdgeEstimator.pnlInExitOrder(dailyTrades(25), AS_OF);
        double[] tooFew = EdgeEstimator.pnlInExitOrder(dailyTrades(12), AS_OF);
        for (double[] pnl : List.of(usable, tooFew)) {
            TradeEdge full = EdgeEstimator.edge(pnl, EdgeWindow.ALL, CONFIG);
            TradeEdge point = EdgeEstimator.pointEdge(pnl, EdgeWindow.ALL, CONFIG);
            assertThat(point.statistics()).isEqualTo(full.statistics());
            assertThat(point.kellyUsable()).isEqualTo(full.kellyUsable());
            assertThat(point.basis()).isEqualTo(full.basis());
            assertThat(point.kellyInterval().isDefined()).isFalse();
        }
        assertThat(EdgeEstimator.pointEdge(tooFew, EdgeWindow.ALL, CONFIG).reason())
                .isEqualTo("only 12 trades; at least 20 needed");
    }
}
