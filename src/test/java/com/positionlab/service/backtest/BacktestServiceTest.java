package com.positionlab.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.service.backtest.BacktestResponse.Statistics;

/**
 * The backtest service over a synthetic prices file (8 instruments, 700 weekdays, two listed late): statistics
 * recomputed by hand from the equity curve, no look-ahead through the optimiser (a prices file cut at a day gives
 * the same curve up to that day), costs paid equal to the trades' costs, the split, the attribution's identities,
 * a sweep that does not depend on its thread count, sizing rules over closed trades, and errors naming fields.
 */
class BacktestServiceTest {

    @TempDir
    static Path dir;
    static Path prices;
    static List<String> lines;
    static final BacktestService SERVICE = Calculators.create().backtest();

    @BeforeAll
    static void market() throws IOException {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 8;
        lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("date");
        for (int i = 0; i < n; i++) {
            header.append(",T").append(i);
        }
        lines.add(header.toString());
        double[] p = new double[n];
        java.util.Arrays.fill(p, 50);
        LocalDate day = LocalDate.of(2020, 1, 6);
        for (int t = 0; t < 700; t++) {
            StringBuilder row = new StringBuilder(day.toString());
            double market = rng.nextGaussian() * 0.01;
            for (int i = 0; i < n; i++) {
                p[i] *= Math.exp(0.0004 + 0.0002 * i + market * (0.5 + 0.15 * i) + rng.nextGaussian() * 0.012);
                boolean listed = i < 6 || t >= 150 + 100 * (i - 6);
                row.append(',').append(listed ? String.format(Locale.ROOT, "%.6f", p[i]) : "");
            }
            lines.add(row.toString());
            day = day.plusDays(day.getDayOfWeek().getValue() == 5 ? 3 : 1);
        }
        prices = dir.resolve("prices.csv");
        Files.write(prices, lines);
    }

