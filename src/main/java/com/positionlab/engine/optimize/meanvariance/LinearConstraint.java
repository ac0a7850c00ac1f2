package com.positionlab.engine.optimize.meanvariance;

/**
 * A named limit on a linear combination of the weights, {@code lower <= a . w <= upper} (either side may be
 * infinite; equal sides make an equality), such as a sector's minimum and maximum weight.
 */
public record LinearConstraint(String name, double[] coefficients, double lower, double upper) {

    public LinearConstraint {
        if (!(lower <= upper) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException(name + ": its lower limit " + lower + " is above its upper limit " + upper);
        }
    }

    public double value(double[] w) {
        double s = 0;
        for (int i = 0; i < coefficients.length; i++) {
            s += coefficients[i] * w[i];
        }
        return s;
    }
}
