package com.positionlab.service.sizing;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.service.InputLimits;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;

/** Collects every problem of a request, each with its field's JSON path, and throws them together. */
final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    void fail(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    <T> T required(String field, T value) {
        if (value == null) {
            fail(field, "is required");
        }
        return value;
    }

    String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        return value.trim();
    }

    /** An identifier as {@link InputLimits#checkId(String)} allows; null or blank is left to other checks. */
    void id(String field, String value) {
        if (value != null && !value.isBlank()) {
            String reason = InputLimits.checkId(value.strip());
            if (reason != null) {
                fail(field, reason);
            }
        }
    }

    /** A name as {@link InputLimits#checkName(String)} allows; null or blank is left to other checks. */
    void name(String field, String value) {
        if (value != null && !value.isBlank()) {
            String reason = InputLimits.checkName(value.strip());
            if (reason != null) {
                fail(field, reason);
            }
        }
    }

    /** A decimal as {@link InputLimits#checkDecimal(java.math.BigDecimal)} allows; null is left to other checks. */
    void decimal(String field, java.math.BigDecimal value) {
        String reason = InputLimits.checkDecimal(value);
        if (reason != null) {
            fail(field, reason);
        }
    }

    /** A value within {@code range}, or the fallback when null. */
    double range(String field, Double value, double fallback, com.positionlab.domain.Range range) {
        return range(field, value, fallback, range.lo(), range.loOpen(), range.hi(), range.hiOpen());
    }

    /** A value in [lo, hi] (closed at each end as flagged), or the fallback when null. */
    double range(String field, Double value, double fallback, double lo, boolean loOpen, double hi, boolean hiOpen) {
        if (value == null) {
            return fallback;
        }
        double v = value;
        boolean below = loOpen ? v <= lo : v < lo;
        boolean above = hiOpen ? v >= hi : v > hi;
        if (!Double.isFinite(v) || below || above) {
            fail(field, "must be in " + (loOpen ? "(" : "[") + num(lo) + ", " + num(hi) + (hiOpen ? ")" : "]")
                    + ", got " + num(v));
            return fallback;
        }
        return v;
    }

    int intRange(String field, Integer value, int fallback, int lo, int hi) {
        if (value == null) {
            return fallback;
        }
        if (value < lo || value > hi) {
            fail(field, "must be between " + lo + " and " + hi + ", got " + value);
            return fallback;
        }
        return value;
    }

    double positive(String field, Double value) {
        if (value == null) {
            return Double.NaN;
        }
        if (!Double.isFinite(value) || value <= 0) {
            fail(field, "must be a positive number, got " + num(value));
            return Double.NaN;
        }
        return value;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
