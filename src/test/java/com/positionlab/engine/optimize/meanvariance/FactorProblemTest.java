package com.positionlab.engine.optimize.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.FactorCovariance;

/**
 * A problem that carries the factor form of its covariance: its answers are those of the dense matrix alone
 * (to 1e-9, with a sector cap and floor), its variances are the matrix's, and a factor form that is not the
 * matrix (a stale one after the covariance was replaced) is refused; a new covariance drops it.
 */
class FactorProblemTest {

    static final double SAME = 1e-9;

    private static PortfolioProblem problem(Random rnd, int n) {
        double[][] b = new double[n][2];
        double[] d = new double[n];
        double[] mu = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b[i][0] = 0.8 + 0.4 * rnd.nextGaussian();
            b[i][1] = 0.3 * rnd.nextGaussian();
            d[i] = 0.01 + 0.03 * rnd.nextDouble();
            mu[i] = 0.03 + 0.12 * rnd.nextDouble();
            names.add("A" + i);
        }
        FactorCovariance fc = new FactorCovariance(b, new double[][] {{0.03, 0.004}, {0.004, 0.01}}, d);
        double[] sector = new double[n];
        for (int i = 0; i < n; i += 2) {
            sector[i] = 1;
        }
        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(upper, 0.15);
        return new PortfolioProblem(names, mu, fc.dense(), lower, upper, 1,
                List.of(new LinearConstraint("even", sector, 0.2, 0.6)), 0, null, 0, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, fc);
    }

    @Test
    void theFactorFormGivesTheDenseMatrixsAnswers() {
        Random rnd = new Random(77);
        for (int trial = 0; trial < 10; trial++) {
            PortfolioProblem p = problem(rnd, 20 + 15 * trial);
            MeanVariance factored = new MeanVariance(p, MeanVariance.Choice.CLA);
            MeanVariance dense = new MeanVariance(p.withFactors(null), MeanVariance.Choice.CLA);
            String where = "trial " + trial;
            assertThat(factored.maxSharpe(0.02).weights()).as(where)
                    .containsExactly(dense.maxSharpe(0.02).weights(), within(SAME));
            assertThat(factored.minVolatility().weights()).as(where)
                    .containsExactly(dense.minVolatility().weights(), within(SAME));
            assertThat(factored.efficientRisk(0.2).weights()).as(where)
                    .containsExactly(dense.efficientRisk(0.2).weights(), within(SAME));
            double[] w = factored.maxSharpe(0.02).weights();
            assertThat(p.variance(w)).isCloseTo(p.withFactors(null).variance(w), within(1e-15));
        }
    }

    @Test
    void aFactorFormThatIsNotTheMatrixIsRefusedAndANewMatrixDropsIt() {
        PortfolioProblem p = problem(new Random(5), 10);
        double[][] other = p.cov().clone();
        other[3] = other[3].clone();
        other[3][3] *= 1.5;
        assertThatThrownBy(() -> new PortfolioProblem(p.names(), p.mu(), other, p.lower(), p.upper(), 1, p.rows(),
                0, null, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, p.factors()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor model");
        assertThat(p.withCov(other).factors()).isNull();
        assertThat(p.withBudget(0).factors()).isSameAs(p.factors());
    }
}
