package com.positionlab.service.optimize;

import com.positionlab.service.ValidationException;

/**
 * A well-formed optimisation without an answer: its constraints admit no portfolio, its objective is
 * unbounded, or the solver did not converge. Reported like a bad request (naming {@code objective} or
 * {@code constraints}), and stored as a failed run when it was for a workspace portfolio.
 */
public final class NoSolutionException extends ValidationException {

    public NoSolutionException(String field, String reason) {
        super(field, reason);
    }
}
