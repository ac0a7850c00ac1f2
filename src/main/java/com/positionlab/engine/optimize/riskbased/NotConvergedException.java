package com.positionlab.engine.optimize.riskbased;

/** An iterative solver stopped before its tolerance: there is no result, only how far it got. */
public class NotConvergedException extends IllegalStateException {

    private final int iterations;
    private final double residual;

    public NotConvergedException(String what, int iterations, double residual) {
        super(what + " did not converge: residual " + residual + " after " + iterations + " iterations");
        this.iterations = iterations;
        this.residual = residual;
    }

    public int iterations() {
        return iterations;
    }

    public double residual() {
        return residual;
    }
}
