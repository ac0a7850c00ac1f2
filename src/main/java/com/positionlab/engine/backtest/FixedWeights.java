package com.positionlab.engine.backtest;

import static com.positionlab.engine.InvalidParameterException.finite;

import java.util.Arrays;

import com.positionlab.engine.InvalidParameterException;

/**
 * The same target weights at every rebalance (a 60/40 portfolio, say), whatever the prices. Short positions are
 * allowed when any weight is negative. Every instrument with a non-zero weight must have a price on each
 * rebalance day.
 *
 * @param weights one weight per instrument, fractions of equity; the rest is cash
 */
public record FixedWeights(double[] weights) implements WeightRule {

    public FixedWeights {
        if (weights == null || weights.length == 0) {
            throw new InvalidParameterException("weights", "must hold one weight per instrument");
        }
        weights = weights.clone();
        for (double w : weights) {
            finite("weights", w);
        }
    }

    @Override
    public double[] targetWeights(PriceWindow window, double[] currentWeights) {
        return weights.clone();
    }

    @Override
    public boolean allowsShort() {
        for (double w : weights) {
            if (w < 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedWeights f && Arrays.equals(weights, f.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "FixedWeights" + Arrays.toString(weights);
    }
}