    private static BacktestRequest request(String json) {
        try {
            return Json.requestMapper().readValue(json.replace("PRICES", prices.toString().replace("\\", "/")),
                    BacktestRequest.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run run(String json) {
        return (Run) SERVICE.run(request(json), Progress.NONE);
    }

    @Test
    void theStatisticsAreEmpiricalsRecomputedFromTheEquityCurve() {
        Run r = run("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"lookback\": 60, "
                + "\"costs_bps\": 10, \"slippage_bps\": 5, \"risk_free_rate\": 0.0252}");
        double[] e = r.equityCurve().stream().mapToDouble(BacktestResponse.Point::value).toArray();
        int n = e.length - 1;
        double rf = 0.0252 / 252;
        double mean = 0;
        for (int t = 1; t <= n; t++) {
            mean += (e[t] / e[t - 1] - 1 - rf) / n;
        }
        double ss = 0;
        double down = 0;
        int up = 0;
        for (int t = 1; t <= n; t++) {
            double x = e[t] / e[t - 1] - 1 - rf;
            ss += (x - mean) * (x - mean);
            down += Math.min(x, 0) * Math.min(x, 0) / n;
            up += e[t] > e[t - 1] ? 1 : 0;
        }
        Statistics s = r.statistics();
        assertThat(s.sharpeRatio()).isCloseTo(mean / Math.sqrt(ss / (n - 1)) * Math.sqrt(252), within(1e-9));
        assertThat(s.sortinoRatio()).isCloseTo(mean * 252 / (Math.sqrt(down) * Math.sqrt(252)), within(1e-9));
        assertThat(s.cagr()).isCloseTo(Math.pow(e[n] / e[0], 252.0 / n) - 1, within(1e-12));
        assertThat(s.totalReturn()).isCloseTo(e[n] / e[0] - 1, within(1e-12));
        assertThat(s.hitRate()).isCloseTo((double) up / n, within(1e-12));
        double peak = e[0];
        double worst = 0;
        for (double x : e) {
            peak = Math.max(peak, x);
            worst = Math.min(worst, x / peak - 1);
        }
        assertThat(s.maxDrawdown()).isCloseTo(worst, within(1e-12));
        assertThat(s.calmarRatio()).isCloseTo(s.cagr() / Math.abs(worst), within(1e-9));
        assertThat(r.drawdownCurve().stream().mapToDouble(BacktestResponse.Point::value).min().orElseThrow())
                .isCloseTo(worst, within(1e-12));
        assertThat(s.costsPaid()).isCloseTo(r.trades().stream().mapToDouble(BacktestResponse.TradeOut::cost).sum(),
                within(1e-6));
        assertThat(s.costsPaid()).isPositive();
        assertThat(r.start()).isEqualTo(LocalDate.parse(lines.get(61).substring(0, 10)));
    }

    @Test
    void theOptimiserSeesNoPriceAfterTheDayItTradesOn() throws IOException {
        String json = "{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"max_sharpe\", \"risk_free_rate\": 0, "
                + "\"risk_model\": {\"estimator\": \"ledoit_wolf_constant_variance\"}, \"constraints\": "
                + "{\"weight_bounds\": [0, 0.4]}}, \"lookback\": 120, \"rebalance\": \"weekly\", \"costs_bps\": 5, "
                + "\"lot_sizes\": {\"T1\": 10}, \"include_trades\": false}";
        Run full = run(json);
        int cut = 450;
        Path shorter = dir.resolve("cut.csv");
        Files.write(shorter, lines.subList(0, cut + 1));
        Run part = (Run) SERVICE.run(Json.requestMapper().readValue(json.replace("PRICES",
                shorter.toString().replace("\\", "/")), BacktestRequest.class), Progress.NONE);
        assertThat(part.equityCurve().size()).isLessThan(full.equityCurve().size());
        for (int d = 0; d < part.equityCurve().size(); d++) {
            assertThat(part.equityCurve().get(d)).isEqualTo(full.equityCurve().get(d));
        }
        assertThat(full.rebalances()).isGreaterThan(100);
        assertThat(full.notes()).isNull();
    }

    @Test
    void aSplitDividesTheDaysAndTheTurnoverAndTheAttributionAddsUp() {
        Run r = run("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"inverse_volatility\"}, \"lookback\": 60, "
                + "\"split_date\": \"2021-06-01\", \"costs_bps\": 20, \"sectors\": {\"T0\": \"A\", \"T1\": \"A\", "
                + "\"T2\": \"B\", \"T3\": \"B\", \"T4\": \"C\", \"T5\": \"C\", \"T6\": \"C\", \"T7\": \"A\"}}");
        assertThat(r.inSample().days() + r.outOfSample().days()).isEqualTo(r.statistics().days());
        assertThat(r.inSample().turnover() + r.outOfSample().turnover()).isCloseTo(r.statistics().turnover(),
                within(1e-12));
        assertThat(r.inSample().costsPaid() + r.outOfSample().costsPaid()).isCloseTo(r.statistics().costsPaid(),
                within(1e-6));
        double inGrowth = 1 + r.inSample().totalReturn();
        double outGrowth = 1 + r.outOfSample().totalReturn();
        assertThat(inGrowth * outGrowth - 1).isCloseTo(r.statistics().totalReturn(), within(1e-12));
        var a = r.attribution();
        assertThat(a.allocation() + a.selection() + a.interaction()).isCloseTo(a.activeReturn(), within(1e-12));
        assertThat(a.sectors().stream().mapToDouble(BacktestResponse.SectorEffect::total).sum())
                .isCloseTo(a.activeReturn(), within(1e-12));
        assertThat(a.sectors()).extracting(BacktestResponse.SectorEffect::sector).contains("A", "B", "C");
        assertThat(a.portfolioReturn() + a.residual()).isCloseTo(r.statistics().totalReturn(), within(1e-12));
        assertThat(Math.abs(a.residual())).as("costs and trading within months").isLessThan(0.05);
    }

    @Test
    void equalWeightRebalancedDailyAgainstAnEqualWeightBenchmarkAddsNothing() {
        Run r = run("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"lookback\": 20, "
                + "\"rebalance\": \"daily\"}");
        var a = r.attribution();
        assertThat(a.allocation()).isCloseTo(0, within(1e-12));
        assertThat(a.selection()).isCloseTo(0, within(1e-12));
        assertThat(a.activeReturn()).isCloseTo(0, within(1e-12));
        assertThat(a.portfolioReturn() + a.residual()).isCloseTo(r.statistics().totalReturn(), within(1e-12));
    }

    @Test
    void aBenchmarkSeriesIsNotTradedAndIsHeldWholeForTheActiveFigures() {
        Run r = run("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"lookback\": 60, "
                + "\"benchmark\": {\"ticker\": \"T0\"}, \"sectors\": {\"T0\": \"Index\", \"T1\": \"A\"}}");
        assertThat(r.trades()).noneMatch(t -> t.ticker().equals("T0"));
        String[] first = lines.get(61).split(",");
        String[] last = lines.get(lines.size() - 1).split(",");
        double index = Double.parseDouble(last[1]) / Double.parseDouble(first[1]) - 1;
        assertThat(r.benchmark().statistics().totalReturn()).isCloseTo(index, within(1e-12));
        assertThat(r.benchmark().activeReturn()).isCloseTo(r.statistics().totalReturn() - index, within(1e-12));
        assertThat(r.benchmark().trackingError()).isPositive();
        var a = r.attribution();
        assertThat(a.benchmark()).isEqualTo("T0");
        assertThat(a.allocation() + a.selection() + a.interaction()).isCloseTo(a.activeReturn(), within(1e-12));
        assertThat(a.benchmarkReturn()).isCloseTo(index, within(1e-9));
        assertThatThrownBy(() -> run("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, "
                + "\"lookback\": 60, \"benchmark\": {\"ticker\": \"T7\"}}")).hasMessageStartingWith("benchmark.ticker:");
    }

    @Test
    void severalStrategiesRunOverTheSameDays() {
        var c = (BacktestResponse.Comparison) SERVICE.run(request("{\"prices\": \"PRICES\", \"strategies\": ["
                + "{\"method\": \"equal_weight\"}, {\"method\": \"min_volatility\"}, {\"method\": \"hrp\", "
                + "\"label\": \"HRP\"}], \"lookback\": 100, \"include_trades\": false}"), Progress.NONE);
        assertThat(c.results()).extracting(Run::label).containsExactly("Equal weight", "Minimum volatility", "HRP");
        assertThat(c.results()).allSatisfy(r -> assertThat(r.start()).isEqualTo(c.results().get(0).start()));
        assertThat(c.results().get(1).statistics().volatility()).isLessThan(c.results().get(0).statistics()
                .volatility());
    }

    @Test
    void aSweepRanksItsPointsAndGivesTheSameResultsOnOneOrTwoThreads() {
        String json = "{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"volatility_target\", "
                + "\"target_volatility\": 0.1}, \"split_date\": \"2021-06-01\", \"sweep\": {\"lookback\": [20, 60, "
                + "120], \"rebalance\": [\"weekly\", \"monthly\"], \"strategy.target_volatility\": [0.1, 0.2]}, "
                + "\"rank_by\": \"sharpe_ratio\", \"threads\": THREADS}";
        var one = (BacktestResponse.SweepResult) SERVICE.run(request(json.replace("THREADS", "1")), Progress.NONE);
        var two = (BacktestResponse.SweepResult) SERVICE.run(request(json.replace("THREADS", "2")), Progress.NONE);
        assertThat(one.sweep().points()).hasSize(12);
        assertThat(one.sweep().points()).isEqualTo(two.sweep().points());
        for (int k = 1; k < 12; k++) {
            assertThat(one.sweep().points().get(k).inSample().sharpeRatio())
                    .isLessThanOrEqualTo(one.sweep().points().get(k - 1).inSample().sharpeRatio());
        }
        assertThat(one.sweep().points().get(0).outOfSample()).isNotNull();
    }

    @Test
    void sizingRulesReplayTheSameClosedTrades() {
        var t = (BacktestResponse.TradeSequence) SERVICE.run(request("{\"trades\": [{\"return\": 0.05}, "
                + "{\"return\": -0.02}, {\"return\": 0.03}], \"initial_capital\": 1000, \"sizing\": [{\"method\": "
                + "\"fixed_fraction\", \"fraction\": 0.5}, {\"method\": \"kelly\"}]}"), Progress.NONE);
        var fixed = t.results().get(0);
        assertThat(fixed.statistics().finalEquity()).isCloseTo(1000 * 1.025 * 0.99 * 1.015, within(1e-9));
        assertThat(fixed.sizingAttribution().fromSizing()).isCloseTo(0, within(1e-12));
        // Kelly falls back to 2% below 20 trades, less the drawdown adjustment after the loss
        assertThat(t.results().get(1).fractions().subList(0, 2)).containsOnly(0.02);
        assertThat(t.results().get(1).fractions().get(2)).isLessThan(0.02).isGreaterThan(0.019);
    }

    @Test
    void aSweepOfTheKellyMultiplierOverClosedTradesMatchesEachRuleRunAlone() {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder trades = new StringBuilder();
        LocalDate day = LocalDate.of(2024, 1, 2);
        for (int k = 0; k < 80; k++) {
            double r = rng.nextDouble() < 0.55 ? 0.02 + 0.03 * rng.nextDouble() : -0.01 - 0.02 * rng.nextDouble();
            trades.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "{\"return\": %.6f, \"exit\": \"%s\"}",
                    r, day.plusDays(3L * k)));
        }
        String base = "{\"trades\": [" + trades + "], \"initial_capital\": 10000, \"split_date\": \""
                + day.plusDays(3L * 50) + "\", ";
        String sweep = base + "\"sweep\": {\"sizing.kelly_multiplier\": [0.25, 0.5, 1]}, \"threads\": THREADS}";
        var one = (BacktestResponse.TradeSweepResult) SERVICE.run(request(sweep.replace("THREADS", "1")),
                Progress.NONE);
        var two = (BacktestResponse.TradeSweepResult) SERVICE.run(request(sweep.replace("THREADS", "2")),
                Progress.NONE);
        assertThat(one.sweep().points()).hasSize(3).isEqualTo(two.sweep().points());
        assertThat(one.sweep().points().get(0).inSample().totalReturn())
                .isGreaterThanOrEqualTo(one.sweep().points().get(1).inSample().totalReturn());
        for (var p : one.sweep().points()) {
            double m = p.parameters().get("sizing.kelly_multiplier").asDouble();
            var alone = (BacktestResponse.TradeSequence) SERVICE.run(request(base + "\"sizing\": [{\"method\": "
                    + "\"kelly\", \"kelly_multiplier\": " + m + "}]}"), Progress.NONE);
            var stats = alone.results().get(0).statistics();
            double whole = (1 + p.inSample().totalReturn()) * (1 + p.outOfSample().totalReturn()) - 1;
            assertThat(whole).as("multiplier %s", m).isCloseTo(stats.totalReturn(), within(1e-12));
            assertThat(p.inSample().trades() + p.outOfSample().trades()).isEqualTo(80);
        }
    }

    @Test
    void completeRowsKeepOnlyTheDaysOnWhichEveryTickerHasAPrice() {
        Run r = run("{\"prices\": \"PRICES\", \"price_rows\": \"complete\", \"strategy\": {\"method\": "
                + "\"equal_weight\"}, \"lookback\": 20, \"include_trades\": false}");
        // T7 is listed on the 251st row: the complete rows start there, and the backtest 20 rows later
        assertThat(r.start()).isEqualTo(LocalDate.parse(lines.get(1 + 250 + 20).substring(0, 10)));
        assertThatThrownBy(() -> run("{\"prices\": \"PRICES\", \"price_rows\": \"weekly\", \"strategy\": "
                + "{\"method\": \"equal_weight\"}}")).hasMessageStartingWith("price_rows:");
    }

    @Test
    void badFieldsAreNamed() {
        record Case(String json, String field) {
        }
        for (Case c : List.of(new Case("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"magic\"}}",
                        "strategy.method"),
                new Case("{\"prices\": \"PRICES\"}", "strategy"),
                new Case("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"rebalance\": "
                        + "\"hourly\"}", "rebalance"),
                new Case("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"costs_bps\": -1}",
                        "costs_bps"),
                new Case("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"lookback\": 5}",
                        "lookback"),
                new Case("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"max_sharpe\", \"risk_model\": "
                        + "{\"estimator\": \"nope\"}}}", "strategy.risk_model.estimator"),
                new Case("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"sweep\": "
                        + "{\"colour\": [1]}}", "sweep.colour"),
                new Case("{\"prices\": \"PRICES\", \"strategy\": {\"method\": \"equal_weight\"}, \"split_date\": "
                        + "\"1990-01-01\"}", "split_date"),
                new Case("{\"trades\": [{\"return\": 5000}]}", "trades[0].return"),
                new Case("{\"prices\": \"PRICES\", \"universe\": [\"A\", \"B\"], \"strategy\": {\"method\": "
                        + "\"equal_weight\"}}", "universe"))) {
            assertThatThrownBy(() -> SERVICE.run(request(c.json()), Progress.NONE)).as(c.json())
                    .isInstanceOf(ValidationException.class).hasMessageStartingWith(c.field() + ":");
        }
    }
}
