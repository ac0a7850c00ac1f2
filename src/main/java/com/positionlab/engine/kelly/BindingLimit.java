package com.positionlab.engine.kelly;

import java.util.Objects;

/**
 * A limit that changed the size, with the position fraction (of balance) before and after it applied:
 * for example {@code ("max_position_size", 0.18, 0.10, "tier HUNTER allows at most 10.0% of balance")}.
 *
 * @param name   the limit's contract name ({@code non_negative_edge}, {@code max_kelly_fraction},
 *               {@code min_position_size}, {@code max_position_size}, {@code exchange_minimum})
 * @param before fraction of balance before the limit (for {@code max_kelly_fraction}: the raw Kelly fraction)
 * @param after  fraction of balance after the limit (for {@code max_kelly_fraction}: the capped Kelly fraction)
 * @param reason one sentence a trader can read
 */
public record BindingLimit(String name, double before, double after, String reason) {

    public BindingLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }
}
