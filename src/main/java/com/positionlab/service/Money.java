package com.positionlab.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Rounding of money at the boundary: to the currency's minor unit, half-even. Costs the same whatever the
 * amount's exponent: an amount of 1e18 or more in magnitude is refused, one below 1e-20 is zero.
 */
public final class Money {

    private Money() {
    }

    /** Magnitude (as a power of ten) from which an amount is refused. */
    static final int MAX_EXPONENT = 18;
    /** Magnitude (as a power of ten) below which an amount rounds to zero without arithmetic. */
    static final int MIN_EXPONENT = -20;

    /**
     * {@code amount} rounded to the minor unit of {@code currencyCode} (2 decimals when unknown).
     *
     * @throws IllegalArgumentException when {@code |amount| >= 1e18}: no account holds that much
     */
    public static BigDecimal round(BigDecimal amount, String currencyCode) {
        int digits = minorDigits(currencyCode);
        if (amount.signum() == 0) {
            return amount.setScale(digits);
        }
        long exponent = (long) amount.precision() - amount.scale();
        if (exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("amount out of range (1e18 or more): " + InputLimits.show(amount));
        }
        if (exponent < MIN_EXPONENT) {
            return BigDecimal.ZERO.setScale(digits);
        }
        return amount.setScale(digits, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal of(double amount, String currencyCode) {
        return round(BigDecimal.valueOf(amount), currencyCode);
    }

    static int minorDigits(String currencyCode) {
        try {
            int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
