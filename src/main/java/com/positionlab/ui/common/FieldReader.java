package com.positionlab.ui.common;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

import com.positionlab.domain.Range;

/**
 * The one reader of a form's number fields, as typed: blanks, thousands separators and the field's unit
 * suffix ({@code %}, {@code x}) are ignored, the value must lie in the field's {@link Range} (in the unit the
 * trader types), and each problem is recorded once by field name, with the text kept as typed. Every form
 * reads through it (the ticket, the Kelly Lab and its strategy settings, the rule editor), with the services'
 * own ranges (see {@code SizingRanges}), so a form never accepts what a service refuses.
 */
public final class FieldReader {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final Map<String, String> text;
    private final Map<String, String> errors;

    /** Reads {@code text} by field name and records problems in {@code errors}. */
    public FieldReader(Map<String, String> text, Map<String, String> errors) {
        this.text = text;
        this.errors = errors;
    }

    /**
     * The field's number, or null when it is blank (an error when {@code required}) or wrong.
     *
     * @param unit a suffix the trader may type after the number ("%", "x"), or ""
     */
    public Double number(String name, boolean required, Range allowed, String unit) {
        String t = clean(name, unit);
        if (t.isEmpty()) {
            if (required) {
                errors.put(name, "enter a value");
            }
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            errors.put(name, "\"" + t + "\" is not a number");
            return null;
        }
        double v = Double.parseDouble(t);
        if (!allowed.contains(v)) {
            errors.put(name, "must be " + allowed.words(FieldReader::fmt) + ", got " + t);
            return null;
        }
        return v;
    }

    /**
     * A field typed in percent, as the fraction the services take: the typed value must lie in
     * {@code fractions} scaled to percent, and becomes a fraction by a decimal shift (0.07 % is 0.0007, not
     * 0.07 x 0.01 = 7.000000000000001E-4). Null when blank (an error when {@code required}) or wrong.
     */
    public Double percent(String name, boolean required, Range fractions) {
        Double v = number(name, required, fractions.scaled(100), "%");
        return v == null ? null : BigDecimal.valueOf(v).movePointLeft(2).doubleValue();
    }

    /** The field's whole number in [lo, hi], or null when it is blank (an error when {@code required}) or wrong. */
    public Long whole(String name, boolean required, long lo, long hi) {
        String t = clean(name, "").replace("_", "");
        if (t.isEmpty()) {
            if (required) {
                errors.put(name, "enter a whole number");
            }
            return null;
        }
        try {
            long v = Long.parseLong(t);
            if (v < lo || v > hi) {
                errors.put(name, "must be from " + lo + " to " + hi + ", got " + t);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.put(name, "\"" + t + "\" is not a whole number");
            return null;
        }
    }

    /** The text without blanks, thousands separators and the unit the field allows as a suffix. */
    private String clean(String name, String unit) {
        String t = text.getOrDefault(name, "");
        t = t == null ? "" : t.strip().replace(",", "");
        if (!unit.isEmpty() && t.endsWith(unit)) {
            t = t.substring(0, t.length() - unit.length()).strip();
        }
        return t;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
