package com.positionlab.service.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.Services;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/**
 * Building a portfolio over the demo workspace: the frontier from its stored prices, exact selection between
 * turning points (checked against an independent convex program), the candidates, and the rebalance to
 * whole lots.
 */
class PortfolioBuilderTest {

    private Database db;
    private Services services;

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        new WorkspaceService(new Store(db)).createDemo(Progress.NONE);
        services = Services.over(db);
    }

    @AfterEach
    void tearDown() {
        services.close();
        db.close();
    }

    private OptimizeRequest setup(String constraints) {
        List<String> universe = services.workspace().instruments().stream().limit(8).map(i -> i.id()).toList();
        String json = "{\"portfolio_id\": \"" + services.portfolio().defaultPortfolio().id() + "\", \"universe\": "
                + Json.mapper().valueToTree(universe) + ", \"lookback_days\": 252, \"risk_model\": {\"estimator\": "
                + "\"ledoit_wolf_constant_variance\"}, \"constraints\": {\"weight_bounds\": [0, 0.35]" + constraints
                + "}}";
        try {
            return Json.requestMapper().readValue(json, OptimizeRequest.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFrontierPointBetweenTurningPointsHasTheLeastVarianceAtItsReturn() {
        BuildResult r = services.builder().build(setup(""), 0.001, () -> false);
        assertThat(r.exact()).isNotNull();
        assertThat(r.tickers()).hasSize(8);
        for (int k = 1; k < r.curveReturn().length; k++) {
            assertThat(r.curveReturn()[k]).isGreaterThanOrEqualTo(r.curveReturn()[k - 1] - 1e-15);
        }
        for (double t : new double[] {0.1, 0.37, 0.5, 0.83}) {
            double target = r.lowestReturn() + t * (r.highestReturn() - r.lowestReturn());
            Selection s = r.at(target, "point");
            assertThat(s.expectedReturn()).isCloseTo(target, within(1e-12));
            assertThat(s.exact()).isTrue();
            assertThat(s.volatility() * s.volatility()).as("variance at %s", target)
                    .isCloseTo(leastVariance(r, target), within(1e-10));
            assertThat(java.util.Arrays.stream(s.weights()).sum()).isCloseTo(1, within(1e-12));
        }
        // the random portfolios lie on or below the frontier: none has less variance at its return
        assertThat(r.cloud()[0]).hasSizeGreaterThan(100);
        for (int k = 0; k < r.cloud()[0].length; k++) {
            Selection frontier = r.at(r.cloud()[1][k], "f");
            if (r.cloud()[1][k] >= r.lowestReturn()) {
                assertThat(r.cloud()[0][k]).isGreaterThanOrEqualTo(frontier.volatility() - 1e-12);
            }
        }
        Selection top = r.at(10, "clamped");
        assertThat(top.expectedReturn()).isCloseTo(r.highestReturn(), within(1e-12));
    }

    @Test
    void theCandidatesAreComparedAndTheMaximumSharpeIsTheBestOnTheFrontier() {
        BuildResult r = services.builder().build(setup(""), 0.001, () -> false);
        assertThat(r.candidates()).extracting(BuildResult.Candidate::method).containsExactly("min_volatility",
                "max_sharpe", "risk_parity", "hrp", "max_diversification", "robust");
        Selection best = r.candidates().get(1).selection();
        for (int k = 0; k <= 40; k++) {
            double target = r.lowestReturn() + k / 40.0 * (r.highestReturn() - r.lowestReturn());
            assertThat(r.at(target, "p").sharpeRatio()).isLessThanOrEqualTo(best.sharpeRatio() + 1e-9);
        }
        Selection erc = r.candidates().get(2).selection();
        double[] shares = erc.riskShares();
        for (double share : shares) {
            assertThat(share).isCloseTo(1.0 / shares.length, within(1e-6));
        }
        // every run was stored for the portfolio: Activity lists them
        assertThat(services.optimizations().recent(20)).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void theRebalanceInWholeLotsLandsWithinALotOfEachTargetWeight() {
        BuildResult r = services.builder().build(setup(""), 0.001, () -> false);
        Selection s = r.candidates().get(1).selection();
        AllocateResponse trades = services.builder().rebalance(r, s, "greedy");
        double value = r.portfolioValue();
        for (int i = 0; i < r.tickers().size(); i++) {
            long units = trades.allocation().getOrDefault(r.tickers().get(i), 0L);
            double held = units * r.latestPrices()[i] / value;
            double lot = r.lotSizes()[i] * r.latestPrices()[i] / value;
            assertThat(Math.abs(held - s.weights()[i])).as(r.tickers().get(i)).isLessThanOrEqualTo(lot + 1e-9);
        }
        Map<String, Long> after = trades.allocation();
        trades.trades().forEach(t -> assertThat(t.toUnits()).isEqualTo(after.getOrDefault(t.ticker(), 0L)));
    }

    @Test
    void aBadSetupNamesTheField() {
        OptimizeRequest bad = setup(", \"sector_mapper\": {}, \"max_turnover\": -1");
        assertThatThrownBy(() -> services.builder().build(bad, 0.001, () -> false)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("max_turnover");
    }

    /** min w'Sigma w with mu.w = target, the budget and the bounds, by ojAlgo directly. */
    private static double leastVariance(BuildResult r, double target) {
        int n = r.tickers().size();
        QuadraticProgram.Builder b = QuadraticProgram.builder(n).quadratic(r.cov(), 2);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        b.equal("budget", ones, 1).equal("return", r.mu(), target);
        for (int i = 0; i < n; i++) {
            b.bounds(i, 0, 0.35);
        }
        double[] w = QpSolver.solve(b.build()).x();
        double v = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v += w[i] * r.cov()[i][j] * w[j];
            }
        }
        return v;
    }
}
