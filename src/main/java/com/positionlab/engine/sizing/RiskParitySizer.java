package com.positionlab.engine.sizing;

import java.util.function.DoubleUnaryOperator;

import com.positionlab.engine.Reasons;

/**
 * The smallest trade after which the instrument, on the trade's side, carries an equal share (1 / positions)
 * of the book's risk. Against a holding the other way, the trade first closes it and the search starts there.
 */
final class RiskParitySizer implements MethodSizer {

    @Override
    public double weight(SizingContext c, Estimates e) {
        int others = c.otherPositions();
        double target = 1.0 / (others + 1);
        c.details.riskShareTarget = target;
        return others == 0 ? c.topUp(1.0) : equalShare(c, target);
    }

    /** Smallest weight at which the candidate's Euler share of variance reaches {@code target}. */
    private static double equalShare(SizingContext c, double target) {
        int s = c.s;
        int k = c.k;
        DoubleUnaryOperator share = x -> {
            double d = s * x;
            double w1 = c.book.weights()[k] + d;
            double var = c.bookVar + 2 * d * c.cov + d * d * c.sigma2;
            return var <= 0 ? 0 : w1 * (c.model.covWithBook(k) + d * c.model.candidateVariance()) * SizingContext.YEAR
                    / var;
        };
        // A trade against the holding first closes it (the share passes through zero there) and only then
        // builds a position on the trade's side: the equal share is sought from that point on. The "already at
        // its equal share" test applies to trades in the held direction only.
        double start = Math.max(0, -c.heldWeight());
        if (start == 0 && share.applyAsDouble(0) >= target) {
            c.details.heldRiskShare = share.applyAsDouble(0);
            c.noPosition("the instrument already carries " + Reasons.pct(share.applyAsDouble(0))
                    + " of the book's risk, at or above its equal share " + Reasons.pct(target));
            return 0;
        }
        double lo = start;
        double step = 1e-4;
        double hi = start + step;
        while (share.applyAsDouble(hi) < target) {
            lo = hi;
            step *= 2;
            hi = start + step;
            if (step > 1e4) {
                c.noPosition("no weight gives the position its equal share of risk");
                return 0;
            }
        }
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (share.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
