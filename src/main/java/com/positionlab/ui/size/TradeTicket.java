package com.positionlab.ui.size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.domain.Range;
import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingRequest.RiskBudgets;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.StressScenario;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.SizingRanges;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.ui.common.FieldReader;

/**
 * The ticket's typed numbers, parsed. Percent fields are typed in percent and held here as fractions;
 * a blank optional field is null, so the service applies its default. {@link #parse} checks each field
 * against the same range as the service (in the unit the user typed) and collects every problem at once.
 */
record TradeTicket(double entry, Double stop, Double target, Double winProbability, Double expectedReturn,
                   Double riskPerTrade, double confidence, int horizonDays, Double maxPosition,
                   Double maxVolatility, Double maxSector, Double leverage, Double budgetVolatility,
                   Double budgetSectorShare, Double sectorShock) {

    static final String ENTRY = "entry";
    static final String STOP = "stop";
    static final String TARGET = "target";
    static final String WIN_PROBABILITY = "win_probability";
    static final String RISK_PER_TRADE = "risk_per_trade";
    static final String EXPECTED_RETURN = "expected_return";
    static final String CONFIDENCE = "confidence";
    static final String HORIZON = "horizon";
    static final String MAX_POSITION = "max_position";
    static final String MAX_VOLATILITY = "max_volatility";
    static final String MAX_SECTOR = "max_sector";
    static final String LEVERAGE = "leverage";
    static final String BUDGET_VOLATILITY = "budget_volatility";
    static final String BUDGET_SECTOR_SHARE = "budget_sector_share";
    static final String SECTOR_SHOCK = "sector_shock";

    /** Error keys of the choices (not typed): shown beside their pickers. */
    static final String INSTRUMENT = "instrument";
    static final String DIRECTION = "direction";
    static final String STRATEGY = "strategy";
    /** The error key of the volatility adjustment toggle. */
    static final String VOLATILITY_ADJUSTMENT = "volatility_adjustment";
    static final String RULE = "rule";
    static final String METHOD = "method";
    /** Errors that belong to no ticket field, shown at the top of the ticket. */
    static final String GENERAL = "ticket";

    /** The typed fields, in the order of the form. */
    static final List<String> FIELDS = List.of(ENTRY, STOP, TARGET, WIN_PROBABILITY, EXPECTED_RETURN,
            RISK_PER_TRADE, CONFIDENCE, HORIZON, MAX_POSITION, MAX_VOLATILITY, MAX_SECTOR, LEVERAGE, BUDGET_VOLATILITY,
            BUDGET_SECTOR_SHARE, SECTOR_SHOCK);

    /** What a new ticket starts with (entry is filled from the instrument's last close). */
    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        FIELDS.forEach(f -> d.put(f, ""));
        d.put(CONFIDENCE, "95");
        d.put(HORIZON, "1");
        d.put(MAX_POSITION, "10");
        d.put(MAX_VOLATILITY, "25");
        d.put(MAX_SECTOR, "40");
        d.put(LEVERAGE, "1.5");
        d.put(BUDGET_VOLATILITY, "25");
        d.put(BUDGET_SECTOR_SHARE, "40");
        d.put(SECTOR_SHOCK, "-20");
        return d;
    }

    record Parsed(TradeTicket ticket, Map<String, String> errors) {
    }

    /** Parses the fields as typed, and asks for an instrument when none is chosen. */
    static Parsed check(Map<String, ? extends javafx.beans.value.ObservableStringValue> fields, boolean instrumentChosen) {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((k, v) -> texts.put(k, v.get()));
        Parsed parsed = parse(texts);
        Map<String, String> found = new LinkedHashMap<>(parsed.errors());
        if (!instrumentChosen) {
            found.put(INSTRUMENT, "choose an instrument");
        }
        return found.isEmpty() ? parsed : new Parsed(null, found);
    }

    /** Parses the texts; the ticket is null when any field is wrong, and {@code errors} then names each. */
    static Parsed parse(Map<String, String> text) {
        Map<String, String> errors = new LinkedHashMap<>();
        Reader r = new Reader(text, errors);
        Double entry = r.number(ENTRY, true, SizingRanges.PRICE, 1);
        Double stop = r.number(STOP, false, SizingRanges.PRICE, 1);
        Double target = r.number(TARGET, false, SizingRanges.PRICE, 1);
        Double winProbability = r.number(WIN_PROBABILITY, false, SizingRanges.WIN_PROBABILITY, 0.01);
        Double expected = r.number(EXPECTED_RETURN, false, SizingRanges.EXPECTED_RETURN, 0.01);
        Double riskPerTrade = r.number(RISK_PER_TRADE, false, SizingRanges.RISK_PER_TRADE, 0.01);
        Double confidence = r.number(CONFIDENCE, true, SizingRanges.CONFIDENCE, 0.01);
        Integer horizon = r.integer(HORIZON, SizingRanges.HORIZON_MIN, SizingRanges.HORIZON_MAX);
        Double maxPosition = r.number(MAX_POSITION, false, SizingRanges.MAX_POSITION, 0.01);
        Double maxVolatility = r.number(MAX_VOLATILITY, false, SizingRanges.MAX_PORTFOLIO_VOLATILITY, 0.01);
        Double maxSector = r.number(MAX_SECTOR, false, SizingRanges.MAX_SECTOR_WEIGHT, 0.01);
        Double leverage = r.number(LEVERAGE, false, SizingRanges.LEVERAGE, 1);
        Double budget = r.number(BUDGET_VOLATILITY, false, SizingRanges.BUDGET_TOTAL_VOLATILITY, 0.01);
        Double share = r.number(BUDGET_SECTOR_SHARE, false, SizingRanges.BUDGET_SHARE, 0.01);
        if (share != null && budget == null && !errors.containsKey(BUDGET_VOLATILITY)) {
            errors.put(BUDGET_SECTOR_SHARE, "needs a portfolio risk budget above");
        }
        Double shock = r.number(SECTOR_SHOCK, false, SizingRanges.SHOCK, 0.01);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new TradeTicket(entry, stop, target, winProbability, expected, riskPerTrade, confidence,
                horizon, maxPosition, maxVolatility, maxSector, leverage, budget, share, shock), errors);
    }

    /** The choices that are not typed: instrument, direction, strategy, conviction, rule, method, model. */
    record Choices(String instrumentId, String sector, Side direction, String strategyId, Conviction conviction,
                   String ruleId, SizingMethod method, RiskModel riskModel, boolean volatilityAdjustment) {

        /** Without the volatility adjustment. */
        Choices(String instrumentId, String sector, Side direction, String strategyId, Conviction conviction,
                String ruleId, SizingMethod method, RiskModel riskModel) {
            this(instrumentId, sector, direction, strategyId, conviction, ruleId, method, riskModel, false);
        }
    }

    /**
     * The request for the service. The portfolio is the workspace's; the sector budget and the sector shock
     * apply to the instrument's sector.
     */
    PositionSizingRequest request(Choices c) {
        TradingDecision decision = new TradingDecision(null, c.instrumentId(), c.direction(), entry, stop,
                expectedReturn, winProbability, c.strategyId(), c.conviction(), null, null, target);
        SizingParameters parameters = new SizingParameters(c.method(), c.riskModel(), confidence, null, maxPosition,
                null, null, null, riskPerTrade, null, null, null, null, horizonDays, null, null, null);
        RiskConstraints constraints = new RiskConstraints(maxVolatility, null, null, maxSector, null, leverage);
        RiskBudgets budgets = null;
        if (budgetVolatility != null) {
            budgets = new RiskBudgets(budgetVolatility, budgetSectorShare == null || c.sector() == null ? null
                    : Map.of(c.sector(), budgetSectorShare), null, null, null);
        }
        List<StressScenario> stress = null;
        if (sectorShock != null && c.sector() != null) {
            stress = List.of(new StressScenario(c.sector() + " " + signedPercent(sectorShock), null,
                    Map.of(c.sector(), sectorShock)));
        }
        return new PositionSizingRequest(decision, null, parameters, constraints, budgets, stress, c.ruleId(),
                c.volatilityAdjustment() ? new PositionSizingRequest.VolatilityAdjustment(null, null, null, null) : null);
    }

    /**
     * The texts of the fields a stored rule sets (percent fields in percent); a VaR-measured portfolio limit
     * has no field and is left to the rule.
     */
    static Map<String, String> texts(SizingRule rule) {
        Map<String, String> out = new LinkedHashMap<>();
        SizingParameters p = rule.parameters();
        if (p != null) {
            putPercent(out, CONFIDENCE, p.confidenceLevel());
            putPercent(out, MAX_POSITION, p.maxPositionSize());
            if (p.horizonDays() != null) {
                out.put(HORIZON, Integer.toString(p.horizonDays()));
            }
        }
        RiskConstraints k = rule.constraints();
        if (k != null) {
            if (k.riskLimitMeasure() != PositionSizingRequest.RiskLimitMeasure.VAR) {
                putPercent(out, MAX_VOLATILITY, k.maxPortfolioRisk());
            }
            putPercent(out, MAX_SECTOR, k.maxSectorWeight());
            if (k.leverageLimit() != null) {
                out.put(LEVERAGE, plain(k.leverageLimit()));
            }
        }
        return out;
    }

    private static void putPercent(Map<String, String> out, String field, Double fraction) {
        if (fraction != null) {
            out.put(field, plain(fraction * 100));
        }
    }

    /**
     * The ticket field a service error belongs to, from its JSON path ({@code trading_decision.entry_price});
     * {@link #GENERAL} when it belongs to none.
     */
    static String fieldFor(String path) {
        if (path == null) {
            return GENERAL;
        }
        return switch (path) {
            case "trading_decision.instrument_id" -> INSTRUMENT;
            case "trading_decision.direction" -> DIRECTION;
            case "trading_decision.entry_price" -> ENTRY;
            case "trading_decision.stop_price" -> STOP;
            case "trading_decision.expected_return" -> EXPECTED_RETURN;
            case "trading_decision.strategy_id" -> STRATEGY;
            case "sizing_parameters.confidence_level" -> CONFIDENCE;
            case "sizing_parameters.horizon_days" -> HORIZON;
            case "sizing_parameters.max_position_size" -> MAX_POSITION;
            case "sizing_parameters.sizing_method" -> METHOD;
            case "risk_constraints.max_portfolio_risk" -> MAX_VOLATILITY;
            case "risk_constraints.max_sector_weight" -> MAX_SECTOR;
            case "risk_constraints.leverage_limit" -> LEVERAGE;
            case "risk_budgets.total_volatility" -> BUDGET_VOLATILITY;
            case "rule_id" -> RULE;
            case "volatility_adjustment" -> VOLATILITY_ADJUSTMENT;
            default -> {
                if (path.startsWith("sizing_parameters.trade_returns")) {
                    yield STRATEGY;
                } else if (path.startsWith("risk_budgets.sector_shares")) {
                    yield BUDGET_SECTOR_SHARE;
                } else if (path.startsWith("stress_scenarios")) {
                    yield SECTOR_SHOCK;
                }
                yield GENERAL;
            }
        };
    }

    private static String signedPercent(double fraction) {
        String p = plain(fraction * 100) + "%";
        return fraction > 0 ? "+" + p : p;
    }

    /** A number as typed back into a field: at most 8 significant digits, no exponent, no trailing zeros. */
    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }

    /** The ticket's fields through the one form reader, percent fields scaled to the request's fractions. */
    private record Reader(FieldReader fields) {

        Reader(Map<String, String> text, Map<String, String> errors) {
            this(new FieldReader(text, errors));
        }

        /**
         * The field's number times {@code scale} (0.01 for a percent field), or null when blank and optional (or
         * wrong). The typed value must lie in {@code allowed}, the service's range for the field, in the
         * field's own unit: a ticket that parses is never refused by the service for its range.
         */
        Double number(String name, boolean required, Range allowed, double scale) {
            if (scale == 0.01) {
                return fields.percent(name, required, allowed);
            }
            return fields.number(name, required, allowed.scaled(1 / scale), name.equals(LEVERAGE) ? "x" : "");
        }

        Integer integer(String name, int lo, int hi) {
            Long v = fields.whole(name, true, lo, hi);
            return v == null ? null : v.intValue();
        }
    }
}
