package com.positionlab.engine.optimize.qp;

/**
 * The solution of a {@link QuadraticProgram}: the variables, the objective there, and how it was found.
 *
 * @param iterations the polishing steps taken after the library's solve (its own count is not exposed)
 * @param polished   whether the solution was refined by solving the optimality conditions on its active set
 *                   (then exact to rounding), rather than left at the library's accuracy
 */
public record QpResult(double[] x, double objective, String solver, int iterations, boolean polished) {
}
