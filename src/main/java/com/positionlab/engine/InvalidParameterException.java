package com.positionlab.engine;

import com.positionlab.domain.Range;

/**
 * An engine input outside its domain. The message starts with the field's contract name
 * ({@code "win_probability: must be in [0, 1], got 1.2"}) so the CLI, the API and the UI can show it as is.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private final String field;

    public InvalidParameterException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Requires a finite value. */
    public static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidParameterException(field, "must be a finite number, got " + v);
        }
        return v;
    }

    /** Requires a finite value in [lo, hi]. */
    public static double inRange(String field, double v, double lo, double hi) {
        return within(field, v, Range.closed(lo, hi));
    }

    /** Requires a finite value within {@code range}: the one range type of the engine, the service and the forms. */
    public static double within(String field, double v, Range range) {
        finite(field, v);
        if (!range.contains(v)) {
            throw new InvalidParameterException(field, "must be in " + range.interval(InvalidParameterException::fmt)
                    + ", got " + fmt(v));
        }
        return v;
    }

    /** Requires a finite value above zero. */
    public static double positive(String field, double v) {
        finite(field, v);
        if (v <= 0) {
            throw new InvalidParameterException(field, "must be positive, got " + fmt(v));
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
