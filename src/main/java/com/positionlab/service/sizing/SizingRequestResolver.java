package com.positionlab.service.sizing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.risk.VolatilityAdjustment;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.sizing.SizingSpec;
import com.positionlab.service.InputLimits;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest.PortfolioState;
import com.positionlab.service.sizing.PositionSizingRequest.RiskBudgets;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.StressScenario;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.SizingBookResolver.Book0;
import com.positionlab.service.sizing.SizingMarketData.InstrumentData;

/**
 * A sizing request made ready for the engine: the stored rule merged under the request's own fields, every
 * default filled in ({@link SizingDefaults}), every field checked, and the book, sector, lot size and trade
 * returns looked up in the workspace when the request does not give them. All errors of one request are
 * reported together, in the order of the contract's fields.
 */
final class SizingRequestResolver {

    /** The trade itself, checked. */
    private record Decision(String instrumentId, Side side, double entry, double stop, double expectedReturn,
                            Conviction conviction, double target, double winProbability) {
    }

    /** The method's parameters, checked, with their defaults. */
    private record Parameters(SizingMethod method, SizingSpec.Risk risk, int lookback, double maxPosition,
                              double minPosition, double volatilityTarget, double fixedPercentage, double riskPerTrade,
                              double kellyMultiplier, double kellyCap, double optimalFFraction, double[] tradeReturns) {
    }

    private final SizingMarketData market;
    private final SizingBookResolver books;

    SizingRequestResolver(SizingMarketData market) {
        this.market = market;
        this.books = new SizingBookResolver(market);
    }

    ResolvedRequest resolve(PositionSizingRequest request) {
        Checks c = new Checks();
        if (request == null) {
            throw new ValidationException("request", "is empty; expected a JSON object");
        }
        TradingDecision d = request.tradingDecision();
        SizingRule rule = storedRule(c, request.ruleId());
        SizingParameters p = merge(request.sizingParameters(), rule == null ? null : rule.parameters());
        RiskConstraints rc = merge(request.riskConstraints(), rule == null ? null : rule.constraints());
        if (d == null) {
            c.fail("trading_decision", "is required");
            c.throwIfAny();
        }
        Decision decision = decision(c, d);
        Parameters params = parameters(c, p == null ? emptyParameters() : p);
        if (params.method() == SizingMethod.FIXED_RISK && d.stopPrice() == null) {
            c.fail("trading_decision.stop_price", "is required for FIXED_RISK");
        }
        SizingSpec.Limits limits = limits(c, rc, params);
        PortfolioState ps = request.portfolioState();
        Double drawdownGiven = ps == null ? null : ps.currentDrawdown();
        double drawdown = c.range("portfolio_state.current_drawdown", drawdownGiven, Double.NaN, SizingRanges.CURRENT_DRAWDOWN);
        SizingSpec.Budgets budgets = budgets(c, request.riskBudgets(), drawdown, params.lookback());
        List<SizingSpec.Shock> shocks = shocks(c, request.stressScenarios());
        c.throwIfAny();

        Book0 book = books.portfolio(c, ps);
        c.throwIfAny();
        String instrumentId = decision.instrumentId();
        Optional<InstrumentData> stored = market.instrument(instrumentId);
        String sector = d.sector() != null && !d.sector().isBlank() ? d.sector().trim()
                : stored.map(InstrumentData::sector).orElse(book.sectorOf(instrumentId));
        BigDecimal lot = d.lotSize() != null ? d.lotSize() : stored.map(InstrumentData::lotSize).orElse(BigDecimal.ONE);
        double[] tradeReturns = tradeReturns(c, params, d.strategyId());
        VolatilityAdjustment volatility = VolatilityAssessment.of(c, request.volatilityAdjustment(), instrumentId,
                params.lookback(), market);
        c.throwIfAny();
        SizingSpec spec = new SizingSpec(
                new SizingSpec.Trade(decision.side() == Side.LONG ? 1 : -1, book.equity(), decision.entry(),
                        decision.stop(), lot, decision.expectedReturn(), decision.conviction(), d.strategyId(),
                        params.lookback(), decision.target(), decision.winProbability()),
                new SizingSpec.Method(params.method(), params.volatilityTarget(), params.fixedPercentage(),
                        params.riskPerTrade(), params.kellyMultiplier(), params.kellyCap(), params.optimalFFraction(),
                        tradeReturns),
                params.risk(), limits, budgets, shocks, volatility);
        String decisionId = d.decisionId() == null || d.decisionId().isBlank() ? null : d.decisionId().trim();
        return new ResolvedRequest(decisionId, instrumentId, decision.side(), sector, book.currency(), book.equity(),
                book.positions(), ps == null ? null : ps.returnHistory(), request.ruleId(), spec);
    }

