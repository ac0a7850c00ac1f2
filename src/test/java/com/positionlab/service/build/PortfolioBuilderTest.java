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
        return setup("[0, 0.35]", constraints);
    }

    private OptimizeRequest setup(String bounds, String constraints) {
        List<String> universe = services.workspace().instruments().stream().limit(8).map(i -> i.id()).toList();
        String json = "{\"portfolio_id\": \"" + services.portfolio().defaultPortfolio().id() + "\", \"universe\": "
                + Json.mapper().valueToTree(universe) + ", \"lookback_days\": 252, \"risk_model\": {\"estimator\": "
                + "\"ledoit_wolf_constant_variance\"}, \"constraints\": {\"weight_bounds\": " + bounds + constraints
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

    @Test
    void aLiquidityLimitKeepsEachWeightWithinItsShareOfTheAverageDailyVolumeFromTheHoldings() {
        BuildResult r = services.builder().build(setup(", \"liquidity\": {\"max_adv_share\": 0.02}"), 0, () -> false);
        Store store = new Store(db);
        int limited = 0;
        for (BuildResult.Candidate c : r.candidates().subList(0, 2)) {
            for (int i = 0; i < r.tickers().size(); i++) {
                var bars = store.prices().history(r.tickers().get(i));
                double sum = 0;
                int n = 0;
                for (int k = bars.size() - 1; k >= 0 && n < 20; k--, n++) {
                    sum += bars.get(k).volume();
                }
                double room = 0.02 * (sum / n) * bars.get(bars.size() - 1).close() / r.portfolioValue();
                double w = c.selection().weights()[i];
                assertThat(Math.abs(w - r.current()[i])).as("%s %s", c.method(), r.tickers().get(i))
                        .isLessThanOrEqualTo(room + 1e-9);
                limited += Math.abs(Math.abs(w - r.current()[i]) - room) < 1e-7 ? 1 : 0;
            }
        }
        assertThat(limited).as("some weights are held at their liquidity limit").isPositive();
    }

    @Test
    void aGrossExposureLimitHoldsWithShortPositionsOnTheFrontierAndTheCandidates() {
        BuildResult r = services.builder().build(setup("[-0.2, 0.35]", ", \"max_leverage\": 1.3"), 0, () -> false);
        for (double t : new double[] {0, 0.5, 1}) {
            Selection s = r.at(r.lowestReturn() + t * (r.highestReturn() - r.lowestReturn()), "p");
            assertThat(java.util.Arrays.stream(s.weights()).map(Math::abs).sum()).isLessThanOrEqualTo(1.3 + 1e-6);
        }
        for (BuildResult.Candidate c : List.of(r.candidates().get(0), r.candidates().get(1))) {
            double[] w = c.selection().weights();
            assertThat(java.util.Arrays.stream(w).map(Math::abs).sum()).as(c.method()).isLessThanOrEqualTo(1.3 + 1e-6);
            assertThat(java.util.Arrays.stream(w).sum()).isCloseTo(1, within(1e-8));
        }
        assertThat(java.util.Arrays.stream(r.candidates().get(1).selection().weights()).min().orElseThrow())
                .as("maximum Sharpe goes short within the limit").isLessThan(-1e-6);
    }

    @Test
    void theLastBuildIsStoredAndMatchesItsRecomputationButNotAnotherSetups() {
        OptimizeRequest first = setup("");
        BuildResult r = services.builder().build(first, 0, () -> false);
        String portfolio = first.portfolioId();
        LastBuild last = services.builder().lastBuild(portfolio).orElseThrow();
        assertThat(last.setup().universe()).isEqualTo(first.universe());
        assertThat(last.matches(r)).isTrue();
        assertThat(last.matches(services.builder().build(first, 0, () -> false))).isTrue();
        BuildResult other = services.builder().build(setup("[0, 0.25]", ""), 0, () -> false);
        assertThat(last.matches(other)).isFalse();
        assertThat(services.builder().lastBuild(portfolio).orElseThrow().matches(other)).isTrue();
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
