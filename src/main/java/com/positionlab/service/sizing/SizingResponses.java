package com.positionlab.service.sizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.engine.limits.Binding;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.sizing.ReturnEstimate;
import com.positionlab.engine.sizing.SizingDetails;
import com.positionlab.engine.sizing.SizingOutcome;
import com.positionlab.engine.sizing.SizingSpec;
import com.positionlab.engine.sizing.TradeKelly;
import com.positionlab.service.Figures;
import com.positionlab.service.Money;
import com.positionlab.service.sizing.PositionSizingResponse.BindingConstraint;
import com.positionlab.service.sizing.PositionSizingResponse.BudgetUse;
import com.positionlab.service.sizing.PositionSizingResponse.ExpectedReturnEstimate;
import com.positionlab.service.sizing.PositionSizingResponse.MethodComparison;
import com.positionlab.service.sizing.PositionSizingResponse.OptimalPosition;
import com.positionlab.service.sizing.PositionSizingResponse.OptimizationDetails;
import com.positionlab.service.sizing.PositionSizingResponse.PortfolioImpact;
import com.positionlab.service.sizing.PositionSizingResponse.RiskMetrics;
import com.positionlab.service.sizing.PositionSizingResponse.SizingAnalysis;
import com.positionlab.service.sizing.PositionSizingResponse.StressResult;
import com.positionlab.service.sizing.PositionSizingResponse.TradeKellyFigures;
import com.positionlab.service.sizing.PositionSizingResponse.VolatilityRegime;

/** Maps the engine's outcome of a sizing to the contract's response. */
final class SizingResponses {

    private SizingResponses() {
    }

    /**
     * The response of a sizing: figures rounded to ten significant digits, money to the currency's minor
     * unit; {@code dates} (null when the history came with the request) name the stress windows.
     */
    static PositionSizingResponse toResponse(String sizingId, ResolvedRequest r, SizingOutcome o,
                                             List<LocalDate> dates, List<MethodComparison> comparison, double ms) {
        String ccy = r.currency();
        OptimalPosition position = new OptimalPosition(sizingId, r.instrumentId(), r.side().name(), o.units(),
                Money.round(o.notional(), ccy), round(o.weight()), ccy, o.method().name(),
                round(o.confidenceScore()), o.reason());
        SizingOutcome.Impact im = o.impact();
        PortfolioImpact impact = new PortfolioImpact(round(im.portfolioRiskChange()), round(im.correlationImpact()),
                round(im.diversificationBenefit()), round(im.concentrationRisk()));
        OptimizationDetails details = details(o, r.ruleId(), ccy);
        SizingAnalysis analysis = new SizingAnalysis(finite(o.kellyFraction()), finite(o.expectedReturn()),
                finite(o.expectedVolatility()), finite(o.sharpeRatio()), impact, details,
                regime(r.spec().volatility()));
        SizingOutcome.RiskFigures f = o.risk();
        Map<String, Double> garch = null;
        GarchFit g = f.candidateGarch();
        if (g != null) {
            garch = new LinkedHashMap<>();
            garch.put("omega", g.omega());
            garch.put("alpha", g.alpha());
            garch.put("beta", g.beta());
            garch.put("mu", g.mu());
            garch.put("log_likelihood", g.logLikelihood());
            garch.put("forecast_volatility", g.forecastVolatility());
        }
        SizingSpec.Risk rs = r.spec().risk();
        BigDecimal equity = BigDecimal.valueOf(r.equity());
        RiskMetrics risk = new RiskMetrics(rs.model().name(), rs.confidence(), rs.horizonDays(),
                "square root of time", round(f.positionVar()), round(f.positionCvar()), round(f.portfolioVarBefore()),
                round(f.portfolioCvarBefore()), round(f.portfolioVarAfter()), round(f.portfolioCvarAfter()),
                Money.round(equity.multiply(BigDecimal.valueOf(f.positionVar())), ccy),
                Money.round(equity.multiply(BigDecimal.valueOf(f.portfolioVarAfter())), ccy), garch);
        List<BindingConstraint> bindings = o.bindings().stream().map(b -> new BindingConstraint(b.name(),
                round(b.before()), round(b.after()), b.reason())).toList();
        List<BudgetUse> budgets = o.budgets().isEmpty() ? null : o.budgets().stream().map(b -> new BudgetUse(b.kind(),
                b.name(), round(b.budget()), round(b.usedBefore()), round(b.usedAfter()))).toList();
        List<StressResult> stress = o.stress().stream().map(s -> new StressResult(s.name(), s.kind(),
                window(s, dates), round(s.portfolioPnlBefore()), round(s.portfolioPnlAfter()),
                round(s.positionPnl()))).toList();
        return new PositionSizingResponse(sizingId, position, analysis, risk, bindings, budgets, stress, comparison,
                o.warnings().isEmpty() ? null : o.warnings(), ms);
    }

