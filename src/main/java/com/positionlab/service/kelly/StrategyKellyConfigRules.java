package com.positionlab.service.kelly;

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

    /** Throws a {@link ValidationException} naming the first field out of its bounds. */
    static void validate(StrategyKellyConfig c) {
        openClosed("kelly_multiplier", c.kellyMultiplier(), 0, 2);
        openClosed("max_kelly_fraction", c.maxKellyFraction(), 0, 1);
        closed("min_position", c.minPosition(), 0, 1);
        closed("max_position", c.maxPosition(), 0, 1);
        if (c.minPosition() > c.maxPosition()) {
            throw new ValidationException("min_position", "must not exceed max_position (" + fmt(c.maxPosition())
                    + "), got " + fmt(c.minPosition()));
        }
        openClosed("conviction_low", c.convictionLow(), 0, MAX_CONVICTION);
        openClosed("conviction_medium", c.convictionMedium(), 0, MAX_CONVICTION);
        openClosed("conviction_high", c.convictionHigh(), 0, MAX_CONVICTION);
        closed("drawdown_floor", c.drawdownFloor(), 0, 1);
        openClosed("max_drawdown", c.maxDrawdown(), 0, 1);
        atLeastOne("min_trades", c.minTrades());
        atLeastOne("recent_trades", c.recentTrades());
        atLeastOne("recent_days", c.recentDays());
        closed("fallback_fraction", c.fallbackFraction(), 0, 1);
    }

    private static void openClosed(String field, double v, double lo, double hi) {
        finite(field, v);
        if (!(v > lo && v <= hi)) {
            throw new ValidationException(field, "must be in (" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
        }
    }

    private static void closed(String field, double v, double lo, double hi) {
        finite(field, v);
        if (!(v >= lo && v <= hi)) {
            throw new ValidationException(field, "must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
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

    /** {@code 3} rather than {@code 3.0} for whole numbers. */
    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
