package com.positionlab.service;

/**
 * The workspace cannot record what a use case must record (disk full, file not writable, database
 * closed), so the use case did not complete. Unlike a {@link ValidationException} the input was fine: the
 * same request may succeed once the store writes again. The API answers it 503 with {@link #getMessage()}
 * as the reason; the CLI prints it as one line and exits 1.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
