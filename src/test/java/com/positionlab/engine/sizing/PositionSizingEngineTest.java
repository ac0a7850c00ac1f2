package com.positionlab.engine.sizing;

import static com.positionlab.engine.sizing.SizingFixtures.EQUITY;
import static com.positionlab.engine.sizing.SizingFixtures.book;
import static com.positionlab.engine.sizing.SizingFixtures.cov;
import static com.positionlab.engine.sizing.SizingFixtures.mean;
import static com.positionlab.engine.sizing.SizingFixtures.noLimits;
import static com.positionlab.engine.sizing.SizingFixtures.portfolioVariance;
import static com.positionlab.engine.sizing.SizingFixtures.spec;
import static com.positionlab.engine.sizing.SizingFixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.HistoricalVar;
import com.positionlab.engine.riskmodel.RiskModel;

class PositionSizingEngineTest {

    private final Book book = book();
    private final MarketModel model = MarketModel.of(book);
    private final double[][] r = book.returns();

    /** Book series with candidate weight d, computed directly. */
    private double[] portfolioSeries(double d) {
        double[] p = new double[SizingFixtures.DAYS];
        double[] w = book.weights().clone();
        w[3] += d;
        for (int t = 0; t < p.length; t++) {
            for (int i = 0; i < w.length; i++) {
                p[t] += w[i] * r[i][t];
            }
        }
        return p;
    }

    private double[] bookWeights() {
        return book.weights().clone();
    }

