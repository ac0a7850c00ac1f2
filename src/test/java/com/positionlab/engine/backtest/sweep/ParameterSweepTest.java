package com.positionlab.engine.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.backtest.BacktestRequest;
import com.positionlab.engine.backtest.BacktestResult;
import com.positionlab.engine.backtest.Backtester;
import com.positionlab.engine.backtest.EqualWeight;
import com.positionlab.engine.backtest.FixedWeights;
import com.positionlab.engine.backtest.Markets;
import com.positionlab.engine.backtest.PriceHistory;
import com.positionlab.engine.backtest.PriceWindow;
import com.positionlab.engine.backtest.RebalanceSchedule;
import com.positionlab.engine.backtest.WeightRule;
import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;

/**
 * A sweep returns its points' results in order and bit for bit the same whatever the thread count; it stops
 * promptly when cancelled, names the point that failed, reports the fraction of points done and leaves no thread
 * behind.
 */
class ParameterSweepTest {

    private static final PriceHistory HISTORY = Markets.randomHistory(800, 12, 5150L, true);
    /** Large enough that a daily backtest takes tens of milliseconds. */
    private static final PriceHistory LARGE = Markets.randomHistory(2000, 200, 77L, false);

    /** A point: commission in bps, lookback and schedule. */
    record Point(double costBps, int lookback, RebalanceSchedule schedule) {
    }

    private static BacktestResult backtest(Point p, Progress progress) {
        BacktestRequest request = BacktestRequest.of(HISTORY, HISTORY.date(100), HISTORY.date(799), 1e6, p.schedule(),
                p.lookback()).withCosts(p.costBps(), p.costBps() / 2);
        return Backtester.run(request, new TopHalfMomentum(), progress);
    }

    private static List<Point> grid() {
        List<Point> points = new ArrayList<>();
        for (double cost : new double[] {0, 5, 20}) {
            for (int lookback : new int[] {20, 60, 120}) {
                points.add(new Point(cost, lookback, RebalanceSchedule.weekly()));
                points.add(new Point(cost, lookback, RebalanceSchedule.driftBand(0.04)));
            }
        }
        return points;
    }

