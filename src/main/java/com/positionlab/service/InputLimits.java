package com.positionlab.service;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a value of the JSON contract may be, whoever gives it (API, CLI file, rule file, a caller in code).
 * Every check answers {@code null} when the value is fine, else a short reason that names the limit and
 * quotes at most {@value ValidationException#MAX_ECHO} characters of the value; none ever expands a
 * number into its plain digits, so a hostile exponent costs nothing.
 *
 * <ul>
 *   <li>Decimals (money, quantities, lot sizes): zero, or a magnitude in [{@code 1e-12}, {@code 1e15}] with
 *       at most {@value #MAX_PRECISION} significant digits and {@value #MAX_SCALE} decimals.</li>
 *   <li>Floating numbers (prices, fractions, returns): finite, magnitude at most {@code 1e15}; smaller than
 *       {@code 1e-300} they are zero, as the arithmetic makes them anyway.</li>
 *   <li>Identifiers ({@code *_id}, {@code currency}, imported tickers): 1 to {@value #MAX_ID_LENGTH}
 *       characters of {@code [A-Za-z0-9._:/@#+=^-]}, starting with a letter or digit, or with {@code ^} and
 *       then one ({@code ^GSPC}), so that a spreadsheet never reads one as a formula.</li>
 *   <li>Names (sectors, rule and scenario names, map keys): 1 to {@value #MAX_NAME_LENGTH} characters, no
 *       control or invisible formatting characters, not starting with {@code =}, {@code +} or {@code @}.</li>
 *   <li>Free text (descriptions, notes): at most {@value #MAX_TEXT_LENGTH} characters, no control characters
 *       other than line breaks and tab.</li>
 * </ul>
 */
public final class InputLimits {

    /** Largest magnitude of any number: no price, quantity or amount is larger. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e15");
    /** Smallest non-zero magnitude of a decimal. */
    public static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1e-12");
    public static final double MAX_DOUBLE = 1e15;
    public static final int MAX_PRECISION = 18;
    public static final int MAX_SCALE = 12;
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 1_000;

    private static final Pattern ID = Pattern.compile("\\^?[A-Za-z0-9][A-Za-z0-9._:/@#+=^-]*");
    private static final Pattern NAME = Pattern.compile("[^=+@\\p{Cc}\\p{Cf}\\p{Z}][^\\p{Cc}\\p{Cf}]*");

    private InputLimits() {
    }

    /** Whether {@code value} is a decimal the contract accepts; see the class comment. */
    public static String checkDecimal(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return null;
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(MAX_MAGNITUDE) > 0 || magnitude.compareTo(MIN_MAGNITUDE) < 0) {
            return "must be 0 or between 1e-12 and 1e15 in magnitude; got " + show(value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_PRECISION || stripped.scale() > MAX_SCALE) {
            return "must have at most " + MAX_PRECISION + " significant digits and " + MAX_SCALE
                    + " decimals; got " + show(value);
        }
        return null;
    }

    /** Whether {@code value} is a floating number the contract accepts; see the class comment. */
    public static String checkDouble(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_DOUBLE) {
            return "must be a finite number between -1e15 and 1e15; got " + value;
        }
        return null;
    }

    /** Whether {@code value} is an identifier; see the class comment. */
    public static String checkId(String value) {
        return checkId(value, MAX_ID_LENGTH);
    }

    /** Whether {@code value} is an identifier of at most {@code maxLength} characters. */
    public static String checkId(String value, int maxLength) {
        return check(value, maxLength, ID, "letters, digits and ._:/@#+=^-, starting with a letter or digit");
    }

    /** Whether {@code value} is a name; see the class comment. */
    public static String checkName(String value) {
        return check(value, MAX_NAME_LENGTH, NAME,
                "visible characters, not starting with = + @ (spreadsheets read those as formulas)");
    }

    /** Whether {@code value} is free text; see the class comment. */
    public static String checkText(String value) {
        if (value.length() > MAX_TEXT_LENGTH) {
            return "must be at most " + MAX_TEXT_LENGTH + " characters; got " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                return "must not hold control characters; got " + ValidationException.quote(value);
            }
        }
        return null;
    }

    private static String check(String value, int maxLength, Pattern allowed, String what) {
        if (value.length() > maxLength) {
            return "must be at most " + maxLength + " characters; got " + value.length() + ": "
                    + ValidationException.quote(value);
        }
        if (value.isEmpty()) {
            return "must not be empty";
        }
        if (!allowed.matcher(value).matches()) {
            return "may hold only " + what + "; got " + ValidationException.quote(value);
        }
        return null;
    }

    /**
     * A decimal as short text: plain digits when that is short, else scientific notation
     * ({@code 1E-9999999}); never longer than about 60 characters.
     */
    public static String show(BigDecimal value) {
        long exponent = (long) value.precision() - value.scale() - 1;
        if (value.precision() <= 40 && exponent > -20 && exponent < 20) {
            return value.toPlainString();
        }
        return ValidationException.clip(value.toString());
    }
}
