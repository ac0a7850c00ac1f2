package com.positionlab.engine.riskmodel;

import com.positionlab.engine.InvalidParameterException;

/** The input checks the risk models share, each naming the contract field. */
final class Checks {

    private Checks() {
    }

    /** A confidence level strictly between 0 and 1. */
    static double confidence(double c) {
        if (!(c > 0 && c < 1)) {
            throw new InvalidParameterException("confidence_level", "must be in (0, 1), got " + c);
        }
        return c;
    }

    /** At least {@code min} returns, every one finite. */
    static double[] returns(double[] returns, int min) {
        if (returns == null || returns.length < min) {
            throw new InvalidParameterException("returns", "need at least " + min + " returns, got "
                    + (returns == null ? 0 : returns.length));
        }
        finiteValues("returns", returns);
        return returns;
    }

    /** Every value finite; the message gives the first bad one's position (from 1). */
    static void finiteValues(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidParameterException(field, "value " + (i + 1) + " is " + values[i]
                        + "; every value must be a finite number");
            }
        }
    }

    static int scenarios(int n) {
        if (n < MonteCarloVar.MIN_SCENARIOS || n > MonteCarloVar.MAX_SCENARIOS) {
            throw new InvalidParameterException("scenarios", "must be between " + MonteCarloVar.MIN_SCENARIOS
                    + " and " + MonteCarloVar.MAX_SCENARIOS + ", got " + n);
        }
        return n;
    }
}
