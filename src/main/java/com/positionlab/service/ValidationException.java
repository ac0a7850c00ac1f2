package com.positionlab.service;

import java.util.List;

/**
 * Input that a user must correct, naming each field and the reason ({@code "quantity: must not be zero"}).
 * The UI shows it beside the field, the CLI prints it as one line, the API returns it as a 400 body
 * listing every {@link FieldError}.
 */
public class ValidationException extends RuntimeException {

    /** One field and what is wrong with it; {@code field} is a dotted JSON path such as {@code trading_decision.entry_price}. */
    public record FieldError(String field, String reason) {
        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }

    private final List<FieldError> errors;

    public ValidationException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    /** Several problems at once; the message is the first, with a count of the others. */
    public ValidationException(List<FieldError> errors) {
        super(message(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    private static String message(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "invalid input";
        }
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more: "
                + String.join("; ", errors.subList(1, errors.size()).stream().map(FieldError::toString).toList()) + ")";
    }

    /** The first field. */
    public String field() {
        return errors.get(0).field();
    }

    /** The first reason. */
    public String reason() {
        return errors.get(0).reason();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
