package com.positionlab.engine.limits;

import java.util.Objects;

/**
 * A limit that changed a size, with the size before and after it applied, as a fraction of equity: for
 * example {@code ("max_position_size", 0.18, 0.10, "the position may be at most 10.00% of equity")}.
 * The one record of a binding limit for every sizing chain (the ticket's and the Kelly Lab's strategy chain).
 *
 * @param name   the limit's contract name ({@code max_position_size}, {@code max_kelly_fraction}, ...)
 * @param before the size before the limit (for {@code max_kelly_fraction}: the raw Kelly fraction)
 * @param after  the size after it (for {@code max_kelly_fraction}: the capped Kelly fraction)
 * @param reason one sentence a trader can read
 */
public record Binding(String name, double before, double after, String reason) {

    public Binding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }
}
