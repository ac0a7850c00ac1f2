package com.positionlab.engine.riskmodel;

import org.apache.commons.math3.special.Erf;

/** The standard normal density and quantile. */
final class StandardNormal {

    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private StandardNormal() {
    }

    /** phi(z) = exp(-z^2 / 2) / sqrt(2 pi). */
    static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** Phi^-1(u) = sqrt(2) erf^-1(2u - 1) for u in (0, 1), by Commons Math's double-precision erf^-1. */
    static double quantile(double u) {
        return SQRT_2 * Erf.erfInv(2.0 * u - 1.0);
    }
}
