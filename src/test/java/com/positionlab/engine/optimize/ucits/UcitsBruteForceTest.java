package com.positionlab.engine.optimize.ucits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;

/**
 * The branch and bound against enumeration ({@link BruteForce}) on seeded random problems of 6 to 12 assets,
 * for minimum volatility, efficient return, maximum quadratic utility, maximum Sharpe ratio and efficient
 * risk. The rule is scaled to the number of assets (a 5/10/40 rule needs at least 16 to be fully invested):
 * threshold 1.1/n to 1.5/n, issuer limit 2.2/n to 3/n, concentration limit 30% to 45%. Every third problem has
 * uneven upper bounds (some below the threshold, some between it and the issuer limit) and one asset whose
 * lower bound is above the threshold; every third a sector row; the smallest ones an L2 term; every fourth is
 * solved again by the convex solver alone. Then small problems with transaction costs and a turnover limit.
 */
class UcitsBruteForceTest {

    /** Relative agreement of the objective values. */
    private static final double VALUE = 1e-9;
    /** Agreement of the weights. */
    private static final double WEIGHT = 1e-6;

    private int compared;
    private PortfolioProblem p;
    private UcitsRule rule;

    @Test
    void theBranchAndBoundFindsTheBestPortfolioOfEverySetOnSmallProblems() {
        Random random = new Random(510);
        for (int trial = 0; trial < 14; trial++) {
            int n = 6 + trial % 7;
            double issuer = (2.2 + 0.8 * random.nextDouble()) / n;
            rule = new UcitsRule((1.1 + 0.4 * random.nextDouble()) / n, issuer,
                    Math.max(issuer, 0.3 + 0.15 * random.nextDouble()));
            p = problem(random, n, trial, rule);
            String label = "trial " + trial + ", n = " + n + ", rule " + rule;
            BruteForce.Best least = search(mv -> mv.minVolatility().weights(),
                    w -> p.variance(w) + p.l2Gamma() * squares(w));
            if (least.weights() == null) {
                // none of these seeds gives such a problem; UcitsRuleTest has the infeasible cases
                assertThatThrownBy(() -> new Ucits(p, rule, MeanVariance.Choice.AUTO).minVolatility()).as(label)
                        .isInstanceOf(OptimizationException.class).hasMessageContaining("UCITS");
                continue;
            }
            compareAll(least, label);
            if (trial % 4 == 0) {
                compare(label + ", min volatility by the convex solver", least,
                        w -> p.variance(w) + p.l2Gamma() * squares(w),
                        () -> new Ucits(p, rule, MeanVariance.Choice.QP).minVolatility());
            }
        }
        assertThat(compared).isEqualTo(72);
    }

    @Test
    void transactionCostsAndATurnoverLimitAreHonouredExactly() {
        Random random = new Random(77);
        for (int trial = 0; trial < 3; trial++) {
            int n = 7 + trial;
            double issuer = 2.5 / n;
            rule = new UcitsRule(1.2 / n, issuer, 0.4);
            PortfolioProblem base = UcitsProblems.factorModel(random, n);
            double[] previous = new double[n];
            java.util.Arrays.fill(previous, 1.0 / n);
            p = new PortfolioProblem(base.names(), base.mu(), base.cov(), base.lower(), base.upper(), 1, List.of(), 0,
                    previous, 0.002, 0.5, Double.POSITIVE_INFINITY);
            ToDoubleFunction<double[]> costed = w -> {
                double s = p.variance(w);
                for (int i = 0; i < w.length; i++) {
                    s += 0.002 * Math.abs(w[i] - previous[i]);
                }
                return s;
            };
            String label = "costs, n = " + n;
            compare(label + ", min volatility", search(mv -> mv.minVolatility().weights(), costed), costed,
                    () -> new Ucits(p, rule, MeanVariance.Choice.AUTO).minVolatility());
            double[] w = new Ucits(p, rule, MeanVariance.Choice.AUTO).minVolatility().weights();
            double turnover = 0;
            for (int i = 0; i < n; i++) {
                turnover += Math.abs(w[i] - previous[i]);
            }
            assertThat(turnover).as(label + ": turnover").isLessThanOrEqualTo(0.5 + 1e-9);
        }
    }

