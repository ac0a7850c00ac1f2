package com.positionlab.engine.optimize.hrp;

/**
 * The Hierarchical Risk Parity allocation: {@code weights[i]} for asset i (positive, summing to 1), the
 * quasi-diagonal {@code order} of the assets (the tree's leaf order) and the cluster {@code tree} itself.
 */
public record HrpPortfolio(double[] weights, int[] order, Dendrogram tree) {

    public HrpPortfolio {
        weights = weights.clone();
        order = order.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public int[] order() {
        return order.clone();
    }
}
