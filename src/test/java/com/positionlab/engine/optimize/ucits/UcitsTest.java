package com.positionlab.engine.optimize.ucits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;

/**
 * The 5/10/40 rule on problems worked by hand: uncorrelated assets, where the optimum follows from the
 * optimality conditions, and the bounds and rows that leave no portfolio meeting the rule.
 */
class UcitsTest {

    private static final double EXACT = 1e-12;
    private static final UcitsRule RULE = UcitsRule.STANDARD;

    /** n uncorrelated assets with the given variances and expected returns, bounds [0, 1]. */
    private static PortfolioProblem uncorrelated(double[] variance, double[] mu) {
        int n = variance.length;
        double[][] cov = new double[n][n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cov[i][i] = variance[i];
            names.add("A" + i);
        }
        return PortfolioProblem.simple(names, mu, cov, 0, 1);
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static Ucits ucits(PortfolioProblem p) {
        return new Ucits(p, RULE, MeanVariance.Choice.AUTO);
    }

    @Test
    void twentyEqualUncorrelatedAssetsHoldFivePercentEachWhichTheRuleAllows() {
        Allocation a = ucits(uncorrelated(filled(20, 0.04), filled(20, 0.06))).minVolatility();
        for (double w : a.weights()) {
            assertThat(w).isCloseTo(0.05, within(EXACT));
        }
        assertThat(a.iterations()).as("nodes: the convex optimum already meets the rule").isEqualTo(1);
        assertThat(a.solver()).isEqualTo(Ucits.SOLVER + "critical line");
    }

    @Test
    void sixLowVarianceAssetsAreCutToFourAtTheIssuerLimitAndTwoAtTheThreshold() {
        // capped at 10% only, the six low-variance assets would take 60%; the rule leaves 40% above 5%:
        // four at 10%, the other two at 5%, and the 50% left spread evenly over the fourteen others
        double[] variance = new double[20];
        for (int i = 0; i < 20; i++) {
            variance[i] = i < 6 ? 0.01 : 0.09;
        }
        PortfolioProblem p = uncorrelated(variance, filled(20, 0.06));
        double[] w = ucits(p).minVolatility().weights();
        assertThat(count(w, 0, 6, 0.10)).isEqualTo(4);
        assertThat(count(w, 0, 6, 0.05)).isEqualTo(2);
        assertThat(count(w, 6, 20, 0.5 / 14)).isEqualTo(14);
        // 4 * 0.01 * 0.1^2 + 2 * 0.01 * 0.05^2 + 14 * 0.09 / 28^2
        assertThat(p.variance(w)).isCloseTo(0.0004 + 0.00005 + 0.09 * 14 / 784, within(EXACT));
        assertMeetsRule(w);
    }

    @Test
    void sixHighReturnAssetsGiveTheirExtraWeightBackToTheOthersUnderMaximumUtility() {
        // utility mu.w - w'Sigma w (delta 2): each star (15%) wants more than 10%, the others take the rest;
        // the best use of the 40% is four stars at 10% (more return than five at 8%), two at 5%
        double[] mu = new double[20];
        for (int i = 0; i < 20; i++) {
            mu[i] = i < 6 ? 0.15 : 0.05;
        }
        PortfolioProblem p = uncorrelated(filled(20, 0.04), mu);
        Allocation convex = new MeanVariance(withCaps(p, 0.10)).maxQuadraticUtility(2);
        assertThat(count(convex.weights(), 0, 6, 0.10)).as("the convex optimum breaks the rule").isEqualTo(6);
        double[] w = ucits(p).maxQuadraticUtility(2).weights();
        assertThat(count(w, 0, 6, 0.10)).isEqualTo(4);
        assertThat(count(w, 0, 6, 0.05)).isEqualTo(2);
        assertThat(count(w, 6, 20, 0.5 / 14)).isEqualTo(14);
        double variance = 0.04 * (4 * 0.01 + 2 * 0.0025 + 14.0 / 784);
        assertThat(p.expectedReturn(w) - p.variance(w)).isCloseTo(0.1 - variance, within(EXACT));
        assertMeetsRule(w);
    }

    @Test
    void sixteenAssetsHaveOnePortfolioUnderTheRuleAndSixteenNeedTheLowestVariancesAtTheTop() {
        // the most the rule lets n assets hold is 40% (four at 10%) plus 5% for each of the other n - 4
        double[] variance = new double[16];
        for (int i = 0; i < 16; i++) {
            variance[i] = 0.01 * (1 + i);
        }
        PortfolioProblem p = uncorrelated(variance, filled(16, 0.06));
        double[] w = ucits(p).minVolatility().weights();
        for (int i = 0; i < 16; i++) {
            assertThat(w[i]).as("weight " + i).isCloseTo(i < 4 ? 0.10 : 0.05, within(1e-9));
        }
        PortfolioProblem fifteen = uncorrelated(filled(15, 0.04), filled(15, 0.06));
        assertThatThrownBy(() -> ucits(fifteen)).isInstanceOf(OptimizationException.class)
                .hasMessageContaining("needs at least 16 assets to be fully invested")
                .hasMessageContaining("and there are 15")
                .satisfies(e -> assertThat(((OptimizationException) e).status())
                        .isEqualTo(OptimizationException.Status.INFEASIBLE));
        assertThat(RULE.fewestAssets()).isEqualTo(16);
        assertThat(RULE.mostInvested(15)).isCloseTo(0.95, within(EXACT));
    }

    @Test
    void aRowThatNeedsMoreThanTheRuleLetsEightAssetsHoldHasNoPortfolio() {
        // eight assets hold at most 4 x 10% + 4 x 5% = 60% under the rule
        PortfolioProblem p = uncorrelated(filled(20, 0.04), filled(20, 0.06));
        double[] first = new double[20];
        java.util.Arrays.fill(first, 0, 8, 1);
        double[] w = ucits(withRow(p, first, 0.6)).minVolatility().weights();
        assertThat(count(w, 0, 8, 0.10)).isEqualTo(4);
        assertThat(count(w, 0, 8, 0.05)).isEqualTo(4);
        assertThatThrownBy(() -> ucits(withRow(p, first, 0.61)).minVolatility())
                .isInstanceOf(OptimizationException.class)
                .hasMessageStartingWith("no fully invested portfolio within the weight bounds and the other "
                        + "constraints meets the UCITS 5/10/40 rule");
    }

    @Test
    void boundsTheRuleCannotMeetAreRefusedBeforeAnySearch() {
        PortfolioProblem p = uncorrelated(filled(20, 0.04), filled(20, 0.06));
        double[] lower = new double[20];
        lower[3] = 0.12;
        assertThatThrownBy(() -> ucits(withLower(p, lower))).isInstanceOf(OptimizationException.class)
                .hasMessage("the lower bound of A3, 12%, is above the UCITS issuer limit of 10%");
        java.util.Arrays.fill(lower, 0, 5, 0.09);
        assertThatThrownBy(() -> ucits(withLower(p, lower))).isInstanceOf(OptimizationException.class)
                .hasMessageContaining("the lower bounds above 5% add up to 45%");
        lower[3] = -0.1;
        assertThatThrownBy(() -> ucits(withLower(p, lower))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("weight_bounds: the UCITS rule applies to long-only portfolios");
        assertThatThrownBy(() -> ucits(p.withBudget(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("market_neutral");
    }

    @Test
    void aLowerBoundAboveTheThresholdPutsTheAssetAmongThoseAboveIt() {
        // A0 must hold at least 8%: it counts towards the 40%, leaving room for three at 10%
        double[] variance = new double[20];
        for (int i = 0; i < 20; i++) {
            variance[i] = i < 6 ? 0.01 : 0.09;
        }
        PortfolioProblem p = uncorrelated(variance, filled(20, 0.06));
        double[] lower = new double[20];
        lower[19] = 0.08;
        double[] w = ucits(withLower(p, lower)).minVolatility().weights();
        assertThat(w[19]).isCloseTo(0.08, within(EXACT));
        assertThat(count(w, 0, 6, 0.10)).isEqualTo(3);
        assertMeetsRule(w);
    }

    @Test
    void theRuleIsCheckedAndDescribed() {
        assertThat(RULE.label()).isEqualTo("5/10/40");
        assertThat(RULE.concentration(new double[] {0.1, 0.1, 0.05, 0.06, 0.05 + 1e-10})).isCloseTo(0.26,
                within(EXACT));
        assertThat(RULE.holds(new double[] {0.1, 0.1, 0.1, 0.1, 0.05})).isTrue();
        assertThat(RULE.holds(new double[] {0.1, 0.1, 0.1, 0.1, 0.06})).isFalse();
        assertThat(RULE.holds(new double[] {0.11})).isFalse();
        assertThatThrownBy(() -> new UcitsRule(0.1, 0.1, 0.4)).hasMessageStartingWith("threshold");
        assertThatThrownBy(() -> new UcitsRule(0.05, 0.5, 0.4)).hasMessageStartingWith("issuer_limit");
        assertThatThrownBy(() -> new UcitsRule(0.05, 0.1, 1.2)).hasMessageStartingWith("concentration_limit");
    }

    private static int count(double[] w, int from, int to, double value) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (Math.abs(w[i] - value) <= 1e-9) {
                k++;
            }
        }
        return k;
    }

    private static void assertMeetsRule(double[] w) {
        double sum = 0;
        for (double x : w) {
            assertThat(x).isLessThanOrEqualTo(0.10 + 1e-9);
            sum += x;
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(RULE.concentration(w)).isLessThanOrEqualTo(0.40 + 1e-9);
    }

    private static PortfolioProblem withCaps(PortfolioProblem p, double cap) {
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), filled(p.n(), cap), 1, p.rows(), 0, null,
                0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static PortfolioProblem withLower(PortfolioProblem p, double[] lower) {
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), lower.clone(), p.upper(), 1, p.rows(), 0, null, 0,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static PortfolioProblem withRow(PortfolioProblem p, double[] a, double atLeast) {
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), p.upper(), 1,
                List.of(new LinearConstraint("first eight", a, atLeast, Double.POSITIVE_INFINITY)), 0, null, 0,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
}
