package com.positionlab.engine.kelly;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Kelly fraction into a position fraction, notional and units.
 *
 * <p>With a usable Kelly fraction f* the fraction is {@link KellyPolicy#adjust}: {@code min(max(f*, 0),
 * maxKellyFraction) x kellyMultiplier x performance x conviction}, clipped to the tier's
 * {@code [minPosition, maxPosition]} when positive; a negative edge (including -Infinity) sizes to zero.
 * Without a usable Kelly fraction the fallback fraction takes the place of {@code capped f* x
 * kellyMultiplier}, and the same multipliers and tier bounds apply. {@code performance} is the product of the
 * request's adjustments. HIGH conviction in a tier that does not allow it is treated as MEDIUM.
 * Finally, when the notional {@code fraction x balance} is positive but below the exchange's minimum trade
 * size, the position is zero. Every multiplier is reported as an {@link Adjustment} and every limit that
 * changed the size as a {@link BindingLimit}.
 */
public final class PositionSizer {

    private PositionSizer() {
    }

    /** Sizes the request; see the class comment for the formula. */
    public static SizingResult size(SizingRequest request) {
        Tier tier = request.tier();
        List<Adjustment> adjustments = new ArrayList<>(request.adjustments());
        double performance = 1;
        for (Adjustment a : request.adjustments()) {
            performance *= a.multiplier();
        }
        Conviction applied = appliedConviction(request.conviction(), tier);
        double conviction = request.convictionMultipliers().of(applied);
        adjustments.add(convictionAdjustment(request.conviction(), applied, conviction, tier));

        List<BindingLimit> limits = new ArrayList<>();
        SizingBasis basis = request.basis();
        double fraction;
        double unclipped;
        if (basis.kellyUsable()) {
            KellyPolicy policy = new KellyPolicy(request.policy().maxKellyFraction(),
                    request.policy().kellyMultiplier(), tier.minPosition(), tier.maxPosition());
            double raw = basis.rawKelly();
            if (raw <= 0) {
                limits.add(new BindingLimit("non_negative_edge", raw, 0,
                        "Kelly fraction " + Percent.fraction(raw) + " is not positive; a negative edge sizes to zero"));
                return result(0, request, applied, describe(basis), adjustments, limits);
            }
            double capped = Math.min(raw, policy.maxKellyFraction());
            if (capped < raw) {
                limits.add(new BindingLimit("max_kelly_fraction", raw, capped,
                        "raw Kelly is capped at " + Percent.fraction(policy.maxKellyFraction())));
            }
            unclipped = capped * policy.kellyMultiplier() * performance * conviction;
            fraction = policy.adjust(raw, performance, conviction);
        } else {
            KellyPolicy fixed = new KellyPolicy(1, 1, tier.minPosition(), tier.maxPosition());
            unclipped = basis.fallbackFraction() * performance * conviction;
            fraction = fixed.adjust(basis.fallbackFraction(), performance, conviction);
        }
        addTierLimit(limits, unclipped, fraction, tier);
        double notional = fraction * request.balance();
        if (notional > 0 && notional < request.minimumNotional()) {
            limits.add(new BindingLimit("exchange_minimum", fraction, 0, "notional " + Percent.amount(notional)
                    + " is below the exchange minimum of " + Percent.amount(request.minimumNotional())));
            fraction = 0;
        }
        return result(fraction, request, applied, describe(basis), adjustments, limits);
    }

    /** The conviction applied in a tier: HIGH becomes MEDIUM where the tier does not allow it. */
    public static Conviction appliedConviction(Conviction requested, Tier tier) {
        return requested == Conviction.HIGH && !tier.highConvictionAllowed() ? Conviction.MEDIUM : requested;
    }

    private static Adjustment convictionAdjustment(Conviction requested, Conviction applied, double multiplier,
            Tier tier) {
        String reason = requested == applied
                ? applied + " conviction"
                : requested + " conviction is not allowed for tier " + tier.name() + "; treated as " + applied;
        return new Adjustment("conviction", multiplier, reason);
    }

    private static void addTierLimit(List<BindingLimit> limits, double unclipped, double fraction, Tier tier) {
        if (unclipped > 0 && fraction > unclipped) {
            limits.add(new BindingLimit("min_position_size", unclipped, fraction,
                    "tier " + tier.name() + " needs at least " + Percent.of(tier.minPosition()) + " of balance"));
        } else if (fraction < unclipped) {
            limits.add(new BindingLimit("max_position_size", unclipped, fraction,
                    "tier " + tier.name() + " allows at most " + Percent.of(tier.maxPosition()) + " of balance"));
        }
    }

    private static String describe(SizingBasis basis) {
        return basis.kellyUsable()
                ? "Kelly " + Percent.fraction(basis.rawKelly()) + ": " + basis.reason()
                : "fixed " + Percent.of(basis.fallbackFraction()) + " of balance: " + basis.reason();
    }

    private static SizingResult result(double fraction, SizingRequest request, Conviction applied, String basis,
            List<Adjustment> adjustments, List<BindingLimit> limits) {
        double notional = fraction * request.balance();
        return new SizingResult(fraction, notional, notional / request.price(), applied, basis, adjustments,
                limits);
    }
}