    /** The engine's details, each figure rounded like the rest of the response. */
    private static OptimizationDetails details(SizingOutcome o, String ruleId, String ccy) {
        SizingDetails d = o.details();
        SizingOutcome.Impact im = o.impact();
        return new OptimizationDetails(round(o.rawWeight()), round(im.volatilityBefore()), round(im.volatilityAfter()),
                r(d.kellyGrowthOptimalWeight()), r(d.kellyCap()), r(d.kellyMultiplier()), r(d.convictionMultiplier()),
                r(d.covarianceWithBook()), r(d.volatilityTarget()), r(d.volatilityForecast()), r(d.riskShareTarget()),
                d.positionsAfter(), r(d.riskPerTrade()), r(d.riskPerUnit()), r(d.optimalF()), r(d.largestLoss()),
                r(d.geometricMeanHpr()), d.trades(), r(d.optimalFFraction()), r(d.targetWeight()), r(d.heldWeight()),
                r(d.heldRiskShare()), r(d.correlationWithBook()), r(d.riskBudgetScale()),
                r(d.riskBudgetVolatilityMultiplier()), r(d.riskBudgetDrawdown()), r(d.unitsBeforeRounding()),
                d.lookbackDays(), ruleId, returnEstimate(d.returnEstimate()), tradeKelly(o, d.tradeKelly(), ccy));
    }

    private static ExpectedReturnEstimate returnEstimate(ReturnEstimate e) {
        return e == null ? null : new ExpectedReturnEstimate(round(e.historicalMean()), round(e.standardError()),
                e.priorMean(), e.priorSd(), round(e.kept()), round(e.estimate()), e.days());
    }

    private static TradeKellyFigures tradeKelly(SizingOutcome o, TradeKelly t, String ccy) {
        return t == null ? null : new TradeKellyFigures(round(t.winProbability()), round(t.rewardToRisk()),
                round(t.kelly()), o.details().riskPerTrade() == null ? null : round(o.details().riskPerTrade()),
                round(t.riskPerUnit()), Money.round(o.units().multiply(BigDecimal.valueOf(t.riskPerUnit())), ccy));
    }

    private static VolatilityRegime regime(com.positionlab.engine.risk.VolatilityAdjustment v) {
        return v == null ? null : new VolatilityRegime(v.regime().name(), finite(v.atr()), finite(v.atrPercent()),
                finite(v.medianAtrPercent()), finite(v.percentile()), round(v.multiplier()), v.reason());
    }

    private static Double r(Double v) {
        return v == null ? null : round(v);
    }

    private static String window(SizingOutcome.StressOutcome s, List<LocalDate> dates) {
        if (s.windowStart() < 0) {
            return null;
        }
        if (dates == null || s.windowStart() + s.days() > dates.size()) {
            return "days " + (s.windowStart() + 1) + " to " + (s.windowStart() + s.days()) + " of the history";
        }
        LocalDate first = dates.get(s.windowStart());
        LocalDate last = dates.get(s.windowStart() + s.days() - 1);
        return first.equals(last) ? first.toString() : first + " to " + last;
    }

    static MethodComparison comparisonRow(SizingOutcome c) {
        return new MethodComparison(c.method().name(), c.units(), c.notional(), round(c.weight()),
                round(c.rawWeight()), c.bindings().stream().map(Binding::name).toList(), c.reason());
    }

    /** Ten significant digits ({@link Figures#round}). */
    static double round(double v) {
        return Figures.round(v);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? round(v) : null;
    }

}
