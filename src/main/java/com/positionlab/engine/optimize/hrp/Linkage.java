package com.positionlab.engine.optimize.hrp;

/**
 * How the distance between two clusters is measured when agglomerating, as the Lance-Williams update of the
 * distance from a cluster k (of size {@code nk}) to the union of clusters i and j (sizes {@code ni}, {@code nj})
 * that were {@code dij} apart. Distances are those given, not squared (Ward as SciPy defines it on them).
 */
public enum Linkage {

    /** Nearest members: {@code min(dki, dkj)}. */
    SINGLE,
    /** Farthest members: {@code max(dki, dkj)}. */
    COMPLETE,
    /** Mean over all pairs of members (UPGMA): {@code (ni dki + nj dkj) / (ni + nj)}. */
    AVERAGE,
    /**
     * Ward's minimum variance: {@code sqrt(((nk + ni) dki^2 + (nk + nj) dkj^2 - nk dij^2) / (nk + ni + nj))}.
     * On Euclidean distances between points it is {@code sqrt(2 na nb / (na + nb))} times the distance between
     * the centroids of clusters a and b.
     */
    WARD;

    /** The distance from cluster k to the union of i and j, from the distances before the merge. */
    double update(double dki, double dkj, double dij, int ni, int nj, int nk) {
        return switch (this) {
            case SINGLE -> Math.min(dki, dkj);
            case COMPLETE -> Math.max(dki, dkj);
            case AVERAGE -> (ni * dki + nj * dkj) / (ni + nj);
            case WARD -> {
                double t = 1.0 / (nk + ni + nj);
                double squared = (nk + ni) * t * dki * dki + (nk + nj) * t * dkj * dkj - nk * t * dij * dij;
                yield Math.sqrt(Math.max(squared, 0));
            }
        };
    }
}
