package com.positionlab.engine.optimize.hrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.positionlab.engine.estimate.ReturnTable;

/**
 * HRP's weights on cases worked out by hand (uncorrelated assets, two correlated pairs), and its invariants on
 * random returns: weights positive and summing to one, and relabelling the assets relabels the weights.
 */
class HierarchicalRiskParityTest {

    private static final double EXACT = 1e-14;

    @ParameterizedTest
    @EnumSource(Linkage.class)
    void uncorrelatedAssetsGetInverseVarianceWeightsWhateverTheOrder(Linkage method) {
        // Each split gives the left half 1 - V_l / (V_l + V_r) = H_l / (H_l + H_r), H the summed inverse
        // variances, so the weights are 1/var normalised: 1, 1/4, 1/16 over 21/16.
        double[][] cov = {{1, 0, 0}, {0, 4, 0}, {0, 0, 16}};
        double[][] corr = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        HrpPortfolio p = HierarchicalRiskParity.weights(cov, corr, method);
        assertThat(p.weights()).containsExactly(new double[] {16.0 / 21, 4.0 / 21, 1.0 / 21}, within(EXACT));
        assertThat(p.order()).containsExactly(2, 0, 1);
    }

    @Test
    void twoCorrelatedPairsSplitByTheirClusterVariances() {
        // Assets 0, 1 (correlation 0.8) and 2, 3 (correlation 0.6) are the two clusters; the pairs are
        // uncorrelated with each other. Order [0, 1, 2, 3] (cluster 4 = {0, 1} left of cluster 5 = {2, 3}): each
        // pair gets the inverse-variance split, and pair {0, 1} gets 1 - V01 / (V01 + V23) of the whole.
        double s0 = 0.1;
        double s1 = 0.2;
        double s2 = 0.3;
        double s3 = 0.4;
        double[][] corr = {{1, 0.8, 0, 0}, {0.8, 1, 0, 0}, {0, 0, 1, 0.6}, {0, 0, 0.6, 1}};
        double[] s = {s0, s1, s2, s3};
        double[][] cov = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                cov[i][j] = corr[i][j] * s[i] * s[j];
            }
        }
        HrpPortfolio p = HierarchicalRiskParity.weights(cov, corr, Linkage.SINGLE);
        assertThat(p.order()).containsExactly(0, 1, 2, 3);
        double u0 = s1 * s1 / (s0 * s0 + s1 * s1);
        double u2 = s3 * s3 / (s2 * s2 + s3 * s3);
        double v01 = u0 * u0 * s0 * s0 + (1 - u0) * (1 - u0) * s1 * s1 + 2 * u0 * (1 - u0) * 0.8 * s0 * s1;
        double v23 = u2 * u2 * s2 * s2 + (1 - u2) * (1 - u2) * s3 * s3 + 2 * u2 * (1 - u2) * 0.6 * s2 * s3;
        double a01 = 1 - v01 / (v01 + v23);
        assertThat(p.weights()).containsExactly(new double[] {a01 * u0, a01 * (1 - u0), (1 - a01) * u2,
            (1 - a01) * (1 - u2)}, within(EXACT));
    }

    @ParameterizedTest
    @EnumSource(Linkage.class)
    void weightsArePositiveSumToOneAndFollowTheAssetsWhenRelabelled(Linkage method) {
        Random random = new Random(97 + method.ordinal());
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(14);
            ReturnTable r = randomReturns(random, n, 300);
            double[][] cov = PairwiseMoments.covariance(r);
            double[][] corr = PairwiseMoments.correlation(r);
            HrpPortfolio p = HierarchicalRiskParity.weights(cov, corr, method);
            double[] w = p.weights();
            double sum = 0;
            for (double v : w) {
                assertThat(v).isPositive();
                sum += v;
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
            int[] perm = keepingSiblingOrder(shuffled(random, n), p.tree());
            double[] wp = HierarchicalRiskParity.weights(permute(cov, perm), permute(corr, perm), method).weights();
            for (int i = 0; i < n; i++) {
                assertThat(wp[i]).as("trial %d asset %d", trial, i).isCloseTo(w[perm[i]], within(1e-12));
            }
        }
    }

    @Test
    void swappingTheLabelsOfTwoJoinedAssetsCanMoveTheBisection() {
        // Pairs {1, 2} and {3, 4} join first, then each other; asset 0 joins last, as the leaf on the left, so
        // the order is [0, 1, 2, 3, 4] and the first split [0, 1] | [2, 3, 4] separates the pair {1, 2}. With
        // the labels of 1 and 2 swapped the smaller id still goes left, the order keeps the position of each
        // label, and the split now puts the other asset of the pair with asset 0 (upstream behaves the same).
        double[] s = {0.1, 0.2, 0.3, 0.25, 0.15};
        double[][] corr = {
            {1, 0.1, 0.1, 0.1, 0.1},
            {0.1, 1, 0.9, 0.5, 0.5},
            {0.1, 0.9, 1, 0.5, 0.5},
            {0.1, 0.5, 0.5, 1, 0.8},
            {0.1, 0.5, 0.5, 0.8, 1}};
        double[][] cov = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                cov[i][j] = corr[i][j] * s[i] * s[j];
            }
        }
        int[] swap = {0, 2, 1, 3, 4};
        HrpPortfolio p = HierarchicalRiskParity.weights(cov, corr, Linkage.SINGLE);
        HrpPortfolio q = HierarchicalRiskParity.weights(permute(cov, swap), permute(corr, swap), Linkage.SINGLE);
        assertThat(p.order()).containsExactly(0, 1, 2, 3, 4);
        assertThat(q.order()).containsExactly(0, 1, 2, 3, 4);
        assertThat(Math.abs(q.weights()[1] - p.weights()[2])).isGreaterThan(0.01);
    }

    @Test
    void pairwiseCorrelationUsesTheMomentsOfTheCommonRows() {
        double nan = Double.NaN;
        // Over the common rows 1..3 x = 1, 2, 4 and y = 2, 4, 8: perfectly correlated, although x's own
        // variance over all its rows differs.
        ReturnTable r = new ReturnTable(new double[][] {{10, nan}, {1, 2}, {2, 4}, {4, 8}});
        assertThat(PairwiseMoments.correlation(r)[0][1]).isCloseTo(1, within(EXACT));
        assertThat(PairwiseMoments.covariance(r)[0][1]).isCloseTo(14.0 / 3, within(EXACT));
        assertThat(PairwiseMoments.covariance(r)[0][0]).isCloseTo(16.25, within(EXACT));
    }

    @Test
    void distanceIsClippedAndZeroOnTheDiagonal() {
        double[][] d = HierarchicalRiskParity.distance(new double[][] {{1, -1, 0.5}, {-1, 1, 1.0000001},
            {0.5, 1.0000001, 1}});
        assertThat(d[0][1]).isEqualTo(1);
        assertThat(d[0][2]).isCloseTo(0.5, within(EXACT));
        assertThat(d[1][2]).isZero();
        assertThat(d[1][1]).isZero();
    }

    @Test
    void invalidInputsAreRejectedWithTheReason() {
        double[][] corr = {{1, 0}, {0, 1}};
        assertThatThrownBy(() -> HierarchicalRiskParity.weights(new double[][] {{1, 0}, {0, 0}}, corr, Linkage.SINGLE))
                .hasMessageContaining("variance of asset 1 must be positive");
        assertThatThrownBy(() -> HierarchicalRiskParity.weights(new double[][] {{1, 0.1}, {0.2, 1}}, corr,
                Linkage.SINGLE)).hasMessageContaining("covariance matrix is not symmetric");
        assertThatThrownBy(() -> HierarchicalRiskParity.weights(new double[][] {{1}}, corr, Linkage.SINGLE))
                .hasMessageContaining("correlation matrix has 2 assets");
        assertThatThrownBy(() -> HierarchicalRiskParity.weights(corr, new double[][] {{1, Double.NaN},
            {Double.NaN, 1}}, Linkage.SINGLE)).hasMessageContaining("correlation matrix holds NaN");
    }

    /** Returns driven by a few common factors, each asset missing a random number of leading rows. */
    private static ReturnTable randomReturns(Random random, int n, int rows) {
        double[][] loadings = new double[n][3];
        for (double[] l : loadings) {
            for (int f = 0; f < 3; f++) {
                l[f] = random.nextGaussian();
            }
        }
        int[] start = new int[n];
        for (int i = 1; i < n; i++) {
            start[i] = random.nextInt(rows / 2);
        }
        double[][] v = new double[rows][n];
        for (int t = 0; t < rows; t++) {
            double[] factor = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            for (int i = 0; i < n; i++) {
                double x = 0.5 * random.nextGaussian();
                for (int f = 0; f < 3; f++) {
                    x += loadings[i][f] * factor[f];
                }
                v[t][i] = t < start[i] ? Double.NaN : 0.01 * x;
            }
        }
        return new ReturnTable(v);
    }

    private static int[] shuffled(Random random, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * {@code perm} with the new labels of two leaves joined directly swapped where needed so that their order
     * is kept: the one relabelling that can change HRP's positional bisection.
     */
    private static int[] keepingSiblingOrder(int[] perm, Dendrogram tree) {
        int n = perm.length;
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[perm[i]] = i;
        }
        for (Merge m : tree.merges()) {
            if (m.right() < n && label[m.left()] > label[m.right()]) {
                int t = label[m.left()];
                label[m.left()] = label[m.right()];
                label[m.right()] = t;
            }
        }
        int[] out = new int[n];
        for (int old = 0; old < n; old++) {
            out[label[old]] = old;
        }
        return out;
    }

    /** {@code out[i][j] = m[perm[i]][perm[j]]}: asset i of the new labelling is asset perm[i] of the old. */
    private static double[][] permute(double[][] m, int[] perm) {
        double[][] out = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                out[i][j] = m[perm[i]][perm[j]];
            }
        }
        return out;
    }
}
