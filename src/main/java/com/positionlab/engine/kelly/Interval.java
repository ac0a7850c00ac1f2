package com.positionlab.engine.kelly;

/** A two-sided interval {@code [lower, upper]} at a confidence level (for example 0.95). */
public record Interval(double lower, double upper, double confidenceLevel) {

    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    public double width() {
        return upper - lower;
    }
}
