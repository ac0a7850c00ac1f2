package com.positionlab.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Side;
import com.positionlab.domain.Trade;
import com.positionlab.engine.stats.Returns;
import com.positionlab.engine.task.Progress;

/** The demo workspace is deterministic and has what the issue asks of it, with the structure it claims. */
class DemoWorkspaceTest {

    private static DemoWorkspace.Data data;

    @BeforeAll
    static void generate() {
        data = DemoWorkspace.generate(DemoWorkspace.SEED, Progress.NONE);
    }

    @Test
    void sameSeedGivesTheSameWorkspace() {
        DemoWorkspace.Data again = DemoWorkspace.generate(DemoWorkspace.SEED, Progress.NONE);
        assertThat(again).isEqualTo(data);
        assertThat(DemoWorkspace.generate(1L, Progress.NONE).prices()).isNotEqualTo(data.prices());
    }

    @Test
    void thirtyInstrumentsInAtLeastSixSectorsWithEsgScores() {
        assertThat(data.instruments()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(data.instruments().stream().map(Instrument::sector).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(data.instruments()).allSatisfy(i -> assertThat(i.esgScore()).isBetween(0.0, 100.0));
    }

    @Test
    void atLeastFiveYearsOfValidDailyPricesPerInstrument() {
        Map<String, List<PriceBar>> byTicker = data.prices().stream().collect(Collectors.groupingBy(PriceBar::instrumentId));
        assertThat(byTicker).hasSize(data.instruments().size());
        for (List<PriceBar> bars : byTicker.values()) {
            PriceBar first = bars.get(0);
            PriceBar last = bars.get(bars.size() - 1);
            assertThat(ChronoUnit.DAYS.between(first.date(), last.date())).isGreaterThanOrEqualTo(5 * 365);
            assertThat(bars).allSatisfy(b -> {
                assertThat(b.close()).isPositive();
                assertThat(b.high()).isGreaterThanOrEqualTo(b.close());
                assertThat(b.low()).isLessThanOrEqualTo(b.close()).isPositive();
                assertThat(b.date().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            });
        }
    }

    @Test
    void returnsShowVolatilityClusteringButNoLinearPredictability() {
        Map<String, List<PriceBar>> byTicker = data.prices().stream().collect(Collectors.groupingBy(PriceBar::instrumentId));
        double sqAuto = 0;
        double auto = 0;
        for (List<PriceBar> bars : byTicker.values()) {
            double[] r = Returns.simpleReturns(bars.stream().mapToDouble(PriceBar::close).toArray());
            double[] sq = java.util.Arrays.stream(r).map(x -> x * x).toArray();
            sqAuto += lag1(sq);
            auto += lag1(r);
        }
        sqAuto /= byTicker.size();
        auto /= byTicker.size();
        assertThat(sqAuto).as("mean lag-1 autocorrelation of squared returns").isGreaterThan(0.05);
        assertThat(Math.abs(auto)).as("mean lag-1 autocorrelation of returns").isLessThan(0.05);
    }

    @Test
    void sameSectorStocksCorrelateMoreThanOthers() {
        Map<String, List<PriceBar>> byTicker = data.prices().stream().collect(Collectors.groupingBy(PriceBar::instrumentId));
        double[][] r = new double[DemoWorkspace.DAYS - 1][data.instruments().size()];
        for (int i = 0; i < data.instruments().size(); i++) {
            double[] ri = Returns.simpleReturns(byTicker.get(data.instruments().get(i).id()).stream()
                    .mapToDouble(PriceBar::close).toArray());
            for (int t = 0; t < ri.length; t++) {
                r[t][i] = ri[t];
            }
        }
        double[][] c = Returns.correlationMatrix(r);
        double same = 0;
        double other = 0;
        int ns = 0;
        int no = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = i + 1; j < c.length; j++) {
                if (data.instruments().get(i).sector().equals(data.instruments().get(j).sector())) {
                    same += c[i][j];
                    ns++;
                } else {
                    other += c[i][j];
                    no++;
                }
            }
        }
        assertThat(same / ns).isGreaterThan(other / no + 0.1);
        assertThat(other / no).as("a market factor makes everything correlate a little").isGreaterThan(0.1);
    }

    @Test
    void threeStrategiesWithAtLeast200TradesAndClearlyDifferentEdges() {
        Map<String, List<Trade>> byStrategy = data.trades().stream().collect(Collectors.groupingBy(Trade::strategyId));
        assertThat(byStrategy).hasSize(3);
        assertThat(byStrategy.values()).allSatisfy(t -> assertThat(t).hasSizeGreaterThanOrEqualTo(200));
        Map<String, Double> meanReturn = byStrategy.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().mapToDouble(Trade::returnOnEntry).average().orElseThrow()));
        assertThat(meanReturn.get("TREND")).isGreaterThan(0.005);
        assertThat(meanReturn.get("MEANREV")).isGreaterThan(0.0);
        assertThat(meanReturn.get("NEWS")).isLessThan(-0.001);
    }

    @Test
    void tradePnlIsQuantityTimesSignedPriceMove() {
        for (Trade t : data.trades()) {
            double move = t.side() == Side.LONG ? t.exitPrice() - t.entryPrice() : t.entryPrice() - t.exitPrice();
            assertThat(t.pnl().doubleValue()).isCloseTo(t.quantity().doubleValue() * move,
                    org.assertj.core.data.Offset.offset(0.006));
            assertThat(t.exitTime()).isAfter(t.entryTime());
        }
    }

    @Test
    void portfolioHasFifteenHoldingsInWholeLotsAndAddsUpToOneMillion() {
        assertThat(data.holdings()).hasSize(15);
        Map<String, Instrument> instruments = data.instruments().stream()
                .collect(Collectors.toMap(Instrument::id, i -> i));
        Map<String, Double> last = data.prices().stream().collect(Collectors.groupingBy(PriceBar::instrumentId,
                Collectors.collectingAndThen(Collectors.maxBy(Comparator.comparing(PriceBar::date)),
                        b -> b.orElseThrow().close())));
        BigDecimal total = data.portfolio().cash();
        for (Holding h : data.holdings()) {
            BigDecimal lot = instruments.get(h.instrumentId()).lotSize();
            assertThat(h.quantity().remainder(lot)).isEqualByComparingTo("0");
            assertThat(h.quantity()).isPositive();
            total = total.add(h.quantity().multiply(BigDecimal.valueOf(last.get(h.instrumentId())))
                    .setScale(2, java.math.RoundingMode.HALF_EVEN));
        }
        assertThat(total).isEqualByComparingTo(DemoWorkspace.PORTFOLIO_VALUE);
        assertThat(data.portfolio().cash().doubleValue()).isBetween(40_000.0, 80_000.0);
    }

    private static double lag1(double[] x) {
        double m = Returns.mean(x);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - m) * (x[i] - m);
            if (i > 0) {
                num += (x[i] - m) * (x[i - 1] - m);
            }
        }
        return num / den;
    }
}
