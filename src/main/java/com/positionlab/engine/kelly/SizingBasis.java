package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;

import java.util.Objects;

import com.positionlab.engine.InvalidParameterException;

/**
 * What a position is sized from: a raw Kelly fraction, or, when Kelly is not usable, a fixed fraction of
 * balance with the reason.
 *
 * @param kellyUsable      whether {@code rawKelly} drives the size
 * @param rawKelly         raw Kelly fraction f* (may be -Infinity: every stake loses); NaN when not usable
 * @param fallbackFraction fixed fraction of balance used when Kelly is not usable, in [0, 1]
 * @param reason           why this basis, for example {@code "only 12 trades; at least 20 needed"}
 */
public record SizingBasis(boolean kellyUsable, double rawKelly, double fallbackFraction, String reason) {

    public SizingBasis {
        Objects.requireNonNull(reason, "reason");
        inRange("fallback_fraction", fallbackFraction, 0, 1);
        if (kellyUsable && (Double.isNaN(rawKelly) || rawKelly == Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("kelly_fraction", "must be a number, got " + rawKelly);
        }
    }

    /** Size from a raw Kelly fraction, for example {@link Kelly#discrete}. */
    public static SizingBasis kelly(double rawKelly, String reason) {
        return new SizingBasis(true, rawKelly, 0, reason);
    }

    /** Size from a fixed fraction of balance because Kelly is not usable. */
    public static SizingBasis fallback(double fraction, String reason) {
        return new SizingBasis(false, Double.NaN, fraction, reason);
    }
}
