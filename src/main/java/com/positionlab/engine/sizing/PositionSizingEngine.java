package com.positionlab.engine.sizing;

import com.positionlab.engine.Reasons;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.risk.VolatilityAdjustment;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.riskmodel.VarEstimate;
import com.positionlab.engine.sizing.SizingOutcome.BudgetUse;
import com.positionlab.engine.sizing.SizingOutcome.RiskFigures;

/**
 * Sizes one trade against a {@link MarketModel}: the method's weight ({@link MethodSizer}, one class per
 * {@link SizingMethod}), then the limits in the order documented on {@link SizingSpec.Limits}
 * ({@link SizingLimits}, each recorded as a binding when it cuts the weight), then whole lots rounded down
 * ({@link LotRounding}), then the trade's risk, impact, stress and confidence ({@link SizingFigures}).
 * Weights are fractions of equity and never negative: the direction is the trade's.
 */
public final class PositionSizingEngine {

    private PositionSizingEngine() {
    }

    /**
     * Sizes {@code spec} with every method, sharing the model (the compare mode). A method that cannot
     * size this decision (FIXED_RISK without a stop, OPTIMAL_F without trades) gives 0 with the reason,
     * and no risk figures.
     */
    public static List<SizingOutcome> compare(SizingSpec spec, MarketModel model) {
        List<SizingOutcome> out = new ArrayList<>();
        for (SizingMethod m : SizingMethod.values()) {
            SizingSpec.Method p = spec.method();
            SizingSpec s = new SizingSpec(spec.trade(), new SizingSpec.Method(m, p.volatilityTarget(),
                    p.fixedPercentage(), p.riskPerTrade(), p.kellyMultiplier(), p.maxKellyFraction(),
                    p.optimalFFraction(), p.tradeReturns()), spec.risk(), spec.limits(), spec.budgets(),
                    spec.shocks(), spec.volatility());
            try {
                out.add(size(s, model));
            } catch (InvalidParameterException e) {
                out.add(SizingOutcome.none(m, e.getMessage()));
            }
        }
        return out;
    }

    public static SizingOutcome size(SizingSpec spec, MarketModel model) {
        SizingContext c = new SizingContext(spec, model);
        double forecastVol = Math.sqrt(c.sigma2);
        GarchFit garch = null;
        if (spec.risk().model() == RiskModel.GARCH) {
            garch = c.risk.candidateGarch();
            forecastVol = garch.annualisedForecast(SizingSpec.PERIODS_PER_YEAR);
        }
        MethodSizer.Estimates estimates = estimates(c, forecastVol);
        double raw = MethodSizer.of(spec.method().method()).weight(c, estimates);
        double w = raw;
        if (!(w > 0)) {
            c.noPosition("the method gives no position (weight " + Reasons.fmt(w) + ")");
            w = 0;
        }
        w = adjustForVolatility(c, w);
        if (w > 0) {
            w = SizingLimits.constrain(c, w);
        }
        if (w == 0) {
            c.noPosition("no room left under " + (c.bindings().isEmpty() ? "the limits"
                    : c.bindings().get(c.bindings().size() - 1).name()));
        }
        LotRounding.Lots lots = LotRounding.round(c, w);
        double weight = lots.weight();
        double d = c.s * weight;

        VarEstimate before = c.risk.before();
        VarEstimate after = weight == 0 ? before : c.risk.portfolio(d);
        VarEstimate position = c.risk.position(d);
        RiskFigures figures = new RiskFigures(position.var(), position.cvar(), before.var(), before.cvar(),
                after.var(), after.cvar(), garch);
        List<BudgetUse> budgets = spec.budgets() == null ? List.of() : c.budgeting().uses(d);
        double expected = estimates.expectedReturn();
        double sharpe = forecastVol > 0 ? expected / forecastVol : Double.NaN;
        c.details.lookbackDays = c.book.days();
        return new SizingOutcome(spec.method().method(), raw, weight, lots.units(), lots.notional(),
                weight > 0 ? null : c.reason(), List.copyOf(c.bindings()), estimates.kelly(), expected, forecastVol,
                sharpe, SizingFigures.impact(c, d), figures, budgets, SizingFigures.stress(c, d),
                SizingFigures.confidence(c, expected, forecastVol), c.details(), c.warnings());
    }

    /**
     * The method's weight times the ATR multiplier, when the spec asks for the volatility adjustment; a
     * reduction is recorded like a limit, with the regime and the reason.
     */
    private static double adjustForVolatility(SizingContext c, double w) {
        VolatilityAdjustment v = c.spec.volatility();
        if (v == null || !(w > 0) || !(v.multiplier() < 1)) {
            return w;
        }
        double after = w * v.multiplier();
        c.bind("volatility_adjustment", w, after, v.reason());
        return after;
    }

    /**
     * The expected return (given, else the historical mean shrunk toward zero, {@link ReturnEstimate}) and
     * Kelly: the trade's own when it has a stop, a target and a win probability ({@link TradeKelly}), else the
     * growth-optimal weight given the book, {@code (mu - s cov) / sigma^2}.
     */
    private static MethodSizer.Estimates estimates(SizingContext c, double forecastVol) {
        double expected = c.trade.expectedReturn();
        ReturnEstimate estimate = null;
        if (Double.isNaN(expected)) {
            estimate = ReturnEstimate.shrunk(c.s * c.model.mean(c.k) * SizingContext.YEAR,
                    c.model.candidateVariance(), c.book.days());
            expected = estimate.estimate();
            c.details.returnEstimate = estimate;
        }
        TradeKelly trade = TradeKelly.of(c.trade);
        if (trade != null) {
            c.details.tradeKelly = trade;
            return new MethodSizer.Estimates(expected, trade.kelly(), forecastVol, estimate, trade);
        }
        if (estimate != null && c.spec.method().method() == SizingMethod.KELLY_CRITERION) {
            c.warn("expected_return not given: the Kelly weight uses the instrument's historical mean return "
                    + Reasons.pct(estimate.historicalMean()) + " a year (standard error " + Reasons.pct(
                    estimate.standardError()) + ") shrunk toward zero: " + Reasons.pct(estimate.estimate())
                    + " is used");
        }
        double kelly = c.sigma2 > 0 ? (expected - c.s * c.cov) / c.sigma2 : Double.NaN;
        return new MethodSizer.Estimates(expected, kelly, forecastVol, estimate, null);
    }
}
