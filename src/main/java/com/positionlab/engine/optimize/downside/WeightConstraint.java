package com.positionlab.engine.optimize.downside;

import java.util.Arrays;

/**
 * One named linear constraint on the weights, {@code coefficients . w (<=, >= or =) bound}, for limits such as
 * "technology at most 30%" ({@code coefficients} 1 on the sector's assets, 0 elsewhere, {@code AT_MOST 0.3}).
 * The name is how the constraint is reported when it binds or makes a problem infeasible.
 *
 * @param coefficients one per asset, in the problem's asset order
 */
public record WeightConstraint(String name, double[] coefficients, Relation relation, double bound) {

    /** How the left side compares with the bound. */
    public enum Relation { AT_MOST, AT_LEAST, EQUAL }

    public WeightConstraint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a weight constraint needs a name");
        }
        coefficients = coefficients.clone();
        if (!Double.isFinite(bound) || Arrays.stream(coefficients).anyMatch(c -> !Double.isFinite(c))) {
            throw new IllegalArgumentException("constraint " + name + " has a coefficient or bound that is not finite");
        }
    }

    public static WeightConstraint atMost(String name, double[] coefficients, double bound) {
        return new WeightConstraint(name, coefficients, Relation.AT_MOST, bound);
    }

    public static WeightConstraint atLeast(String name, double[] coefficients, double bound) {
        return new WeightConstraint(name, coefficients, Relation.AT_LEAST, bound);
    }

    public static WeightConstraint equal(String name, double[] coefficients, double bound) {
        return new WeightConstraint(name, coefficients, Relation.EQUAL, bound);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** {@code coefficients . w}. */
    public double value(double[] w) {
        double s = 0;
        for (int i = 0; i < coefficients.length; i++) {
            s += coefficients[i] * w[i];
        }
        return s;
    }
}