    @AfterEach
    void noSweepThreadIsLeft() {
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("parameter-sweep-"));
    }

    @Test
    void oneTwoAndFourThreadsGiveIdenticalResultsInTheOrderOfThePoints() {
        List<Point> points = grid();
        List<BacktestResult> one = ParameterSweep.runCancellable(points, ParameterSweepTest::backtest, 1,
                Progress.NONE);

        assertThat(ParameterSweep.runCancellable(points, ParameterSweepTest::backtest, 2, Progress.NONE))
                .isEqualTo(one);
        assertThat(ParameterSweep.runCancellable(points, ParameterSweepTest::backtest, 4, Progress.NONE))
                .isEqualTo(one);
        for (int k = 0; k < points.size(); k++) {
            assertThat(one.get(k)).isEqualTo(backtest(points.get(k), Progress.NONE));
        }
        assertThat(one.get(0).finalEquity()).isNotEqualTo(one.get(1).finalEquity());
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 4})
    void resultsKeepThePointsOrderWhenLaterPointsFinishFirst(int threads) {
        List<Integer> points = IntStream.range(0, 12).boxed().toList();

        List<Integer> squares = ParameterSweep.run(points, k -> {
            sleep(12 - k);
            return k * k;
        }, threads, Progress.NONE);

        assertThat(squares).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void cancellingStopsPromptly(int threads) {
        assertStopsPromptly(threads, true);
    }

    @Test
    void cancellingInterruptsPointsThatDoNotSeeTheSweepsProgress() {
        assertStopsPromptly(2, false);
    }

    /**
     * Cancels 200 ms into 400 daily backtests of 200 instruments over 2,000 days (tens of seconds of work) and
     * expects the sweep gone within a second.
     */
    private static void assertStopsPromptly(int threads, boolean passGuard) {
        List<Double> points = new ArrayList<>();
        for (int k = 0; k < 400; k++) {
            points.add(k * 0.01);
        }
        AtomicInteger started = new AtomicInteger();
        CancelLater progress = new CancelLater(200);
        ParameterSweep.CancellableFunction<Double, Double> f = (costBps, guard) -> {
            started.incrementAndGet();
            BacktestRequest request = BacktestRequest.of(LARGE, LARGE.date(0), LARGE.date(1999), 1e6,
                    RebalanceSchedule.daily(), 1).withCosts(costBps, 0);
            return Backtester.run(request, new EqualWeight(), passGuard ? guard : Progress.NONE).finalEquity();
        };

        assertThatThrownBy(() -> ParameterSweep.runCancellable(points, f, threads, progress))
                .isInstanceOf(CancelledException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - progress.cancelledAt)).isLessThan(Duration.ofSeconds(1));
        assertThat(started.get()).isLessThan(points.size());
    }

    @Test
    void anInterruptedCallerStops() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> ParameterSweep.run(grid(), p -> backtest(p, Progress.NONE), 2, Progress.NONE))
                    .isInstanceOf(CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 4})
    void aFailingPointIsNamedWithItsException(int threads) {
        List<Integer> points = IntStream.range(0, 20).boxed().toList();

        assertThatThrownBy(() -> ParameterSweep.run(points, k -> {
            if (k == 7) {
                throw new IllegalStateException("no data for point seven");
            }
            sleep(2);
            return k;
        }, threads, Progress.NONE))
                .isInstanceOfSatisfying(SweepPointException.class, e -> {
                    assertThat(e.index()).isEqualTo(7);
                    assertThat(e.point()).isEqualTo(7);
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
                            .hasMessage("no data for point seven");
                    assertThat(e.getMessage()).contains("point 7", "no data for point seven");
                });
    }

    @Test
    void anInvalidBacktestInASweepIsReportedAsThatPoint() {
        List<Double> leverage = List.of(1.0, 2.0, 5.0, 1.5);

        assertThatThrownBy(() -> ParameterSweep.run(leverage, x -> Backtester.run(BacktestRequest.of(HISTORY,
                HISTORY.date(500), HISTORY.date(799), 1e6, RebalanceSchedule.monthly(), 1),
                new FixedWeights(new double[] {x, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), Progress.NONE), 2,
                Progress.NONE))
                .isInstanceOfSatisfying(SweepPointException.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(InvalidParameterException.class);
                    assertThat(((InvalidParameterException) e.getCause()).field()).isEqualTo("target_weights");
                });
    }

    @Test
    void progressRisesToOneAPointAtATime() {
        List<Double> fractions = new CopyOnWriteArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        ParameterSweep.runCancellable(grid(), ParameterSweepTest::backtest, 2, recording);

        assertThat(fractions).hasSize(grid().size()).isSorted().endsWith(1.0);
        assertThat(fractions.get(0)).isEqualTo(1.0 / grid().size());
    }

    @Test
    void threadsAndInputsAreChecked() {
        assertThatThrownBy(() -> ParameterSweep.run(List.of(1), k -> k, 0, Progress.NONE))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("threads"));
        assertThatThrownBy(() -> ParameterSweep.run(null, k -> k, 1, Progress.NONE))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ParameterSweep.run(List.<Integer>of(), k -> k, 3, Progress.NONE)).isEmpty();
        List<Object> nulls = ParameterSweep.run(List.of(1, 2), k -> null, 2, Progress.NONE);
        assertThat(nulls).containsExactly(null, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** Equal weights on the instruments that rose over the window (all listed ones when none did). */
    static final class TopHalfMomentum implements WeightRule {
        @Override
        public double[] targetWeights(PriceWindow window, double[] currentWeights) {
            double[] w = new double[window.instruments()];
            int rising = 0;
            for (int i = 0; i < w.length; i++) {
                double past = window.price(window.size() - 1, i);
                if (!Double.isNaN(past) && window.close(i) > past) {
                    w[i] = 1;
                    rising++;
                }
            }
            if (rising == 0) {
                return new EqualWeight().targetWeights(window, currentWeights);
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= rising;
            }
            return w;
        }
    }

    /** A progress that another thread cancels after a delay, as a user pressing Cancel. */
    private static final class CancelLater implements Progress {
        volatile boolean cancelled;
        volatile long cancelledAt = Long.MAX_VALUE;

        CancelLater(long delayMillis) {
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cancelledAt = System.nanoTime();
                cancelled = true;
            });
            canceller.setDaemon(true);
            canceller.start();
        }

        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
