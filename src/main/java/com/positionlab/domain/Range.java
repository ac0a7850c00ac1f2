package com.positionlab.domain;

import java.util.function.DoubleFunction;

/**
 * An interval of allowed values, each end open or closed: the one range type with which the service
 * checks a request's field and a form checks the same field as typed (in its display unit, see
 * {@link #scaled}), so a form can never accept what the service refuses.
 */
public record Range(double lo, boolean loOpen, double hi, boolean hiOpen) {

    /** (lo, hi]. */
    public static Range aboveUpTo(double lo, double hi) {
        return new Range(lo, true, hi, false);
    }

    /** [lo, hi]. */
    public static Range closed(double lo, double hi) {
        return new Range(lo, false, hi, false);
    }

    /** (lo, hi). */
    public static Range open(double lo, double hi) {
        return new Range(lo, true, hi, true);
    }

    /** [lo, hi). */
    public static Range fromBelow(double lo, double hi) {
        return new Range(lo, false, hi, true);
    }

    /** Whether {@code v} is a finite number within the range. */
    public boolean contains(double v) {
        return Double.isFinite(v) && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
    }

    /** The same range in a unit {@code factor} times as large (a fraction range times 100 is a percent range). */
    public Range scaled(double factor) {
        return new Range(lo * factor, loOpen, hi * factor, hiOpen);
    }

    /** Interval notation, {@code (0, 1]}, with the ends written by {@code number}. */
    public String interval(DoubleFunction<String> number) {
        return (loOpen ? "(" : "[") + number.apply(lo) + ", " + number.apply(hi) + (hiOpen ? ")" : "]");
    }

    /** In words, for a form: {@code above 0 and at most 100}; no upper end when it is beyond 1e14. */
    public String words(DoubleFunction<String> number) {
        return (loOpen ? "above " : "at least ") + number.apply(lo)
                + (hi < 1e14 ? (hiOpen ? " and below " : " and at most ") + number.apply(hi) : "");
    }
}
