package com.positionlab.engine.optimize.hrp;

/**
 * One step of agglomerative clustering: clusters {@code left} and {@code right} joined at {@code distance} into
 * a cluster of {@code size} leaves. Ids below n are the leaves (the assets); merge m makes cluster n + m. As in
 * SciPy's linkage matrix, the smaller id is on the left.
 */
public record Merge(int left, int right, double distance, int size) {
}
