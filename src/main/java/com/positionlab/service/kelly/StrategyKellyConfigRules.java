package com.positionlab.service.kelly;

import java.math.BigDecimal;
import java.util.Map;

import com.positionlab.domain.Range;
import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.service.ValidationException;

/**
 * The bounds of every field of a {@link StrategyKellyConfig} (the same as the database's CHECK constraints,
 * plus the engine's limits): fractions of capital, never percent.
 */
final class StrategyKellyConfigRules {

    /** Largest conviction multiplier the engine accepts ({@link ConvictionMultipliers}). */
    static final double MAX_CONVICTION = 10;

    private StrategyKellyConfigRules() {
    }

    /** The allowed values of the number fields, as stored (fractions of capital, multipliers). */
    static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("kelly_multiplier", Range.aboveUpTo(0, 2)),
            Map.entry("max_kelly_fraction", Range.aboveUpTo(0, 1)),
            Map.entry("min_position", Range.closed(0, 1)),
            Map.entry("max_position", Range.closed(0, 1)),
            Map.entry("conviction_low", Range.aboveUpTo(0, MAX_CONVICTION)),
            Map.entry("conviction_medium", Range.aboveUpTo(0, MAX_CONVICTION)),
            Map.entry("conviction_high", Range.aboveUpTo(0, MAX_CONVICTION)),
            Map.entry("drawdown_floor", Range.closed(0, 1)),
            Map.entry("max_drawdown", Range.aboveUpTo(0, 1)),
            Map.entry("fallback_fraction", Range.closed(0, 1)));

    /** Throws a {@link ValidationException} naming the first field out of its bounds. */
    static void validate(StrategyKellyConfig c) {
        check("kelly_multiplier", c.kellyMultiplier());
        check("max_kelly_fraction", c.maxKellyFraction());
        check("min_position", c.minPosition());
        check("max_position", c.maxPosition());
        if (c.minPosition() > c.maxPosition()) {
            throw new ValidationException("min_position", "must not exceed max_position (" + fmt(c.maxPosition())
                    + " = " + percent(c.maxPosition()) + "), got " + fmt(c.minPosition()) + " ("
                    + percent(c.minPosition()) + ")");
        }
        check("conviction_low", c.convictionLow());
        check("conviction_medium", c.convictionMedium());
        check("conviction_high", c.convictionHigh());
        check("drawdown_floor", c.drawdownFloor());
        check("max_drawdown", c.maxDrawdown());
        atLeastOne("min_trades", c.minTrades());
        atLeastOne("recent_trades", c.recentTrades());
        atLeastOne("recent_days", c.recentDays());
        check("fallback_fraction", c.fallbackFraction());
    }

    private static void check(String field, double v) {
        finite(field, v);
        Range allowed = RANGES.get(field);
        if (!allowed.contains(v)) {
            throw new ValidationException(field, "must be in " + allowed.interval(StrategyKellyConfigRules::fmt)
                    + ", got " + fmt(v));
        }
    }

    private static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new ValidationException(field, "must be a finite number, got " + v);
        }
    }

    private static void atLeastOne(String field, int v) {
        if (v < 1) {
            throw new ValidationException(field, "must be at least 1, got " + v);
        }
    }

    /** A fraction in percent, exact in decimal ({@code 0.15 -> "15%"}). */
    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** {@code 3} rather than {@code 3.0} for whole numbers. */
    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
