package com.positionlab.engine.kelly;

/**
 * How sure the trader is of a trade. Each level scales the Kelly fraction by a multiplier from
 * {@link ConvictionMultipliers} (by default LOW 0.5, MEDIUM 1.0, HIGH 1.5); a {@link Tier} may forbid HIGH.
 */
public enum Conviction {
    LOW,
    MEDIUM,
    HIGH
}
