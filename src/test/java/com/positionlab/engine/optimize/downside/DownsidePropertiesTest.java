package com.positionlab.engine.optimize.downside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.qp.OptimizationException;

/**
 * Invariants of the downside optimisers on seeded random scenarios (one market factor plus noise): budget and
 * bounds hold, the reported measure is the measure of the weights computed independently, the minimum is no
 * worse than equal weights, efficient-return risk rises with the target, extra rows bind when they should,
 * and unreachable targets are errors that name the target.
 */
class DownsidePropertiesTest {

    private static final double FEASIBLE = 1e-9;
    private static final double SAME = 1e-12;
    private static final int T = 300;
    private static final int N = 6;

    private static final double[][] R = scenarios(new Random(20240601));
    private static final double[] MU = {0.05, 0.08, 0.12, 0.15, 0.03, 0.10};

    private static double[][] scenarios(Random random) {
        double[][] r = new double[T][N];
        for (int t = 0; t < T; t++) {
            double market = 0.0004 + 0.01 * random.nextGaussian();
            for (int i = 0; i < N; i++) {
                r[t][i] = 0.0002 * i + (0.5 + 0.15 * i) * market + 0.008 * random.nextGaussian();
            }
        }
        return r;
    }

    /** Every method; the risk targets lie a little above each problem's minimum, so they can be met. */
    private static List<Function<DownsideProblem, DownsideResult>> everyMethod() {
        return List.of(p -> new EfficientSemivariance(p).minSemivariance(),
                p -> new EfficientSemivariance(p).efficientReturn(0.09),
                p -> new EfficientSemivariance(p).efficientRisk(new EfficientSemivariance(p).minSemivariance().risk() + 0.01),
                p -> new EfficientSemivariance(p).maxQuadraticUtility(2),
                p -> new EfficientCvar(p).minCvar(), p -> new EfficientCvar(p).efficientReturn(0.09),
                p -> new EfficientCvar(p).efficientRisk(new EfficientCvar(p).minCvar().risk() + 0.002), p -> new EfficientCdar(p).minCdar(),
                p -> new EfficientCdar(p).efficientReturn(0.09), p -> new EfficientCdar(p).efficientRisk(new EfficientCdar(p).minCdar().risk() + 0.01));
    }

    private static List<DownsideProblem> problems() {
        DownsideProblem base = DownsideProblem.of(R, MU);
        double[] tech = {1, 1, 1, 0, 0, 0};
        return List.of(base, base.withL2(0.05), base.withBounds(-0.5, 1).withBudget(Budget.MARKET_NEUTRAL),
                base.withConstraint(WeightConstraint.atMost("first three <= 0.5", tech, 0.5)));
    }

    @Test
    void weightsMeetTheBudgetTheBoundsAndTheExtraRows() {
        for (DownsideProblem p : problems()) {
            for (Function<DownsideProblem, DownsideResult> method : everyMethod()) {
                DownsideResult r = method.apply(p);
                double[] w = r.weights();
                assertThat(Arrays.stream(w).sum()).isCloseTo(p.budget().total(), within(FEASIBLE));
                for (int i = 0; i < N; i++) {
                    assertThat(w[i]).isBetween(p.lower()[i] - FEASIBLE, p.upper()[i] + FEASIBLE);
                }
                for (WeightConstraint c : p.constraints()) {
                    assertThat(c.value(w)).isLessThanOrEqualTo(c.bound() + FEASIBLE);
                }
                assertThat(r.expectedReturn()).isCloseTo(p.expectedReturn(w), within(SAME));
            }
        }
    }

    @Test
    void theReportedMeasureIsTheMeasureOfTheWeightsComputedIndependently() {
        for (DownsideProblem p : problems()) {
            for (Function<DownsideProblem, DownsideResult> method : everyMethod()) {
                DownsideResult r = method.apply(p);
                assertThat(r.risk()).as("%s of %s", r.measure(), r.solver())
                        .isCloseTo(independent(r.measure(), r.weights()), within(SAME));
            }
        }
    }