    private SizingRule storedRule(Checks c, String ruleId) {
        if (ruleId == null) {
            return null;
        }
        if (!market.hasRules()) {
            c.fail("rule_id", "stored rules need a workspace");
            return null;
        }
        SizingRule rule = market.rule(ruleId).orElse(null);
        if (rule == null) {
            c.fail("rule_id", "no rule " + ValidationException.quote(ruleId));
        }
        return rule;
    }

    private static Decision decision(Checks c, TradingDecision d) {
        String instrumentId = c.requiredText("trading_decision.instrument_id", d.instrumentId());
        c.id("trading_decision.instrument_id", instrumentId);
        c.id("trading_decision.decision_id", d.decisionId());
        c.id("trading_decision.strategy_id", d.strategyId());
        c.name("trading_decision.sector", d.sector());
        Side side = c.required("trading_decision.direction", d.direction());
        double entry = Double.NaN;
        if (d.entryPrice() == null) {
            c.fail("trading_decision.entry_price", "is required");
        } else {
            entry = c.positive("trading_decision.entry_price", d.entryPrice());
        }
        double stop = c.positive("trading_decision.stop_price", d.stopPrice());
        if (!Double.isNaN(stop) && !Double.isNaN(entry) && side != null) {
            if (side == Side.LONG && stop >= entry) {
                c.fail("trading_decision.stop_price", "must be below the entry price " + Checks.num(entry)
                        + " for a LONG, got " + Checks.num(stop));
            } else if (side == Side.SHORT && stop <= entry) {
                c.fail("trading_decision.stop_price", "must be above the entry price " + Checks.num(entry)
                        + " for a SHORT, got " + Checks.num(stop));
            }
        }
        double expected = c.range("trading_decision.expected_return", d.expectedReturn(), Double.NaN,
                SizingRanges.EXPECTED_RETURN);
        double winProbability = c.range("trading_decision.win_probability", d.winProbability(), Double.NaN,
                SizingRanges.WIN_PROBABILITY);
        double target = target(c, d, side, entry);
        if (d.lotSize() != null && d.lotSize().signum() <= 0) {
            c.fail("trading_decision.lot_size", "must be positive, got " + InputLimits.show(d.lotSize()));
        } else if (InputLimits.checkDecimal(d.lotSize()) != null) {
            c.fail("trading_decision.lot_size", InputLimits.checkDecimal(d.lotSize()));
        }
        Conviction conviction = d.conviction() == null ? Conviction.MEDIUM : d.conviction();
        return new Decision(instrumentId, side, entry, stop, expected, conviction, target, winProbability);
    }

    /** The target price: on the profit side of the entry (above it for a LONG, below for a SHORT); NaN when not given. */
    private static double target(Checks c, TradingDecision d, Side side, double entry) {
        double target = c.range("trading_decision.target_price", d.targetPrice(), Double.NaN, SizingRanges.PRICE);
        if (Double.isNaN(target) || Double.isNaN(entry) || side == null) {
            return target;
        }
        if (side == Side.LONG ? target <= entry : target >= entry) {
            c.fail("trading_decision.target_price", "must be " + (side == Side.LONG ? "above" : "below")
                    + " the entry price " + Checks.num(entry) + " for a " + side + ", got " + Checks.num(target));
        }
        return target;
    }

