package com.positionlab.service.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.Services;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/**
 * The Build view's work at N = 500 instruments (the "stays smooth at N = 500"): the whole build in the
 * background, and what the JavaFX thread does on each pointer move (the exact frontier portfolio at a return,
 * with its figures), which must fit well inside a 60 Hz frame. Prints the times for the README.
 */
class BuildAtFiveHundredTest {

    static final int N = 500;
    static final int DAYS = 300;

    private static Database db;
    private static Services services;
    private static BuildResult result;
    private static long buildMillis;

    @BeforeAll
    static void build() throws Exception {
        db = TestStores.memory();
        Store store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        List<String> ids = syntheticMarket(store);
        services = Services.over(db);
        OptimizeRequest setup = Json.requestMapper().readValue("{\"portfolio_id\": \""
                + services.portfolio().defaultPortfolio().id() + "\", \"universe\": " + Json.mapper().valueToTree(ids)
                + ", \"lookback_days\": 252, \"risk_model\": {\"estimator\": \"ledoit_wolf_constant_variance\"}, "
                + "\"constraints\": {\"weight_bounds\": [0, 0.05]}}", OptimizeRequest.class);
        services.builder().build(setup, 0.001, () -> false); // warm-up
        long t0 = System.nanoTime();
        result = services.builder().build(setup, 0.001, () -> false);
        buildMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("build of " + N + " instruments: " + buildMillis + " ms");
    }

    @AfterAll
    static void close() {
        services.close();
        db.close();
    }

    /** 500 instruments, 300 weekdays of prices from three factors and specific noise, fixed seed. */
    private static List<String> syntheticMarket(Store store) {
        SplittableRandom rng = new SplittableRandom(500);
        List<Instrument> instruments = new ArrayList<>();
        double[][] beta = new double[N][3];
        for (int i = 0; i < N; i++) {
            instruments.add(new Instrument(String.format("S%03d", i), "Synthetic " + i, "Sector " + (i % 11), "USD",
                    BigDecimal.ONE, null));
            for (int k = 0; k < 3; k++) {
                beta[i][k] = rng.nextDouble(-0.5, 1.5);
            }
        }
        store.instruments().saveAll(instruments);
        List<PriceBar> bars = new ArrayList<>();
        double[] price = new double[N];
        Arrays.fill(price, 100);
        LocalDate day = LocalDate.of(2025, 1, 6);
        for (int t = 0; t < DAYS; t++) {
            double[] f = {rng.nextGaussian() * 0.01, rng.nextGaussian() * 0.006, rng.nextGaussian() * 0.005};
            for (int i = 0; i < N; i++) {
                double r = 0.0003 + beta[i][0] * f[0] + beta[i][1] * f[1] + beta[i][2] * f[2]
                        + rng.nextGaussian() * 0.012;
                price[i] *= Math.exp(r);
                bars.add(new PriceBar(instruments.get(i).id(), day, price[i], price[i], null, null, 100_000L));
            }
            day = day.plusDays(day.getDayOfWeek().getValue() == 5 ? 3 : 1);
        }
        store.prices().saveAll(bars);
        return instruments.stream().map(Instrument::id).toList();
    }

    @Test
    void theWholeBuildOfFiveHundredRunsInTheBackgroundWithAnExactFrontier() {
        assertThat(result.tickers()).hasSize(N);
        assertThat(result.exact()).as("the critical line answers at N = 500").isNotNull();
        assertThat(result.candidates()).allSatisfy(c -> assertThat(c.selection()).as(c.method() + ": " + c.error())
                .isNotNull());
        assertThat(buildMillis).as("build time, ms").isLessThan(120_000);
    }

    @Test
    void aPointerMoveAtFiveHundredFitsWellInsideAFrame() {
        SplittableRandom rng = new SplittableRandom(7);
        double lo = result.lowestReturn();
        double hi = result.highestReturn();
        for (int k = 0; k < 200; k++) {
            result.at(lo + rng.nextDouble() * (hi - lo), "warm-up");
        }
        long[] nanos = new long[400];
        for (int k = 0; k < nanos.length; k++) {
            double target = lo + rng.nextDouble() * (hi - lo);
            long t0 = System.nanoTime();
            Selection s = result.at(target, "hover");
            nanos[k] = System.nanoTime() - t0;
            assertThat(Math.abs(s.expectedReturn() - target)).isLessThan(1e-10);
        }
        Arrays.sort(nanos);
        double median = nanos[nanos.length / 2] / 1e6;
        double p95 = nanos[(int) (nanos.length * 0.95)] / 1e6;
        System.out.printf("hover at N = %d: median %.3f ms, p95 %.3f ms%n", N, median, p95);
        assertThat(median).as("median ms of the readout's portfolio at N = 500").isLessThan(8);
    }
}