    private void compareAll(BruteForce.Best least, String label) {
        Ucits ucits = new Ucits(p, rule, MeanVariance.Choice.AUTO);
        double l2 = p.l2Gamma();
        ToDoubleFunction<double[]> variance = w -> p.variance(w) + l2 * squares(w);
        compare(label + ", min volatility", least, variance, ucits::minVolatility);
        ToDoubleFunction<double[]> utility = w -> 1.5 * p.variance(w) - p.expectedReturn(w) + l2 * squares(w);
        compare(label + ", utility", search(mv -> mv.maxQuadraticUtility(3).weights(), utility), utility,
                () -> ucits.maxQuadraticUtility(3));
        ToDoubleFunction<double[]> sharpe = w -> variance.applyAsDouble(w) / Math.pow(p.expectedReturn(w) - 0.01, 2);
        compare(label + ", Sharpe", search(mv -> mv.maxSharpe(0.01).weights(), sharpe), sharpe,
                () -> ucits.maxSharpe(0.01));
        ToDoubleFunction<double[]> loss = w -> -p.expectedReturn(w);
        BruteForce.Best top = search(mv -> mv.efficientReturn(mv.highestReturn()).weights(), loss);
        double low = p.expectedReturn(least.weights());
        double target = low + 0.6 * (p.expectedReturn(top.weights()) - low);
        compare(label + ", efficient return " + target, search(mv -> mv.efficientReturn(target).weights(),
                variance), variance, () -> ucits.efficientReturn(target));
        if (l2 == 0) {
            double sigma = 0.5 * (Math.sqrt(p.variance(least.weights())) + Math.sqrt(p.variance(top.weights())));
            compare(label + ", efficient risk " + sigma, search(mv -> mv.efficientRisk(sigma).weights(),
                    loss), loss, () -> ucits.efficientRisk(sigma));
        }
        double beyond = -top.value() + 1e-4;
        assertThatThrownBy(() -> ucits.efficientReturn(beyond)).as(label).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target_return").satisfies(e -> {
                    String highest = e.getMessage().replaceAll(".*highest attainable return (\\S+) .*", "$1");
                    assertThat(Double.parseDouble(highest)).as(label + ": highest return").isCloseTo(-top.value(),
                            within(1e-9));
                });
    }

    private BruteForce.Best search(Function<MeanVariance, double[]> optimum, ToDoubleFunction<double[]> value) {
        return BruteForce.search(p, rule, optimum, value);
    }

    private void compare(String label, BruteForce.Best expected, ToDoubleFunction<double[]> value,
                         Supplier<Allocation> actual) {
        assertThat(expected.weights()).as(label + ": the enumeration has an answer").isNotNull();
        double[] w = actual.get().weights();
        assertThat(value.applyAsDouble(w)).as(label + ": objective").isCloseTo(expected.value(),
                within(VALUE * Math.abs(expected.value()) + 1e-15));
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).as(label + ": weight " + i).isCloseTo(expected.weights()[i], within(WEIGHT));
        }
        assertMeetsRule(label, p, rule, w);
        compared++;
    }

    static void assertMeetsRule(String label, PortfolioProblem p, UcitsRule rule, double[] w) {
        double sum = 0;
        double above = 0;
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).as(label + ": weight " + i + " within its bounds and the issuer limit")
                    .isBetween(p.lower()[i] - 1e-12, Math.min(p.upper()[i], rule.issuerLimit()) + 1e-9);
            sum += w[i];
            if (w[i] > rule.threshold() + 1e-9) {
                above += w[i];
            }
        }
        assertThat(sum).as(label + ": fully invested").isCloseTo(1, within(1e-9));
        assertThat(above).as(label + ": weights above the threshold").isLessThanOrEqualTo(
                rule.concentrationLimit() + 1e-9);
        for (LinearConstraint row : p.rows()) {
            assertThat(row.value(w)).as(label + ": " + row.name()).isBetween(row.lower() - 1e-9, row.upper() + 1e-9);
        }
    }

    private static PortfolioProblem problem(Random random, int n, int trial, UcitsRule rule) {
        PortfolioProblem base = UcitsProblems.factorModel(random, n);
        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(upper, 1);
        List<LinearConstraint> rows = List.of();
        if (trial % 3 == 1) {
            for (int i = 0; i < n; i++) {
                upper[i] = rule.threshold() * (0.7 + 2.3 * random.nextDouble());
            }
            int forced = random.nextInt(n);
            lower[forced] = 0.5 * (rule.threshold() + rule.issuerLimit());
            upper[forced] = Math.max(upper[forced], lower[forced]);
        } else if (trial % 3 == 2) {
            double[] sector = new double[n];
            for (int i = 0; i < n / 2; i++) {
                sector[i] = 1;
            }
            rows = List.of(new LinearConstraint("sector", sector, 0.2, 0.55));
        }
        double l2 = n <= 7 && trial % 3 != 1 ? 0.05 : 0;
        return new PortfolioProblem(base.names(), base.mu(), base.cov(), lower, upper, 1, rows, l2, null, 0,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static double squares(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x * x;
        }
        return s;
    }
}
