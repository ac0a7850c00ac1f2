package com.positionlab.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Rounding of money at the boundary: to the currency's minor unit, half-even. */
public final class Money {

    private Money() {
    }

    /** {@code amount} rounded to the minor unit of {@code currencyCode} (2 decimals when unknown). */
    public static BigDecimal round(BigDecimal amount, String currencyCode) {
        return amount.setScale(minorDigits(currencyCode), RoundingMode.HALF_EVEN);
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
