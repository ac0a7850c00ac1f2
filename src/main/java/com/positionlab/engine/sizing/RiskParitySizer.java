package com.positionlab.engine.sizing;

import com.positionlab.engine.Reasons;
import java.util.function.DoubleUnaryOperator;

/** The smallest weight at which the instrument carries an equal share (1 / positions) of the book's risk. */
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
        if (share.applyAsDouble(0) >= target) {
            c.details.heldRiskShare = share.applyAsDouble(0);
            c.noPosition("the instrument already carries " + Reasons.pct(share.applyAsDouble(0))
                    + " of the book's risk, at or above its equal share " + Reasons.pct(target));
            return 0;
        }
        double lo = 0;
        double hi = 1e-4;
        while (share.applyAsDouble(hi) < target) {
            lo = hi;
            hi *= 2;
            if (hi > 1e4) {
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
