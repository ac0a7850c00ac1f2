package com.positionlab.engine.optimize.hrp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Agglomerative hierarchical clustering of n items from their pairwise distances: start with every item its
 * own cluster and repeatedly join the two closest clusters, the distance from the joined cluster to each other
 * one given by the {@link Linkage}. The tree is the one SciPy's {@code linkage} builds from the condensed
 * (upper triangle) distance matrix, with its conventions: merges sorted by distance (stably), cluster n + m made
 * by merge m, the smaller id on the left.
 *
 * <p>Ties are broken as SciPy does: single linkage grows a minimum spanning tree from item 0 (Prim), taking the
 * lowest-numbered item among equally near ones; the other linkages follow nearest-neighbour chains (Murtagh)
 * from the lowest-numbered cluster, keeping the previous link of the chain among equally near neighbours and
 * otherwise the lowest-numbered one. Without ties every method gives the tree of the textbook algorithm that
 * joins the globally closest pair at each step.
 */
public final class Clustering {

    private Clustering() {
    }

    /** One merge before sorting and relabelling: two representative items and their distance. */
    private record RawMerge(int a, int b, double distance) {
    }

    /**
     * The merge tree of the items whose distances are {@code distance}.
     *
     * @param distance n x n distances, finite, non-negative and symmetric (within a relative 1e-10; the upper
     *                 triangle is used); the diagonal is not read
     * @throws IllegalArgumentException when the matrix is empty, not square, not symmetric, or holds a negative,
     *                                  NaN or infinite value
     */
    public static Dendrogram linkage(double[][] distance, Linkage method) {
        validate(distance);
        int n = distance.length;
        List<RawMerge> raw = method == Linkage.SINGLE ? spanningTree(distance) : nearestNeighbourChain(distance,
                method);
        return relabel(n, raw);
    }

    private static void validate(double[][] d) {
        SymmetricCheck.require("distance", d, false);
        for (int i = 0; i < d.length; i++) {
            for (int j = i + 1; j < d.length; j++) {
                if (d[i][j] < 0) {
                    throw new IllegalArgumentException("distance (" + i + ", " + j + ") must be non-negative, got "
                            + d[i][j]);
                }
            }
        }
    }

    /** Single linkage as the minimum spanning tree grown from item 0, one edge per merge. */
    private static List<RawMerge> spanningTree(double[][] d) {
        int n = d.length;
        boolean[] inTree = new boolean[n];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        List<RawMerge> raw = new ArrayList<>();
        int x = 0;
        for (int k = 0; k < n - 1; k++) {
            inTree[x] = true;
            double best = Double.POSITIVE_INFINITY;
            int y = -1;
            for (int i = 0; i < n; i++) {
                if (inTree[i]) {
                    continue;
                }
                nearest[i] = Math.min(nearest[i], d[Math.min(x, i)][Math.max(x, i)]);
                if (y < 0 || nearest[i] < best) {
                    best = nearest[i];
                    y = i;
                }
            }
            raw.add(new RawMerge(x, y, best));
            x = y;
        }
        return raw;
    }

    /**
     * Follows nearest neighbours from a cluster until two clusters are each other's nearest, joins them (the
     * union kept in the higher-numbered slot), updates the distances by the linkage and goes on from what is
     * left of the chain. Valid for linkages where a union is never nearer to a third cluster than both parts.
     */
    private static List<RawMerge> nearestNeighbourChain(double[][] distance, Linkage method) {
        int n = distance.length;
        double[][] d = upperTriangle(distance);
        int[] size = new int[n];
        Arrays.fill(size, 1);
        int[] chain = new int[n];
        int length = 0;
        List<RawMerge> raw = new ArrayList<>();
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                chain[length++] = firstAlive(size);
            }
            int x;
            int y;
            double best;
            while (true) {
                x = chain[length - 1];
                y = length > 1 ? chain[length - 2] : -1;
                best = length > 1 ? d[x][y] : Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (size[i] > 0 && i != x && (y < 0 || d[x][i] < best)) {
                        best = d[x][i];
                        y = i;
                    }
                }
                if (length > 1 && y == chain[length - 2]) {
                    break;
                }
                chain[length++] = y;
            }
            length -= 2;
            int lo = Math.min(x, y);
            int hi = Math.max(x, y);
            raw.add(new RawMerge(lo, hi, best));
            join(d, size, lo, hi, best, method);
        }
        return raw;
    }

    /** A copy of {@code m} made exactly symmetric from its upper triangle. */
    private static double[][] upperTriangle(double[][] m) {
        int n = m.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = m[i][j];
                d[j][i] = m[i][j];
            }
        }
        return d;
    }

    private static int firstAlive(int[] size) {
        for (int i = 0; i < size.length; i++) {
            if (size[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no cluster left");
    }

    /** Replaces cluster {@code hi} by its union with {@code lo} and retires {@code lo}. */
    private static void join(double[][] d, int[] size, int lo, int hi, double dij, Linkage method) {
        int ni = size[lo];
        int nj = size[hi];
        size[lo] = 0;
        size[hi] = ni + nj;
        for (int k = 0; k < d.length; k++) {
            if (size[k] == 0 || k == hi) {
                continue;
            }
            double v = method.update(d[k][lo], d[k][hi], dij, ni, nj, size[k]);
            d[k][hi] = v;
            d[hi][k] = v;
        }
    }

    /** Sorts the merges by distance (stably) and names each cluster n + m by the merge m that made it. */
    private static Dendrogram relabel(int n, List<RawMerge> raw) {
        List<RawMerge> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingDouble(RawMerge::distance));
        int[] parent = new int[2 * n - 1];
        int[] size = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        List<Merge> merges = new ArrayList<>();
        for (int m = 0; m < sorted.size(); m++) {
            int a = root(parent, sorted.get(m).a());
            int b = root(parent, sorted.get(m).b());
            int id = n + m;
            size[id] = size[a] + size[b];
            parent[a] = id;
            parent[b] = id;
            merges.add(new Merge(Math.min(a, b), Math.max(a, b), sorted.get(m).distance(), size[id]));
        }
        return new Dendrogram(n, merges);
    }

    private static int root(int[] parent, int x) {
        int r = x;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[x] != r) {
            int next = parent[x];
            parent[x] = r;
            x = next;
        }
        return r;
    }
}
