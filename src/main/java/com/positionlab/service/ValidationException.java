package com.positionlab.service;

import java.util.List;

/**
 * Input that a user must correct, naming each field and the reason ({@code "quantity: must not be zero"}).
 * The UI shows it beside the field, the CLI prints it as one line, the API returns it as a 400 body
 * listing every {@link FieldError}.
 */
public class ValidationException extends RuntimeException {

    /** Most characters of an offending value that a message repeats. */
    public static final int MAX_ECHO = 60;
    /** Longest field path and longest reason kept: a safety net under {@link #quote(String)}. */
    static final int MAX_FIELD = 200;
    static final int MAX_REASON = 1_000;

    /**
     * One field and what is wrong with it; {@code field} is a dotted JSON path such as
     * {@code trading_decision.entry_price}. A field longer than {@value #MAX_FIELD} characters or a reason
     * longer than {@value #MAX_REASON} is cut, so that no message can grow with the input.
     */
    public record FieldError(String field, String reason) {
        public FieldError {
            field = cut(field, MAX_FIELD);
            reason = cut(reason, MAX_REASON);
        }

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

    /**
     * {@code value} in double quotes for a message: at most {@value #MAX_ECHO} characters of it, followed by
     * {@code ...} when cut, with control characters escaped (a newline as backslash-n, others as backslash-u
     * and four hex digits).
     */
    public static String quote(String value) {
        return value == null ? "null" : "\"" + clip(value) + "\"";
    }

    /** Like {@link #quote(String)} without the quotes. */
    public static String clip(String value) {
        if (value == null) {
            return "null";
        }
        int n = Math.min(value.length(), MAX_ECHO);
        StringBuilder sb = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return value.length() > n ? sb.append("...").toString() : sb.toString();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "...";
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
