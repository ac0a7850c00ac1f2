package com.positionlab.service.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.positionlab.service.InputLimits;
import com.positionlab.service.ValidationException;

/**
 * One field of a data line with the name of its column, and the checked conversions the parsers need.
 * Each conversion throws a {@link RowException} whose reason starts with the column name.
 */
record Cell(String column, String text) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    /** ISO 8601 with a zone: {@code Z}, {@code +02:00}, {@code +0200} or {@code +02}. */
    private static final Pattern ZONED = Pattern.compile("(?<local>" + DATE_TIME.pattern() + ")(?<zone>Z|[+-]\\d{2}(:?\\d{2})?)");
    private static final BigDecimal MAX_DECIMAL = BigDecimal.TEN.pow(12);
    private static final BigDecimal MIN_DECIMAL = BigDecimal.ONE.movePointLeft(12);
    /** Longest text read as a number: longer fields are refused before any parsing. */
    static final int MAX_NUMBER_LENGTH = 40;

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** The text, which must not be empty. */
    String required() throws RowException {
        if (text.isEmpty()) {
            throw problem("missing value");
        }
        return text;
    }

    /**
     * An identifier (ticker, strategy, portfolio) of at most {@code maxLength} characters of the safe set of
     * {@link InputLimits#checkId(String, int)}, so that {@code =cmd|' /C calc'!A0} never reaches a spreadsheet.
     */
    String id(int maxLength) throws RowException {
        String reason = InputLimits.checkId(required(), maxLength);
        if (reason != null) {
            throw problem(reason);
        }
        return text;
    }

    /** A calendar date {@code YYYY-MM-DD}; a date-time {@code YYYY-MM-DD HH:MM[:SS]} gives its date. */
    LocalDate date() throws RowException {
        required();
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (DATE_TIME.matcher(text).matches()) {
                return LocalDateTime.parse(text.replace(' ', 'T')).toLocalDate();
            }
            Matcher zoned = ZONED.matcher(text);
            if (zoned.matches()) {
                // A bar's date is the one written, where it traded, not the UTC date of the time.
                return LocalDateTime.parse(zoned.group("local").replace(' ', 'T')).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            throw notADate();
        }
        throw notADate();
    }

    /**
     * A date-time {@code YYYY-MM-DD HH:MM[:SS]} (or with {@code T}), taken as UTC as the workspace keeps times;
     * with a zone ({@code 2025-11-03T14:30:00Z}, {@code ...+02:00}) it is converted to UTC; a date alone
     * means midnight.
     */
    LocalDateTime dateTime() throws RowException {
        required();
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (DATE_TIME.matcher(text).matches()) {
                return LocalDateTime.parse(text.replace(' ', 'T'));
            }
            Matcher zoned = ZONED.matcher(text);
            if (zoned.matches()) {
                return utc(zoned.group("local"), zoned.group("zone"));
            }
        } catch (java.time.DateTimeException e) {
            throw notADateTime();
        }
        throw notADateTime();
    }

    /**
     * A plain decimal number (no {@code NaN}, no infinity) of at most {@value #MAX_NUMBER_LENGTH} characters:
     * zero or a magnitude in [10^-12, 10^12).
     */
    BigDecimal decimal() throws RowException {
        required();
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw problem(quoted() + " is not a number (" + text.length() + " characters; at most "
                    + MAX_NUMBER_LENGTH + ")");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw problem(quoted() + " is not a number");
        }
        if (value.abs().compareTo(MAX_DECIMAL) >= 0
                || value.signum() != 0 && value.abs().compareTo(MIN_DECIMAL) < 0) {
            throw problem(quoted() + " is out of range");
        }
        return value;
    }

    /** A decimal number greater than zero. */
    BigDecimal positiveDecimal() throws RowException {
        BigDecimal value = decimal();
        if (value.signum() <= 0) {
            throw problem("must be positive, got " + ValidationException.clip(text));
        }
        return value;
    }

    /** A finite price greater than zero. */
    double positive() throws RowException {
        double value = positiveDecimal().doubleValue();
        if (value <= 0) {
            throw problem("must be positive, got " + ValidationException.clip(text));
        }
        return value;
    }

    /** A non-negative whole number; {@code 1234.0} is accepted. */
    long count() throws RowException {
        BigDecimal value = decimal();
        if (value.signum() < 0) {
            throw problem("must not be negative, got " + ValidationException.clip(text));
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw problem(quoted() + " is not a whole number");
        }
        return value.longValueExact();
    }

    /** A rejection reason about this field: {@code column: what}. */
    RowException problem(String what) {
        return new RowException(column + ": " + what);
    }

    /** The text for a message: quoted, cut at {@value ValidationException#MAX_ECHO} characters, escaped. */
    String quoted() {
        return ValidationException.quote(text);
    }

    private RowException notADate() {
        return problem(quoted() + " is not a date (expected YYYY-MM-DD)");
    }

    private RowException notADateTime() {
        return problem(quoted() + " is not a date or time (expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or ISO 8601 "
                + "such as 2025-11-03T14:30:00Z)");
    }

    /** The local time at the offset, as UTC. */
    private static LocalDateTime utc(String local, String offset) {
        String o = offset.equals("Z") ? "Z" : offset.length() == 3 ? offset + ":00"
                : offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
        return LocalDateTime.parse(local.replace(' ', 'T')).atOffset(ZoneOffset.of(o))
                .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