    private static Parameters parameters(Checks c, SizingParameters sp) {
        SizingMethod method = sp.sizingMethod() == null ? SizingDefaults.METHOD : sp.sizingMethod();
        RiskModel riskModel = sp.riskModel() == null ? SizingDefaults.RISK_MODEL : sp.riskModel();
        String pp = "sizing_parameters.";
        double confidence = c.range(pp + "confidence_level", sp.confidenceLevel(), SizingDefaults.CONFIDENCE,
                SizingRanges.CONFIDENCE);
        int lookback = c.intRange(pp + "lookback_period", sp.lookbackPeriod(), SizingDefaults.LOOKBACK,
                SizingRanges.LOOKBACK_MIN, SizingRanges.LOOKBACK_MAX);
        double maxPos = c.range(pp + "max_position_size", sp.maxPositionSize(), SizingDefaults.MAX_POSITION,
                SizingRanges.MAX_POSITION);
        double minPos = c.range(pp + "min_position_size", sp.minPositionSize(), 0, SizingRanges.MIN_POSITION);
        if (minPos > maxPos) {
            c.fail(pp + "min_position_size", "must not exceed max_position_size (" + Checks.num(maxPos) + "), got "
                    + Checks.num(minPos));
        }
        double volTarget = c.range(pp + "volatility_target", sp.volatilityTarget(), SizingDefaults.VOLATILITY_TARGET,
                SizingRanges.VOLATILITY_TARGET);
        double fixedPct = c.range(pp + "fixed_percentage", sp.fixedPercentage(), SizingDefaults.FIXED_PERCENTAGE,
                SizingRanges.FIXED_PERCENTAGE);
        double riskPerTrade = c.range(pp + "risk_per_trade", sp.riskPerTrade(), SizingDefaults.RISK_PER_TRADE,
                SizingRanges.RISK_PER_TRADE);
        double kellyMult = c.range(pp + "kelly_multiplier", sp.kellyMultiplier(), KellyPolicy.DEFAULT_KELLY_MULTIPLIER,
                SizingRanges.KELLY_MULTIPLIER);
        double kellyCap = c.range(pp + "max_kelly_fraction", sp.maxKellyFraction(),
                KellyPolicy.DEFAULT_MAX_KELLY_FRACTION, SizingRanges.MAX_KELLY_FRACTION);
        double optimalFFraction = c.range(pp + "optimal_f_fraction", sp.optimalFFraction(),
                SizingDefaults.OPTIMAL_F_FRACTION, SizingRanges.OPTIMAL_F_FRACTION);
        int horizon = c.intRange(pp + "horizon_days", sp.horizonDays(), 1, SizingRanges.HORIZON_MIN,
                SizingRanges.HORIZON_MAX);
        int scenarios = c.intRange(pp + "monte_carlo_scenarios", sp.monteCarloScenarios(), SizingDefaults.SCENARIOS,
                SizingRanges.SCENARIOS_MIN, SizingRanges.SCENARIOS_MAX);
        double[] tradeReturns = sp.tradeReturns();
        if (tradeReturns != null) {
            for (int i = 0; i < tradeReturns.length; i++) {
                if (!Double.isFinite(tradeReturns[i]) || tradeReturns[i] <= -1) {
                    c.fail(pp + "trade_returns[" + i + "]", "must be a finite return above -1, got " + tradeReturns[i]);
                    break;
                }
            }
        }
        SizingSpec.Risk risk = new SizingSpec.Risk(riskModel, confidence, horizon,
                Boolean.TRUE.equals(sp.cornishFisher()), scenarios, sp.seed() == null ? SizingDefaults.SEED : sp.seed());
        return new Parameters(method, risk, lookback, maxPos, minPos, volTarget, fixedPct, riskPerTrade, kellyMult,
                kellyCap, optimalFFraction, tradeReturns);
    }

    private static SizingSpec.Limits limits(Checks c, RiskConstraints rc, Parameters params) {
        RiskConstraints k = rc == null ? new RiskConstraints(null, null, null, null, null, null) : rc;
        String kp = "risk_constraints.";
        boolean varLimit = k.riskLimitMeasure() == PositionSizingRequest.RiskLimitMeasure.VAR;
        double maxRisk = c.range(kp + "max_portfolio_risk", k.maxPortfolioRisk(), Double.NaN,
                varLimit ? SizingRanges.MAX_PORTFOLIO_VAR : SizingRanges.MAX_PORTFOLIO_VOLATILITY);
        double maxInstrument = c.range(kp + "max_instrument_weight", k.maxInstrumentWeight(), Double.NaN,
                SizingRanges.MAX_INSTRUMENT_WEIGHT);
        double maxSector = c.range(kp + "max_sector_weight", k.maxSectorWeight(), Double.NaN, SizingRanges.MAX_SECTOR_WEIGHT);
        double corrLimit = c.range(kp + "correlation_limit", k.correlationLimit(), Double.NaN, SizingRanges.CORRELATION_LIMIT);
        double leverage = c.range(kp + "leverage_limit", k.leverageLimit(), Double.NaN, SizingRanges.LEVERAGE);
        return new SizingSpec.Limits(params.maxPosition(), params.minPosition(), maxRisk, varLimit, maxInstrument,
                maxSector, corrLimit, leverage);
    }

    /** OPTIMAL_F's trade returns: the request's, else the strategy's stored trades. */
    private double[] tradeReturns(Checks c, Parameters params, String strategyId) {
        double[] given = params.tradeReturns();
        if (params.method() != SizingMethod.OPTIMAL_F || given != null) {
            return given;
        }
        double[] stored = strategyId == null ? null : market.strategyReturns(strategyId);
        if (stored == null) {
            c.fail("sizing_parameters.trade_returns", "OPTIMAL_F needs the strategy's trades: give trade_returns, "
                    + "or a trading_decision.strategy_id with trades in the workspace");
            c.throwIfAny();
        }
        return stored;
    }

