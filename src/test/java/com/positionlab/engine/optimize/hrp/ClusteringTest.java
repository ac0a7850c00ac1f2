package com.positionlab.engine.optimize.hrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The merge trees against cases worked out by hand (points on a line, where the four linkages disagree), the
 * SciPy conventions (smaller id on the left, merges sorted by distance, ties), and random points against the
 * textbook algorithm that joins the globally closest pair at each step.
 */
class ClusteringTest {

    private static final double EXACT = 1e-12;

    /** |x_i - x_j| for points on a line. */
    private static double[][] line(double... x) {
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
            }
        }
        return d;
    }

    private static void assertTree(Dendrogram tree, double[][] expected) {
        assertThat(tree.merges()).hasSize(expected.length);
        for (int m = 0; m < expected.length; m++) {
            Merge merge = tree.merges().get(m);
            assertThat(merge.left()).as("merge %d left", m).isEqualTo((int) expected[m][0]);
            assertThat(merge.right()).as("merge %d right", m).isEqualTo((int) expected[m][1]);
            assertThat(merge.distance()).as("merge %d distance", m).isCloseTo(expected[m][2], within(EXACT));
            assertThat(merge.size()).as("merge %d size", m).isEqualTo((int) expected[m][3]);
        }
    }

    // Points 0, 2, 5 and 9.5: {0, 2} join first at 2 in every linkage; then single joins 5 at min(3, 5) = 3
    // and 9.5 at 4.5; complete joins {5, 9.5} at 4.5 (before {0, 2} with 5 at max(5, 3) = 5) and the two pairs
    // at 9.5; average joins 5 at (5 + 3) / 2 = 4 and 9.5 at (9.5 + 7.5 + 4.5) / 3 = 43/6; Ward joins {5, 9.5}
    // at 4.5 (before 5 with {0, 2}: sqrt(4/3) * 4) and the pairs at sqrt(2 * 2 * 2 / 4) * (7.25 - 1) = 6.25 sqrt 2.

    @Test
    void singleLinkageChainsThePointsOnALine() {
        Dendrogram tree = Clustering.linkage(line(0, 2, 5, 9.5), Linkage.SINGLE);
        assertTree(tree, new double[][] {{0, 1, 2, 2}, {2, 4, 3, 3}, {3, 5, 4.5, 4}});
        assertThat(tree.leafOrder()).containsExactly(3, 2, 0, 1);
    }

    @Test
    void completeLinkageJoinsTheTwoPairs() {
        Dendrogram tree = Clustering.linkage(line(0, 2, 5, 9.5), Linkage.COMPLETE);
        assertTree(tree, new double[][] {{0, 1, 2, 2}, {2, 3, 4.5, 2}, {4, 5, 9.5, 4}});
        assertThat(tree.leafOrder()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void averageLinkageJoinsTheMiddlePointToTheFirstPair() {
        Dendrogram tree = Clustering.linkage(line(0, 2, 5, 9.5), Linkage.AVERAGE);
        assertTree(tree, new double[][] {{0, 1, 2, 2}, {2, 4, 4, 3}, {3, 5, 43.0 / 6, 4}});
        assertThat(tree.leafOrder()).containsExactly(3, 2, 0, 1);
    }

    @Test
    void wardLinkageJoinsThePairsAtTheirCentroidDistance() {
        Dendrogram tree = Clustering.linkage(line(0, 2, 5, 9.5), Linkage.WARD);
        assertTree(tree, new double[][] {{0, 1, 2, 2}, {2, 3, 4.5, 2}, {4, 5, 6.25 * Math.sqrt(2), 4}});
        assertThat(tree.leafOrder()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theSmallerClusterIdIsOnTheLeftWhateverThePositions() {
        // 20.5 and 21 join first (cluster 4), then 0 and 10 (cluster 5); the root puts 4 on the left.
        Dendrogram tree = Clustering.linkage(line(0, 10, 20.5, 21), Linkage.SINGLE);
        assertTree(tree, new double[][] {{2, 3, 0.5, 2}, {0, 1, 10, 2}, {4, 5, 10.5, 4}});
        assertThat(tree.leafOrder()).containsExactly(2, 3, 0, 1);
    }

    @ParameterizedTest
    @EnumSource(Linkage.class)
    void equalDistancesChainTheItemsInIndexOrderAsScipyDoes(Linkage method) {
        double[][] d = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                d[i][j] = i == j ? 0 : 1;
            }
        }
        Dendrogram tree = Clustering.linkage(d, method);
        assertTree(tree, new double[][] {{0, 1, 1, 2}, {2, 4, 1, 3}, {3, 5, 1, 4}});
        assertThat(tree.leafOrder()).containsExactly(3, 2, 0, 1);
    }

    @Test
    void oneItemHasNoMerges() {
        Dendrogram tree = Clustering.linkage(new double[][] {{0}}, Linkage.WARD);
        assertThat(tree.merges()).isEmpty();
        assertThat(tree.leafOrder()).containsExactly(0);
    }

    @ParameterizedTest
    @EnumSource(Linkage.class)
    void randomPointsGiveTheTreeOfTheGlobalClosestPairAlgorithm(Linkage method) {
        Random random = new Random(20240611L + method.ordinal());
        for (int trial = 0; trial < 40; trial++) {
            double[][] d = euclidean(randomPoints(random, 3 + random.nextInt(12)));
            Dendrogram tree = Clustering.linkage(d, method);
            List<Merge> expected = closestPairs(d, method);
            for (int m = 0; m < expected.size(); m++) {
                Merge a = tree.merges().get(m);
                Merge b = expected.get(m);
                assertThat(new int[] {a.left(), a.right(), a.size()}).as("trial %d merge %d", trial, m)
                        .containsExactly(b.left(), b.right(), b.size());
                assertThat(a.distance()).isCloseTo(b.distance(), within(EXACT));
            }
        }
    }

    @Test
    void wardDistanceIsTheScaledDistanceBetweenCentroids() {
        Random random = new Random(7);
        double[][] points = randomPoints(random, 9);
        Dendrogram tree = Clustering.linkage(euclidean(points), Linkage.WARD);
        List<double[]> centroid = new ArrayList<>(List.of(points));
        for (Merge m : tree.merges()) {
            double[] a = centroid.get(m.left());
            double[] b = centroid.get(m.right());
            int na = m.left() < points.length ? 1 : tree.merges().get(m.left() - points.length).size();
            int nb = m.size() - na;
            double dx = a[0] - b[0];
            double dy = a[1] - b[1];
            double expected = Math.sqrt(2.0 * na * nb / (na + nb)) * Math.hypot(dx, dy);
            assertThat(m.distance()).isCloseTo(expected, within(EXACT));
            centroid.add(new double[] {(na * a[0] + nb * b[0]) / m.size(), (na * a[1] + nb * b[1]) / m.size()});
        }
    }

    @Test
    void invalidDistancesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Clustering.linkage(new double[0][], Linkage.SINGLE))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Clustering.linkage(new double[][] {{0, 1}, {1}}, Linkage.SINGLE))
                .hasMessageContaining("not square");
        assertThatThrownBy(() -> Clustering.linkage(new double[][] {{0, 1}, {2, 0}}, Linkage.SINGLE))
                .hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> Clustering.linkage(new double[][] {{0, -1}, {-1, 0}}, Linkage.SINGLE))
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> Clustering.linkage(new double[][] {{0, Double.NaN}, {Double.NaN, 0}},
                Linkage.COMPLETE)).hasMessageContaining("NaN");
    }

    private static double[][] randomPoints(Random random, int n) {
        double[][] p = new double[n][2];
        for (double[] row : p) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        return p;
    }

    private static double[][] euclidean(double[][] p) {
        double[][] d = new double[p.length][p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                d[i][j] = Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]);
            }
        }
        return d;
    }

    /** The textbook algorithm: join the closest pair of live clusters, named n + m, smaller id on the left. */
    private static List<Merge> closestPairs(double[][] d0, Linkage method) {
        int n = d0.length;
        double[][] d = new double[2 * n - 1][2 * n - 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(d0[i], 0, d[i], 0, n);
        }
        int[] size = new int[2 * n - 1];
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            size[i] = 1;
            live.add(i);
        }
        List<Merge> merges = new ArrayList<>();
        for (int m = 0; m < n - 1; m++) {
            int a = -1;
            int b = -1;
            for (int i : live) {
                for (int j : live) {
                    if (i < j && (a < 0 || d[i][j] < d[a][b])) {
                        a = i;
                        b = j;
                    }
                }
            }
            int id = n + m;
            live.remove(Integer.valueOf(a));
            live.remove(Integer.valueOf(b));
            for (int k : live) {
                d[k][id] = method.update(d[k][a], d[k][b], d[a][b], size[a], size[b], size[k]);
                d[id][k] = d[k][id];
            }
            size[id] = size[a] + size[b];
            live.add(id);
            merges.add(new Merge(a, b, d[a][b], size[id]));
        }
        return merges;
    }
}