    @Test
    void fixedPercentageIsTwoPercentInWholeUnits() {
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.FIXED_PERCENTAGE, trade(1, 52.5, Double.NaN,
                Double.NaN), noLimits()), model);
        // 2% of 1,000,000 = 20,000; at 52.50 that is 380.95 units, rounded down to 380.
        assertThat(o.rawWeight()).isEqualTo(0.02);
        assertThat(o.units()).isEqualByComparingTo("380");
        assertThat(o.notional()).isEqualByComparingTo("19950.00");
        assertThat(o.weight()).isCloseTo(0.01995, within(1e-12));
        assertThat(o.reason()).isNull();
    }

    @Test
    void fixedRiskRisksOnePercentToTheStop() {
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.FIXED_RISK, trade(1, 50, 48, Double.NaN),
                noLimits()), model);
        // 1% of equity = 10,000 at 2 per unit = 5,000 units.
        assertThat(o.units()).isEqualByComparingTo("5000");
        assertThat(o.rawWeight()).isCloseTo(0.25, within(1e-12));

        SizingOutcome shortTrade = PositionSizingEngine.size(spec(SizingMethod.FIXED_RISK,
                trade(-1, 50, 52.5, Double.NaN), noLimits()), model);
        assertThat(shortTrade.units()).isEqualByComparingTo("4000");
    }

    @Test
    void fixedRiskWithoutAStopNamesTheField() {
        assertThatThrownBy(() -> PositionSizingEngine.size(spec(SizingMethod.FIXED_RISK,
                trade(1, 50, Double.NaN, Double.NaN), noLimits()), model))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("stop_price:");
    }

    @Test
    void equalWeightIsOneOverNPlusOne() {
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.EQUAL_WEIGHT, trade(1, 100, Double.NaN,
                Double.NaN), noLimits()), model);
        assertThat(o.rawWeight()).isEqualTo(0.25);
        assertThat(o.units()).isEqualByComparingTo("2500");
    }

    @Test
    void volatilityAdjustedTargetsTenPercentVolatility() {
        double sigma = Math.sqrt(cov(r[3], r[3]) * 252);
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.VOLATILITY_ADJUSTED, trade(1, 100, Double.NaN,
                Double.NaN), noLimits()), model);
        assertThat(o.rawWeight()).isCloseTo(0.10 / sigma, within(1e-12));
        assertThat(o.expectedVolatility()).isCloseTo(sigma, within(1e-12));
    }

    @Test
    void kellyIsTheGrowthOptimalWeightGivenTheBookThenFractionAndCap() {
        double mu = 0.12;
        double sigma2 = cov(r[3], r[3]) * 252;
        double[] bookSeries = portfolioSeries(0);
        double c = cov(r[3], bookSeries) * 252;
        double kelly = (mu - c) / sigma2;
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION, trade(1, 100, Double.NaN, mu),
                noLimits()), model);
        assertThat(o.kellyFraction()).isCloseTo(kelly, within(1e-10));
        // min(f*, 0.5) x 0.25 x conviction 1.
        assertThat(o.rawWeight()).isCloseTo(Math.min(kelly, 0.5) * 0.25, within(1e-12));
    }

    @Test
    void kellyForAShortUsesTheExpectedReturnInTheTradesDirection() {
        double mu = 0.30;
        double sigma2 = cov(r[3], r[3]) * 252;
        double c = cov(r[3], portfolioSeries(0)) * 252;
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION, trade(-1, 100, Double.NaN, mu),
                noLimits()), model);
        // A short of the candidate hedges a long book: the covariance term adds to the edge.
        assertThat(o.kellyFraction()).isCloseTo((mu + c) / sigma2, within(1e-10));
    }

    private static SizingSpec.Trade withTarget(int direction, double entry, double stop, double target, double p) {
        return new SizingSpec.Trade(direction, EQUITY, entry, stop, new BigDecimal("0.000001"), Double.NaN,
                Conviction.MEDIUM, "S1", SizingFixtures.DAYS, target, p);
    }

    @Test
    void kellyWithAStopATargetAndAWinProbabilityUsesTheTradesOwnKelly() {
        // Long at 100, stop 95, target 115: b = 15 / 5 = 3; p = 0.5: f* = 0.5 - 0.5 / 3 = 1/3 of equity at risk.
        // Quarter Kelly (the cap 0.5 does not bind) puts 1/12 of equity at risk: 1/12 x 100 / 5 = 1.6667 of equity.
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION,
                withTarget(1, 100, 95, 115, 0.5), noLimits()), model);
        assertThat(o.kellyFraction()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(o.rawWeight()).isCloseTo(0.25 / 3 * 100 / 5, within(1e-12));
        assertThat(o.details().tradeKelly().rewardToRisk()).isCloseTo(3, within(1e-12));
        assertThat(o.details().riskPerTrade()).isCloseTo(0.25 / 3, within(1e-12));

        // Mirrored for a short: at 100, stop 104, target 90: b = 10 / 4 = 2.5; p = 0.45: f* = 0.45 - 0.55 / 2.5.
        SizingOutcome s = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION,
                withTarget(-1, 100, 104, 90, 0.45), noLimits()), model);
        double fStar = 0.45 - 0.55 / 2.5;
        assertThat(s.kellyFraction()).isCloseTo(fStar, within(1e-12));
        assertThat(s.rawWeight()).isCloseTo(fStar * 0.25 * 100 / 4, within(1e-12));
    }

    @Test
    void aTradeWhoseOwnKellyIsNegativeGetsNoPositionAndSaysWhy() {
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION,
                withTarget(1, 100, 95, 115, 0.2), noLimits()), model);
        assertThat(o.kellyFraction()).isCloseTo(0.2 - 0.8 / 3, within(1e-12));
        assertThat(o.units()).isEqualByComparingTo("0");
        assertThat(o.reason()).startsWith("no edge: with a win probability of 20.00% and reward:risk 3.0000");
    }

    @Test
    void withoutAnExpectedReturnTheHistoricalMeanIsShrunkByItsStandardError() {
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION, trade(1, 100, Double.NaN,
                Double.NaN), noLimits()), model);
        double mean = mean(r[3]) * 252;
        double se = Math.sqrt(cov(r[3], r[3])) * 252 / Math.sqrt(SizingFixtures.DAYS);
        double kept = 0.01 / (0.01 + se * se);
        assertThat(o.expectedReturn()).isCloseTo(kept * mean, within(1e-12));
        ReturnEstimate e = o.details().returnEstimate();
        assertThat(e.historicalMean()).isCloseTo(mean, within(1e-12));
        assertThat(e.standardError()).isCloseTo(se, within(1e-12));
        assertThat(e.kept()).isCloseTo(kept, within(1e-12));
        double sigma2 = cov(r[3], r[3]) * 252;
        double c = cov(r[3], portfolioSeries(0)) * 252;
        assertThat(o.kellyFraction()).isCloseTo((kept * mean - c) / sigma2, within(1e-10));
        assertThat(o.warnings()).anySatisfy(w -> assertThat(w).contains("shrunk toward zero"));
    }

    @Test
    void aLuckyYearIsMostlyShrunkAway() {
        // A year of daily returns at 25% volatility: se = 25%; with tau = 10%, k = 0.01 / (0.01 + 0.0625).
        ReturnEstimate e = ReturnEstimate.shrunk(0.80, 0.25 * 0.25 / 252, 252);
        assertThat(e.standardError()).isCloseTo(0.25, within(1e-12));
        assertThat(e.kept()).isCloseTo(0.01 / 0.0725, within(1e-12));
        assertThat(e.estimate()).isCloseTo(0.80 * 0.01 / 0.0725, within(1e-12));
        assertThat(ReturnEstimate.shrunk(0.05, 0, 252).estimate()).as("no variance: kept whole").isEqualTo(0.05);
    }

    @Test
    void kellyWithNoEdgeSizesToZeroWithTheReason() {
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION, trade(1, 100, Double.NaN,
                0.0), noLimits()), model);
        assertThat(o.kellyFraction()).isNegative();
        assertThat(o.units()).isEqualByComparingTo("0");
        assertThat(o.reason()).startsWith("no edge");
    }

    @Test
    void kellyConvictionScalesTheFraction() {
        SizingSpec.Trade high = new SizingSpec.Trade(1, EQUITY, 100, Double.NaN, BigDecimal.ONE, 0.12, Conviction.HIGH,
                null, 252);
        SizingOutcome medium = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION, trade(1, 100, Double.NaN,
                0.12), noLimits()), model);
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.KELLY_CRITERION, high, noLimits()), model);
        assertThat(o.rawWeight()).isCloseTo(medium.rawWeight() * 1.5, within(1e-12));
    }

    @Test
    void riskParityGivesTheNewPositionAnEqualShareOfRisk() {
        SizingSpec.Trade t = new SizingSpec.Trade(1, EQUITY, 100, Double.NaN, new BigDecimal("0.000001"), Double.NaN,
                Conviction.MEDIUM, null, 252);
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.RISK_PARITY, t, noLimits()), model);
        double[] w = bookWeights();
        w[3] = o.rawWeight();
        double total = 0;
        double mine = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double v = w[i] * w[j] * cov(r[i], r[j]);
                total += v;
                if (i == 3) {
                    mine += v;
                }
            }
        }
        assertThat(mine / total).isCloseTo(0.25, within(1e-9));
    }

    /** The candidate X held long at 30% of equity: already more than its equal share (1/4) of the book's risk. */
    private static Book heldLong() {
        Book b = book();
        return new Book(new String[] {"A", "B", "C", "X"}, new double[] {0.20, 0.15, 0.10, 0.30}, b.sectors(),
                new String[] {"S1", "S2", "S1", null}, b.returns(), 3);
    }

    /** X's Euler share of the variance of the book with weights w. */
    private double shareOfX(double[] w) {
        double total = 0;
        double mine = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double v = w[i] * w[j] * cov(r[i], r[j]);
                total += v;
                if (i == 3) {
                    mine += v;
                }
            }
        }
        return mine / total;
    }

    @Test
    void riskParityShortAgainstAHeldLongFlipsItToAnEqualShareOfRisk() {
        Book held = heldLong();
        MarketModel m = MarketModel.of(held);
        SizingSpec.Trade t = new SizingSpec.Trade(-1, EQUITY, 100, Double.NaN, new BigDecimal("0.000001"), Double.NaN,
                Conviction.MEDIUM, null, 252);
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.RISK_PARITY, t, noLimits()), m);
        assertThat(o.reason()).isNull();
        double[] w = held.weights().clone();
        w[3] -= o.rawWeight();
        assertThat(w[3]).as("the trade closes the long and goes short").isNegative();
        assertThat(shareOfX(w)).isCloseTo(0.25, within(1e-9));

        SizingSpec.Trade more = new SizingSpec.Trade(1, EQUITY, 100, Double.NaN, new BigDecimal("0.000001"),
                Double.NaN, Conviction.MEDIUM, null, 252);
        SizingOutcome topUp = PositionSizingEngine.size(spec(SizingMethod.RISK_PARITY, more, noLimits()), m);
        assertThat(topUp.rawWeight()).as("in the held direction: already at its share").isZero();
        assertThat(topUp.reason()).contains("at or above its equal share");
    }

    @Test
    void optimalFMatchesTheHandSolvedCase() {
        // Trades alternate +20% and -10%: maximise 0.5 ln(1 + 2f) + 0.5 ln(1 - f), so f = 0.25, weight f / L = 2.5.
        double[] trades = {0.2, -0.1, 0.2, -0.1, 0.2, -0.1};
        OptimalF.Result f = OptimalF.of(trades);
        assertThat(f.f()).isCloseTo(0.25, within(1e-10));
        assertThat(f.largestLoss()).isEqualTo(0.1);
        assertThat(f.weight()).isCloseTo(2.5, within(1e-9));
        SizingSpec s = new SizingSpec(trade(1, 100, Double.NaN, Double.NaN), new SizingSpec.Method(
                SizingMethod.OPTIMAL_F, 0.1, 0.02, 0.01, 0.25, 0.5, 0.25, trades), SizingFixtures.risk(
                RiskModel.HISTORICAL_VAR), noLimits(), null, List.of());
        assertThat(PositionSizingEngine.size(s, model).rawWeight()).isCloseTo(0.625, within(1e-9));
    }

    @Test
    void optimalFIsZeroWithoutAnEdge() {
        assertThat(OptimalF.of(new double[] {0.1, -0.1, 0.1, -0.1, 0.05, -0.1}).f()).isZero();
    }

    // ---- each constraint binding alone ----

    private SizingOutcome equalWeight(SizingSpec.Limits limits) {
        return PositionSizingEngine.size(spec(SizingMethod.EQUAL_WEIGHT, trade(1, 100, Double.NaN, Double.NaN),
                limits), model);
    }

    private static SizingSpec.Limits limits(double maxPos, double minPos, double maxRisk, boolean var, double instrument,
                                            double sector, double corr, double leverage) {
        return new SizingSpec.Limits(maxPos, minPos, maxRisk, var, instrument, sector, corr, leverage);
    }

    @Test
    void maxPositionSizeAlone() {
        SizingOutcome o = equalWeight(limits(0.05, 0, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN));
        assertThat(o.bindings()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("max_position_size");
            assertThat(b.before()).isEqualTo(0.25);
            assertThat(b.after()).isEqualTo(0.05);
        });
        assertThat(o.units()).isEqualByComparingTo("500");
    }

    @Test
    void maxSectorWeightAlone() {
        // Tech holds 35% already; a 40% cap leaves 5%.
        SizingOutcome o = equalWeight(limits(10, 0, Double.NaN, false, Double.NaN, 0.40, Double.NaN, Double.NaN));
        assertThat(o.bindings()).singleElement().satisfies(b -> assertThat(b.name()).isEqualTo("max_sector_weight"));
        assertThat(o.weight()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void leverageLimitAlone() {
        // Gross 45% now; 60% leaves 15%.
        SizingOutcome o = equalWeight(limits(10, 0, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN, 0.60));
        assertThat(o.bindings()).singleElement().satisfies(b -> assertThat(b.name()).isEqualTo("leverage_limit"));
        assertThat(o.weight()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void maxInstrumentWeightCountsWhatIsHeld() {
        Book held = new Book(book.ids(), new double[] {0.20, 0.15, 0.10, 0.03}, book.sectors(), book.strategies(),
                book.returns(), 3);
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.FIXED_PERCENTAGE, trade(1, 100, Double.NaN,
                Double.NaN), limits(10, 0, Double.NaN, false, 0.04, Double.NaN, Double.NaN, Double.NaN)),
                MarketModel.of(held));
        assertThat(o.bindings()).singleElement().satisfies(b -> assertThat(b.name()).isEqualTo("max_instrument_weight"));
        assertThat(o.weight()).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void correlationLimitRefusesATradeTooCloseToTheBook() {
        SizingOutcome o = equalWeight(limits(10, 0, Double.NaN, false, Double.NaN, Double.NaN, 0.3, Double.NaN));
        assertThat(o.bindings()).singleElement().satisfies(b -> assertThat(b.name()).isEqualTo("correlation_limit"));
        assertThat(o.units()).isEqualByComparingTo("0");
        assertThat(o.reason()).contains("correlation_limit");
        // The same trade short is negatively correlated with the book and passes.
        SizingOutcome s = PositionSizingEngine.size(spec(SizingMethod.EQUAL_WEIGHT, trade(-1, 100, Double.NaN,
                Double.NaN), limits(10, 0, Double.NaN, false, Double.NaN, Double.NaN, 0.3, Double.NaN)), model);
        assertThat(s.bindings()).isEmpty();
    }

    @Test
    void maxPortfolioRiskSolvesForTheLargestSizeWithinTheVolatilityLimit() {
        double before = Math.sqrt(portfolioVariance(r, bookWeights()));
        double limit = before + 0.01;
        SizingOutcome o = equalWeight(limits(10, 0, limit, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        assertThat(o.bindings()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("max_portfolio_risk");
            double[] w = bookWeights();
            w[3] = b.after();
            assertThat(Math.sqrt(portfolioVariance(r, w))).isCloseTo(limit, within(1e-9));
        });
        double[] w = bookWeights();
        w[3] = o.weight();
        assertThat(Math.sqrt(portfolioVariance(r, w))).isLessThanOrEqualTo(limit);
    }

    @Test
    void maxPortfolioRiskAsVarStaysWithinTheLimit() {
        double before = HistoricalVar.of(portfolioSeries(0), 0.95).var();
        double limit = before * 1.1;
        SizingOutcome o = equalWeight(limits(10, 0, limit, true, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        assertThat(o.bindings()).singleElement().satisfies(b -> assertThat(b.name()).isEqualTo("max_portfolio_risk"));
        assertThat(HistoricalVar.of(portfolioSeries(o.weight()), 0.95).var()).isLessThanOrEqualTo(limit + 1e-12);
        assertThat(o.risk().portfolioVarAfter()).isLessThanOrEqualTo(limit + 1e-12);
        // and a bigger position would break it: the solve is tight to a lot.
        assertThat(HistoricalVar.of(portfolioSeries(o.weight() + 0.002), 0.95).var()).isGreaterThan(limit);
    }

    @Test
    void aBookAlreadyAboveTheRiskLimitAdmitsNoRiskAddingTrade() {
        SizingOutcome o = equalWeight(limits(10, 0, 0.01, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        assertThat(o.units()).isEqualByComparingTo("0");
        assertThat(o.bindings()).singleElement().satisfies(b -> assertThat(b.reason()).contains("already above"));
        assertThat(o.reason()).isNotBlank();
    }

    @Test
    void minPositionSizeAlone() {
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.FIXED_PERCENTAGE, trade(1, 100, Double.NaN,
                Double.NaN), limits(10, 0.03, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN)),
                model);
        assertThat(o.bindings()).singleElement().satisfies(b -> assertThat(b.name()).isEqualTo("min_position_size"));
        assertThat(o.units()).isEqualByComparingTo("0");
    }

    @Test
    void aPositionSmallerThanOneLotIsZeroWithTheReason() {
        SizingSpec.Trade t = new SizingSpec.Trade(1, 10_000, 500, Double.NaN, new BigDecimal("100"), Double.NaN,
                Conviction.MEDIUM, null, 252);
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.FIXED_PERCENTAGE, t, noLimits()), model);
        assertThat(o.units()).isEqualByComparingTo("0");
        assertThat(o.reason()).contains("one lot");
    }

    @Test
    void sectorRiskBudgetLimitsTheTrade() {
        // A Tech budget one volatility point above what Tech uses now.
        RiskBudgeting probe = new RiskBudgeting(model, SizingFixtures.budgets(1.0, Map.of("Tech", 0.2)), null);
        double techNow = probe.sectorUse("Tech", 0);
        double total = (techNow + 0.01) / 0.2 / probe.scale();
        SizingSpec s = new SizingSpec(trade(1, 100, Double.NaN, Double.NaN), SizingFixtures.method(
                SizingMethod.EQUAL_WEIGHT), SizingFixtures.risk(RiskModel.HISTORICAL_VAR), noLimits(),
                SizingFixtures.budgets(total, Map.of("Tech", 0.2)), List.of());
        SizingOutcome o = PositionSizingEngine.size(s, model);
        SizingOutcome.BudgetUse tech = o.budgets().stream().filter(b -> b.name().equals("Tech")).findFirst()
                .orElseThrow();
        assertThat(o.bindings()).extracting(com.positionlab.engine.limits.Binding::name).contains("risk_budget.sector");
        assertThat(tech.budget()).isCloseTo(techNow + 0.01, within(1e-12));
        assertThat(tech.usedAfter()).isLessThanOrEqualTo(tech.budget() + 1e-6);
        assertThat(tech.usedAfter()).isGreaterThan(tech.budget() - 1e-3);
        assertThat(tech.usedAfter()).isGreaterThan(tech.usedBefore());
        // Euler contributions add up to the book's volatility.
        SizingOutcome.BudgetUse portfolio = o.budgets().get(0);
        double[] w = bookWeights();
        w[3] = o.weight();
        assertThat(portfolio.usedAfter()).isCloseTo(Math.sqrt(portfolioVariance(r, w)), within(1e-9));
    }

    @Test
    void budgetsShrinkWithDrawdownByTheDocumentedRule() {
        SizingSpec.Budgets half = new SizingSpec.Budgets(0.2, Map.of(), Map.of(), 0.2, 20, 0.1);
        RiskBudgeting rb = new RiskBudgeting(model, half, null);
        double[] b = model.bookSeries();
        double longVol = RiskBudgeting.sd(b, 0);
        double recent = RiskBudgeting.sd(b, b.length - 20);
        double mVol = Math.max(0.5, Math.min(1.5, longVol / recent));
        assertThat(rb.scale()).isCloseTo(mVol * 0.5, within(1e-12));
        assertThat(rb.effectiveTotal()).isCloseTo(0.2 * mVol * 0.5, within(1e-12));
    }

    // ---- impact, risk and stress ----

    @Test
    void portfolioImpactMatchesDirectComputation() {
        SizingOutcome o = equalWeight(noLimits());
        double[] w0 = bookWeights();
        double[] w1 = bookWeights();
        w1[3] = o.weight();
        double before = Math.sqrt(portfolioVariance(r, w0));
        double after = Math.sqrt(portfolioVariance(r, w1));
        assertThat(o.impact().portfolioRiskChange()).isCloseTo(after - before, within(1e-12));
        double[] bookSeries = portfolioSeries(0);
        double rho = cov(r[3], bookSeries) / Math.sqrt(cov(r[3], r[3]) * cov(bookSeries, bookSeries));
        assertThat(o.impact().correlationImpact()).isCloseTo(rho, within(1e-12));
        double sigmaX = Math.sqrt(cov(r[3], r[3]) * 252);
        assertThat(o.impact().diversificationBenefit()).isCloseTo(1 - after / (before + o.weight() * sigmaX),
                within(1e-12));
        double gross = Arrays.stream(w1).map(Math::abs).sum();
        double hhi = Arrays.stream(w1).map(x -> x * x).sum() / (gross * gross);
        assertThat(o.impact().concentrationRisk()).isCloseTo(hhi, within(1e-12));
    }

    @Test
    void historicalVarOfThePortfolioBeforeAndAfter() {
        SizingOutcome o = equalWeight(noLimits());
        assertThat(o.risk().portfolioVarBefore()).isCloseTo(HistoricalVar.of(portfolioSeries(0), 0.95).var(),
                within(1e-15));
        assertThat(o.risk().portfolioVarAfter()).isCloseTo(HistoricalVar.of(portfolioSeries(o.weight()), 0.95).var(),
                within(1e-15));
        double[] pos = Arrays.stream(r[3]).map(x -> x * o.weight()).toArray();
        assertThat(o.risk().positionVar()).isCloseTo(HistoricalVar.of(pos, 0.95).var(), within(1e-12));
    }

    @Test
    void horizonScalesVarBySquareRootOfTime() {
        SizingSpec one = spec(SizingMethod.EQUAL_WEIGHT, trade(1, 100, Double.NaN, Double.NaN), noLimits());
        SizingSpec ten = new SizingSpec(one.trade(), one.method(), new SizingSpec.Risk(RiskModel.HISTORICAL_VAR, 0.95,
                10, false, 10_000, 42), one.limits(), null, List.of());
        double a = PositionSizingEngine.size(one, model).risk().portfolioVarAfter();
        double b = PositionSizingEngine.size(ten, model).risk().portfolioVarAfter();
        assertThat(b).isCloseTo(a * Math.sqrt(10), within(1e-12));
    }

    @Test
    void stressTestsFindTheWorstWindowAndApplyShocks() {
        SizingSpec base = spec(SizingMethod.EQUAL_WEIGHT, trade(1, 100, Double.NaN, Double.NaN), noLimits());
        SizingSpec s = new SizingSpec(base.trade(), base.method(), base.risk(), base.limits(), null, List.of(
                new SizingSpec.Shock("Tech -20%, X -30%", Map.of("X", -0.3), Map.of("Tech", -0.2))));
        SizingOutcome o = PositionSizingEngine.size(s, model);
        double d = o.weight();
        double[] after = portfolioSeries(d);
        double worst = Arrays.stream(after).min().orElseThrow();
        SizingOutcome.StressOutcome day = o.stress().get(0);
        assertThat(day.days()).isEqualTo(1);
        assertThat(day.portfolioPnlAfter()).isCloseTo(worst, within(1e-15));
        assertThat(day.positionPnl()).isCloseTo(d * r[3][day.windowStart()], within(1e-15));
        // 5-day window: compounded per asset, weighted.
        SizingOutcome.StressOutcome week = o.stress().get(1);
        double expected = 0;
        double[] w = bookWeights();
        w[3] = d;
        for (int i = 0; i < 4; i++) {
            double g = 1;
            for (int t = week.windowStart(); t < week.windowStart() + 5; t++) {
                g *= 1 + r[i][t];
            }
            expected += w[i] * (g - 1);
        }
        assertThat(week.portfolioPnlAfter()).isCloseTo(expected, within(1e-12));
        SizingOutcome.StressOutcome user = o.stress().get(3);
        assertThat(user.portfolioPnlBefore()).isCloseTo(0.20 * -0.2 + 0.15 * -0.2, within(1e-12));
        assertThat(user.positionPnl()).isCloseTo(d * -0.3, within(1e-12));
        assertThat(user.portfolioPnlAfter()).isCloseTo(user.portfolioPnlBefore() + user.positionPnl(), within(1e-12));
    }

    @Test
    void compareSizesEveryMethodAndExplainsThoseThatCannot() {
        List<SizingOutcome> all = PositionSizingEngine.compare(spec(SizingMethod.KELLY_CRITERION,
                trade(1, 100, Double.NaN, 0.12), noLimits()), model);
        assertThat(all).extracting(SizingOutcome::method).containsExactly(SizingMethod.values());
        SizingOutcome fixedRisk = all.get(SizingMethod.FIXED_RISK.ordinal());
        assertThat(fixedRisk.units()).isEqualByComparingTo("0");
        assertThat(fixedRisk.reason()).contains("stop_price");
        assertThat(all.get(SizingMethod.EQUAL_WEIGHT.ordinal()).rawWeight()).isEqualTo(0.25);
    }

    @Test
    void targetWeightMethodsTopUpAHolding() {
        Book held = new Book(book.ids(), new double[] {0.20, 0.15, 0.10, 0.05}, book.sectors(), book.strategies(),
                book.returns(), 3);
        SizingOutcome o = PositionSizingEngine.size(spec(SizingMethod.EQUAL_WEIGHT, trade(1, 100, Double.NaN,
                Double.NaN), noLimits()), MarketModel.of(held));
        assertThat(o.rawWeight()).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void monteCarloAndParametricRiskModelsGiveComparableFigures() {
        SizingSpec base = spec(SizingMethod.EQUAL_WEIGHT, trade(1, 100, Double.NaN, Double.NaN), noLimits());
        double param = PositionSizingEngine.size(new SizingSpec(base.trade(), base.method(),
                SizingFixtures.risk(RiskModel.PARAMETRIC), base.limits(), null, List.of()), model).risk()
                .portfolioVarAfter();
        double mc = PositionSizingEngine.size(new SizingSpec(base.trade(), base.method(),
                SizingFixtures.risk(RiskModel.MONTE_CARLO), base.limits(), null, List.of()), model).risk()
                .portfolioVarAfter();
        // 10,000 normal scenarios from the same mean and covariance: within a few percent of the closed form.
        assertThat(mc).isCloseTo(param, within(param * 0.05));
    }
}
