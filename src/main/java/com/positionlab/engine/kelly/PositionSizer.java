package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.Reasons.amount;
import static com.positionlab.engine.Reasons.fmt;
import static com.positionlab.engine.Reasons.pct1;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.limits.Binding;
import com.positionlab.engine.limits.Bindings;
import com.positionlab.engine.limits.Caps;

/**
 * The Kelly Lab's strategy chain: turns a Kelly fraction into a position fraction, notional and units.
 *
 * <p>With a usable Kelly fraction f*: a negative edge (including -Infinity) sizes to zero; otherwise
 * {@code min(f*, maxKellyFraction) x kellyMultiplier x performance x conviction}. Without one, the fallback
 * fraction takes the place of {@code capped f* x kellyMultiplier}. A positive size is then held within the
 * tier's {@code [minPosition, maxPosition]}, and a notional {@code fraction x balance} below the exchange's
 * minimum trade size gives no position. {@code performance} is the product of the request's adjustments;
 * HIGH conviction in a tier that does not allow it is treated as MEDIUM. Every multiplier is reported as an
 * {@link Adjustment} and every limit that changed the size as a {@link Binding}; the caps are the
 * {@link Caps} the ticket's chain uses.
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
        inRange("performance_adjustment", performance, 0, 10);
        inRange("conviction_multiplier", conviction, 0, 10);
        adjustments.add(convictionAdjustment(request.conviction(), applied, conviction, tier));

        List<Binding> limits = new ArrayList<>();
        Bindings sink = (name, before, after, why) -> limits.add(new Binding(name, before, after, why));
        SizingBasis basis = request.basis();
        double w;
        if (basis.kellyUsable()) {
            double raw = basis.rawKelly();
            if (raw <= 0) {
                sink.bind("non_negative_edge", raw, 0,
                        "Kelly fraction " + fmt(raw) + " is not positive; a negative edge sizes to zero");
                return result(0, request, applied, describe(basis), adjustments, limits);
            }
            KellyPolicy policy = request.policy();
            double capped = Caps.atMost(sink, raw, "max_kelly_fraction", policy.maxKellyFraction(),
                    "raw Kelly is capped at " + fmt(policy.maxKellyFraction()));
            w = capped * policy.kellyMultiplier() * performance * conviction;
        } else {
            w = Math.min(Math.max(basis.fallbackFraction(), 0), 1) * performance * conviction;
        }
        w = Math.max(w, 0);
        w = Caps.atLeast(sink, w, "min_position_size", tier.minPosition(),
                "tier " + tier.name() + " needs at least " + pct1(tier.minPosition()) + " of balance");
        w = Caps.atMost(sink, w, "max_position_size", tier.maxPosition(),
                "tier " + tier.name() + " allows at most " + pct1(tier.maxPosition()) + " of balance");
        double notional = w * request.balance();
        w = Caps.noneBelow(sink, w, notional, request.minimumNotional(), "exchange_minimum", "notional "
                + amount(notional) + " is below the exchange minimum of " + amount(request.minimumNotional()));
        return result(w, request, applied, describe(basis), adjustments, limits);
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

    private static String describe(SizingBasis basis) {
        return basis.kellyUsable()
                ? "Kelly " + fmt(basis.rawKelly()) + ": " + basis.reason()
                : "fixed " + pct1(basis.fallbackFraction()) + " of balance: " + basis.reason();
    }

    private static SizingResult result(double fraction, SizingRequest request, Conviction applied, String basis,
            List<Adjustment> adjustments, List<Binding> limits) {
        double notional = fraction * request.balance();
        return new SizingResult(fraction, notional, notional / request.price(), applied, basis, adjustments,
                limits);
    }
}
