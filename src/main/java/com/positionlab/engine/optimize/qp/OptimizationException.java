package com.positionlab.engine.optimize.qp;

/**
 * An optimisation that has no answer: its constraints admit no point, its objective is unbounded, or the
 * solver did not converge. Never a result: the message says which, and names the constraints concerned where
 * known.
 */
public final class OptimizationException extends RuntimeException {

    /** Why there is no answer. */
    public enum Status { INFEASIBLE, UNBOUNDED, NOT_CONVERGED }

    private final Status status;

    public OptimizationException(Status status, String message) {
        super(message);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
