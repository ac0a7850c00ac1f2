package com.positionlab.service;

/**
 * Input that a user must correct, naming the field and the reason ({@code "quantity: must not be zero"}).
 * The UI shows it beside the field, the CLI prints it as one line, the API returns it as a 400 body.
 */
public class ValidationException extends RuntimeException {

    private final String field;
    private final String reason;

    public ValidationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
