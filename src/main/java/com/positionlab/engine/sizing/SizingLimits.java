package com.positionlab.engine.sizing;

import java.util.List;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

import com.positionlab.engine.limits.Caps;

import static com.positionlab.engine.Reasons.fmt;
import static com.positionlab.engine.Reasons.pct;
import static com.positionlab.engine.limits.Caps.atMost;

/**
 * The limits of {@link SizingSpec.Limits} and the risk budgets, applied in that order to the method's weight.
 * Each is a small class that cuts the weight when it binds and records why ({@link SizingContext#bind}); the
 * plain caps are the {@link Caps} that the Kelly Lab's strategy chain uses too.
 * Risk limits are met by solving for the largest weight within them (closed form for volatility, bisection
 * for VaR and the risk budgets); a book already above a risk limit admits only trades that do not add to it.
 */
final class SizingLimits {

    /** One limit: the weight it allows of {@code w}. */
    interface Limit {
        double apply(SizingContext c, double w);
    }

    static final List<Limit> CHAIN = List.of(new MaxPosition(), new Correlation(), new InstrumentWeight(),
            new SectorWeight(), new Leverage(), new RiskBudgets(), new PortfolioRisk(), new MinimumPosition());

    private SizingLimits() {
    }

    static double constrain(SizingContext c, double w) {
        for (Limit limit : CHAIN) {
            w = limit.apply(c, w);
        }
        return w;
    }

    static final class MaxPosition implements Limit {
        @Override
        public double apply(SizingContext c, double w) {
            double max = c.spec.limits().maxPositionSize();
            return atMost(c, w, "max_position_size", max, "the position may be at most " + pct(max) + " of equity");
        }
    }

    static final class Correlation implements Limit {
        @Override
        public double apply(SizingContext c, double w) {
            double limit = c.spec.limits().correlationLimit();
            if (Double.isNaN(limit) || !(c.bookVar > 0) || !(c.sigma2 > 0)) {
                return w;
            }
            double rho = c.s * c.cov / Math.sqrt(c.bookVar * c.sigma2);
            c.details.correlationWithBook = rho;
            if (rho > limit) {
                c.bind("correlation_limit", w, 0, "correlation with the book " + fmt(rho) + " exceeds the limit "
                        + fmt(limit));
                return 0;
            }
            return w;
        }
    }

    /**
     * A cap on gross exposure: what the book holds elsewhere under the same cap plus the instrument's own
     * holding, in the trade's direction, may reach {@link #max}; a trade against the holding has room.
     */
    abstract static class ExposureLimit implements Limit {
        private final String name;

        ExposureLimit(String name) {
            this.name = name;
        }

        /** The cap, NaN for none. */
        abstract double max(SizingContext c);

        /** The absolute weight held elsewhere under the same cap. */
        abstract double elsewhere(SizingContext c);

        abstract String why(SizingContext c, double max, double heldNow);

        @Override
        public final double apply(SizingContext c, double w) {
            double max = max(c);
            if (Double.isNaN(max)) {
                return w;
            }
            double other = elsewhere(c);
            double w0 = c.book.weights()[c.k];
            return atMost(c, w, name, roomFor(c, w0, max - other), why(c, max, other + Math.abs(w0)));
        }
    }

    static final class InstrumentWeight extends ExposureLimit {
        InstrumentWeight() {
            super("max_instrument_weight");
        }

        @Override
        double max(SizingContext c) {
            return c.spec.limits().maxInstrumentWeight();
        }

        @Override
        double elsewhere(SizingContext c) {
            return 0;
        }

        @Override
        String why(SizingContext c, double max, double heldNow) {
            return "the instrument may be at most " + pct(max) + " of equity (held now: " + pct(heldNow) + ")";
        }
    }

    static final class SectorWeight extends ExposureLimit {
        SectorWeight() {
            super("max_sector_weight");
        }

        @Override
        double max(SizingContext c) {
            return c.spec.limits().maxSectorWeight();
        }

        @Override
        double elsewhere(SizingContext c) {
            Book book = c.book;
            String sector = book.sectors()[c.k];
            double other = 0;
            for (int i = 0; i < book.size(); i++) {
                if (i != c.k && Objects.equals(book.sectors()[i], sector)) {
                    other += Math.abs(book.weights()[i]);
                }
            }
            return other;
        }

        @Override
        String why(SizingContext c, double max, double heldNow) {
            return "the sector " + c.book.sectors()[c.k] + " may be at most " + pct(max) + " of equity (held now: "
                    + pct(heldNow) + ")";
        }
    }

    static final class Leverage extends ExposureLimit {
        Leverage() {
            super("leverage_limit");
        }

        @Override
        double max(SizingContext c) {
            return c.spec.limits().leverageLimit();
        }

        @Override
        double elsewhere(SizingContext c) {
            double gross = 0;
            for (int i = 0; i < c.book.size(); i++) {
                if (i != c.k) {
                    gross += Math.abs(c.book.weights()[i]);
                }
            }
            return gross;
        }

        @Override
        String why(SizingContext c, double max, double heldNow) {
            return "gross exposure may be at most " + fmt(max) + "x equity (now " + fmt(heldNow) + "x)";
        }
    }

