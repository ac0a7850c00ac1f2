package com.positionlab.engine.kelly;

import java.util.List;

import com.positionlab.engine.limits.Binding;

/**
 * A sized position and everything that shaped it.
 *
 * @param fraction            position as a fraction of balance, in [0, tier maximum]
 * @param notional            {@code fraction x balance}, account currency (not yet rounded to lots or the
 *                            currency's minor unit: the service does that at the boundary)
 * @param units               {@code notional / price}, not yet rounded to the lot size
 * @param appliedConviction   the conviction actually applied (HIGH becomes MEDIUM where the tier forbids it)
 * @param basis               what the size started from: Kelly, or the fallback fraction and why
 * @param adjustments         every multiplier applied, in order: the request's, then conviction
 * @param bindingLimits       every limit that changed the size, in the order applied
 */
public record SizingResult(double fraction, double notional, double units, Conviction appliedConviction,
        String basis, List<Adjustment> adjustments, List<Binding> bindingLimits) {

    public SizingResult {
        adjustments = List.copyOf(adjustments);
        bindingLimits = List.copyOf(bindingLimits);
    }
}