    /** Sorting and counting straight from the definitions, with none of the package's helpers. */
    private static double independent(RiskMeasure m, double[] w) {
        double[] p = new double[T];
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < N; i++) {
                p[t] += R[t][i] * w[i];
            }
        }
        if (m == RiskMeasure.SEMIDEVIATION) {
            double s = 0;
            for (double x : p) {
                s += x < 0 ? x * x : 0;
            }
            return Math.sqrt(252 * s / T);
        }
        double[] x = new double[T];
        double level = 0;
        double peak = 0;
        for (int t = 0; t < T; t++) {
            level += p[t];
            peak = Math.max(peak, level);
            x[t] = m == RiskMeasure.CVAR ? -p[t] : peak - level;
        }
        return meanOfWorst(x, 0.05 * T);
    }

    /** The mean of the worst k values, the last one counted by its fraction: the tail expectation. */
    private static double meanOfWorst(double[] x, double k) {
        double[] s = x.clone();
        Arrays.sort(s);
        int whole = (int) Math.floor(k);
        double sum = 0;
        for (int j = 0; j < whole; j++) {
            sum += s[s.length - 1 - j];
        }
        return (sum + (k - whole) * s[s.length - 1 - whole]) / k;
    }

    @Test
    void theMinimumIsNoWorseThanEqualWeights() {
        DownsideProblem p = DownsideProblem.of(R, MU);
        double[] equal = new double[N];
        Arrays.fill(equal, 1.0 / N);
        assertThat(new EfficientSemivariance(p).minSemivariance().risk())
                .isLessThanOrEqualTo(independent(RiskMeasure.SEMIDEVIATION, equal));
        assertThat(new EfficientCvar(p).minCvar().risk()).isLessThanOrEqualTo(independent(RiskMeasure.CVAR, equal));
        assertThat(new EfficientCdar(p).minCdar().risk()).isLessThanOrEqualTo(independent(RiskMeasure.CDAR, equal));
    }

    @Test
    void efficientReturnRiskRisesWithTheTarget() {
        DownsideProblem p = DownsideProblem.of(R, MU);
        List<Function<Double, DownsideResult>> methods = List.of(t -> new EfficientSemivariance(p).efficientReturn(t),
                t -> new EfficientCvar(p).efficientReturn(t), t -> new EfficientCdar(p).efficientReturn(t));
        for (Function<Double, DownsideResult> method : methods) {
            List<Double> risks = new ArrayList<>();
            for (double target = 0.08; target <= 0.145; target += 0.01) {
                DownsideResult r = method.apply(target);
                assertThat(r.expectedReturn()).isGreaterThanOrEqualTo(target - FEASIBLE);
                risks.add(r.risk());
            }
            for (int j = 1; j < risks.size(); j++) {
                assertThat(risks.get(j)).isGreaterThanOrEqualTo(risks.get(j - 1) - SAME);
            }
        }
    }

    @Test
    void aSectorLimitThatBindsIsReportedByName() {
        double[] growth = {0, 0, 1, 1, 0, 0};
        DownsideProblem p = DownsideProblem.of(R, MU)
                .withConstraint(WeightConstraint.atMost("growth <= 0.4", growth, 0.4));
        DownsideResult r = new EfficientCvar(p).efficientReturn(0.11);
        assertThat(r.weights()[2] + r.weights()[3]).isCloseTo(0.4, within(FEASIBLE));
        assertThat(r.binding()).contains("budget", "growth <= 0.4", "return >= 0.11");
    }

    @Test
    void aRiskTargetBelowTheMinimumIsAnErrorNamingTheTarget() {
        DownsideProblem p = DownsideProblem.of(R, MU);
        double cvar = new EfficientCvar(p).minCvar().risk() - 0.001;
        double cdar = new EfficientCdar(p).minCdar().risk() - 0.001;
        double semideviation = new EfficientSemivariance(p).minSemivariance().risk() - 0.001;
        assertThatThrownBy(() -> new EfficientCvar(p).efficientRisk(cvar)).isInstanceOf(OptimizationException.class)
                .hasMessageContaining(String.valueOf(cvar));
        assertThatThrownBy(() -> new EfficientCdar(p).efficientRisk(cdar)).isInstanceOf(OptimizationException.class)
                .hasMessageContaining(String.valueOf(cdar));
        assertThatThrownBy(() -> new EfficientSemivariance(p).efficientRisk(semideviation))
                .isInstanceOf(OptimizationException.class).hasMessageContaining(String.valueOf(semideviation));
    }

    @Test
    void aReturnAboveTheBestAssetIsAnErrorNamingTheTarget() {
        DownsideProblem p = DownsideProblem.of(R, MU);
        assertThatThrownBy(() -> new EfficientCvar(p).efficientReturn(0.2)).isInstanceOf(OptimizationException.class)
                .hasMessageContaining("0.2");
        assertThatThrownBy(() -> new EfficientSemivariance(p).efficientReturn(0.2))
                .isInstanceOf(OptimizationException.class).hasMessageContaining("0.2");
    }
}