    /** The total, sector and strategy risk budgets, scaled down by volatility and drawdown. */
    static final class RiskBudgets implements Limit {
        @Override
        public double apply(SizingContext c, double w) {
            SizingSpec.Budgets budgets = c.spec.budgets();
            if (budgets == null || !(w > 0)) {
                return w;
            }
            RiskBudgeting rb = c.budgeting();
            c.details.riskBudgetScale = rb.scale();
            c.details.riskBudgetVolatilityMultiplier = rb.volatilityMultiplier();
            c.details.riskBudgetDrawdown = rb.drawdown();
            double total = rb.effectiveTotal();
            int s = c.s;
            w = budgetCap(c, w, "risk_budget.total", x -> rb.totalUse(s * x), total, "portfolio");
            String sector = c.book.sectors()[c.k];
            Double sectorShare = budgets.sectorShares().get(sector);
            if (sectorShare != null && w > 0) {
                w = budgetCap(c, w, "risk_budget.sector", x -> rb.sectorUse(sector, s * x), sectorShare * total,
                        "sector " + sector);
            }
            String strategy = c.trade.strategyId();
            Double strategyShare = strategy == null ? null : budgets.strategyShares().get(strategy);
            if (strategyShare != null && w > 0) {
                w = budgetCap(c, w, "risk_budget.strategy", x -> rb.strategyUse(strategy, s * x),
                        strategyShare * total, "strategy " + strategy);
            }
            return w;
        }

        private static double budgetCap(SizingContext c, double w, String name, DoubleUnaryOperator use,
                                        double budget, String what) {
            double now = use.applyAsDouble(0);
            double allowed = Math.max(budget, now);
            double x = largestWithin(v -> use.applyAsDouble(v) <= allowed + 1e-15, w);
            if (x < w) {
                c.bind(name, w, x, "the " + what + " risk budget is " + pct(budget) + " volatility (used now: "
                        + pct(now) + ")");
            }
            return x;
        }
    }

    /** The book's annualised volatility, or its VaR, after the trade. */
    static final class PortfolioRisk implements Limit {
        @Override
        public double apply(SizingContext c, double w) {
            SizingSpec.Limits l = c.spec.limits();
            if (Double.isNaN(l.maxPortfolioRisk()) || !(w > 0)) {
                return w;
            }
            return l.riskLimitIsVar() ? varLimit(c, w, l.maxPortfolioRisk()) : volatilityLimit(c, w,
                    l.maxPortfolioRisk());
        }

        private static double volatilityLimit(SizingContext c, double w, double limit) {
            double bookVar = c.bookVar;
            double now = Math.sqrt(Math.max(bookVar, 0));
            double allowed = Math.max(limit, now);
            int s = c.s;
            DoubleUnaryOperator vol = x -> Math.sqrt(Math.max(0, bookVar + 2 * s * x * c.cov + x * x * c.sigma2));
            if (vol.applyAsDouble(w) <= allowed + 1e-15) {
                return w;
            }
            // sigma2 x^2 + 2 s cov x + (V - L^2) = 0: the larger root is the largest weight within the limit.
            double a = c.sigma2;
            double b = 2 * s * c.cov;
            double cc = bookVar - allowed * allowed;
            double disc = Math.max(0, b * b - 4 * a * cc);
            double x = a > 0 ? Math.max(0, (-b + Math.sqrt(disc)) / (2 * a)) : 0;
            x = Math.min(x, w);
            c.bind("max_portfolio_risk", w, x, now > limit
                    ? "the book's volatility " + pct(now) + " is already above the limit " + pct(limit)
                    + "; only size that does not add to it is allowed"
                    : "the book's annualised volatility may be at most " + pct(limit));
            return x;
        }

        private static double varLimit(SizingContext c, double w, double limit) {
            double now = c.risk.before().var();
            double allowed = Math.max(limit, now);
            double x = largestWithin(v -> c.risk.portfolio(c.s * v).var() <= allowed + 1e-15, w);
            if (x < w) {
                c.bind("max_portfolio_risk", w, x, now > limit
                        ? "the book's VaR " + pct(now) + " is already above the limit " + pct(limit)
                        + "; only size that does not add to it is allowed"
                        : "the book's " + c.spec.risk().model() + " VaR may be at most " + pct(limit));
            }
            return x;
        }
    }

    static final class MinimumPosition implements Limit {
        @Override
        public double apply(SizingContext c, double w) {
            double min = c.spec.limits().minPositionSize();
            return w > 0 && w < min ? Caps.noneBelow(c, w, w, min, "min_position_size", "the position would be "
                    + pct(w) + ", below the minimum " + pct(min)) : w;
        }
    }

    /** Largest x >= 0 with |w0 + s x| <= limit (0 when none). */
    private static double roomFor(SizingContext c, double w0, double limit) {
        if (limit < 0) {
            return 0;
        }
        double same = c.s * w0;
        return Math.max(0, limit - same);
    }

    /** The largest x in [0, w] with ok(x), by bisection from ok(0); w itself when ok(w). */
    static double largestWithin(DoublePredicate ok, double w) {
        if (ok.test(w)) {
            return w;
        }
        double lo = 0;
        double hi = w;
        for (int i = 0; i < 60 && hi - lo > 1e-10; i++) {
            double mid = 0.5 * (lo + hi);
            if (ok.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