    private static SizingParameters emptyParameters() {
        return new SizingParameters(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private static SizingSpec.Budgets budgets(Checks c, RiskBudgets b, double drawdown, int lookback) {
        if (b == null) {
            return null;
        }
        double total = Double.NaN;
        if (b.totalVolatility() == null) {
            c.fail("risk_budgets.total_volatility", "is required with risk_budgets");
        } else {
            total = c.range("risk_budgets.total_volatility", b.totalVolatility(), Double.NaN,
                    SizingRanges.BUDGET_TOTAL_VOLATILITY);
        }
        Map<String, Double> sectors = shares(c, "risk_budgets.sector_shares", b.sectorShares());
        Map<String, Double> strategies = shares(c, "risk_budgets.strategy_shares", b.strategyShares());
        double maxDd = c.range("risk_budgets.max_drawdown", b.maxDrawdown(), SizingDefaults.MAX_DRAWDOWN,
                SizingRanges.BUDGET_MAX_DRAWDOWN);
        int window = c.intRange("risk_budgets.realised_window", b.realisedWindow(), SizingDefaults.REALISED_WINDOW, 5,
                lookback);
        return new SizingSpec.Budgets(total, sectors, strategies, maxDd, window, drawdown);
    }

    private static Map<String, Double> shares(Checks c, String field, Map<String, Double> shares) {
        if (shares == null) {
            return Map.of();
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() == null || !SizingRanges.BUDGET_SHARE.contains(e.getValue())) {
                c.fail(field + "." + e.getKey(), "must be a share in [0, 1], got " + e.getValue());
                return Map.of();
            }
            sum += e.getValue();
        }
        if (sum > 1 + 1e-9) {
            c.fail(field, "shares add up to " + Checks.num(sum) + "; at most 1");
        }
        return new LinkedHashMap<>(shares);
    }

    private static List<SizingSpec.Shock> shocks(Checks c, List<StressScenario> scenarios) {
        if (scenarios == null) {
            return List.of();
        }
        List<SizingSpec.Shock> out = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            StressScenario s = scenarios.get(i);
            String f = "stress_scenarios[" + i + "]";
            if (s == null) {
                c.fail(f, "must be an object");
                continue;
            }
            String name = s.name() == null || s.name().isBlank() ? "Scenario " + (i + 1) : s.name().trim();
            checkShocks(c, f + ".instrument_shocks", s.instrumentShocks());
            checkShocks(c, f + ".sector_shocks", s.sectorShocks());
            out.add(new SizingSpec.Shock(name, s.instrumentShocks() == null ? Map.of() : s.instrumentShocks(),
                    s.sectorShocks() == null ? Map.of() : s.sectorShocks()));
        }
        return out;
    }

    private static void checkShocks(Checks c, String field, Map<String, Double> shocks) {
        if (shocks == null) {
            return;
        }
        shocks.forEach((k, v) -> {
            if (v == null || !SizingRanges.SHOCK.contains(v)) {
                c.fail(field + "." + k, "must be a simple return in [-1, 10], got " + v);
            }
        });
    }

    private static SizingParameters merge(SizingParameters a, SizingParameters b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new SizingParameters(or(a.sizingMethod(), b.sizingMethod()), or(a.riskModel(), b.riskModel()),
                or(a.confidenceLevel(), b.confidenceLevel()), or(a.lookbackPeriod(), b.lookbackPeriod()),
                or(a.maxPositionSize(), b.maxPositionSize()), or(a.minPositionSize(), b.minPositionSize()),
                or(a.volatilityTarget(), b.volatilityTarget()), or(a.fixedPercentage(), b.fixedPercentage()),
                or(a.riskPerTrade(), b.riskPerTrade()), or(a.kellyMultiplier(), b.kellyMultiplier()),
                or(a.maxKellyFraction(), b.maxKellyFraction()), or(a.optimalFFraction(), b.optimalFFraction()),
                or(a.tradeReturns(), b.tradeReturns()), or(a.horizonDays(), b.horizonDays()),
                or(a.cornishFisher(), b.cornishFisher()), or(a.monteCarloScenarios(), b.monteCarloScenarios()),
                or(a.seed(), b.seed()));
    }

    private static RiskConstraints merge(RiskConstraints a, RiskConstraints b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new RiskConstraints(or(a.maxPortfolioRisk(), b.maxPortfolioRisk()),
                or(a.riskLimitMeasure(), b.riskLimitMeasure()), or(a.maxInstrumentWeight(), b.maxInstrumentWeight()),
                or(a.maxSectorWeight(), b.maxSectorWeight()), or(a.correlationLimit(), b.correlationLimit()),
                or(a.leverageLimit(), b.leverageLimit()));
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

}
