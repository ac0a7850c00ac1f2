package com.positionlab.engine.optimize.meanvariance;

/**
 * An optimised portfolio: its weights and how the solve went.
 *
 * @param solver     the method or library that found it ("critical line", "ojalgo convex", ...)
 * @param iterations turning points, bisection steps or polishing steps, as the method counts them
 */
public record Allocation(double[] weights, String solver, int iterations) {
}
