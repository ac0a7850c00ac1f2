package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;

import java.util.Objects;

import com.positionlab.engine.InvalidParameterException;

/**
 * An account tier: the position boundaries, as fractions of balance, that every positive size is clipped
 * to, and whether HIGH conviction is allowed (where it is not, HIGH is treated as MEDIUM).
 *
 * @param name                   tier name shown in reasons
 * @param minPosition            smallest positive position, fraction of balance, in [0, 1]
 * @param maxPosition            largest position, fraction of balance, in [minPosition, 1]
 * @param highConvictionAllowed  whether HIGH conviction may scale the size up
 */
public record Tier(String name, double minPosition, double maxPosition, boolean highConvictionAllowed) {

    /** 1% to 10% of balance; HIGH conviction not allowed. */
    public static final Tier HUNTER = new Tier("HUNTER", 0.01, 0.10, false);

    /** 0.5% to 15% of balance; HIGH conviction allowed. */
    public static final Tier STRATEGIST = new Tier("STRATEGIST", 0.005, 0.15, true);

    public Tier {
        Objects.requireNonNull(name, "name");
        inRange("min_position_size", minPosition, 0, 1);
        inRange("max_position_size", maxPosition, 0, 1);
        if (minPosition > maxPosition) {
            throw new InvalidParameterException("min_position_size",
                    "must not exceed max_position_size (" + maxPosition + "), got " + minPosition);
        }
    }
}
