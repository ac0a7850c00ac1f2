package com.positionlab.ui.rules;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.positionlab.domain.Range;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.RiskLimitMeasure;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.SizingDefaults;
import com.positionlab.service.sizing.SizingRanges;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.ui.common.FieldReader;

/**
 * The text fields of the rule editor, named by their contract paths, and the conversion between what the
 * user types and a {@link SizingRule}. Every fraction of equity is typed in percent ("2" for 2%, a trailing
 * "%" allowed) and stored as a fraction (0.02); multipliers and counts are typed as they are. A blank field
 * is "not set": the sizing service's default applies.
 */
final class RuleForm {

    /** How a field's text is read. */
    enum Kind { TEXT, PERCENT, MULTIPLE, DECIMAL, WHOLE, LONG }

    /**
     * One text field: its contract path, label, unit hint, and the methods and risk models it applies to
     * (fields of other methods are hidden and not stored).
     */
    record Field(String path, String label, Kind kind, String unit, Set<SizingMethod> methods,
                 Set<RiskModel> riskModels) {

        boolean appliesTo(SizingMethod method, RiskModel model) {
            return (methods == null || method != null && methods.contains(method))
                    && (riskModels == null || riskModels.contains(model == null ? RiskModel.HISTORICAL_VAR : model));
        }
    }

    static final String P = "sizing_parameters.";
    static final String C = "risk_constraints.";
    static final String RULE_NAME = "rule_name";
    static final String DESCRIPTION = "description";
    static final String PRIORITY = "priority";
    static final String METHOD = P + "sizing_method";
    static final String RISK_MODEL = P + "risk_model";
    static final String CORNISH_FISHER = P + "cornish_fisher";
    static final String LIMIT_MEASURE = C + "risk_limit_measure";
    /** Priority of a new rule, and of one whose priority is left blank. */
    static final int DEFAULT_PRIORITY = 100;

    static final List<Field> FIELDS = List.of(
            field(RULE_NAME, "Name", Kind.TEXT, "required, unique"),
            field(DESCRIPTION, "Description", Kind.TEXT, "optional"),
            field(PRIORITY, "Priority", Kind.WHOLE, "lower is offered first"),
            method(P + "kelly_multiplier", "Kelly multiplier", Kind.MULTIPLE, "× Kelly (0.25 = quarter)",
                    SizingMethod.KELLY_CRITERION),
            method(P + "max_kelly_fraction", "Max Kelly fraction", Kind.PERCENT, "% of equity, caps raw Kelly",
                    SizingMethod.KELLY_CRITERION),
            method(P + "fixed_percentage", "Fixed percentage", Kind.PERCENT, "% of equity",
                    SizingMethod.FIXED_PERCENTAGE),
            method(P + "volatility_target", "Volatility target", Kind.PERCENT, "% a year",
                    SizingMethod.VOLATILITY_ADJUSTED),
            method(P + "risk_per_trade", "Risk per trade", Kind.PERCENT, "% of equity lost at stop",
                    SizingMethod.FIXED_RISK),
            method(P + "optimal_f_fraction", "Optimal f fraction", Kind.MULTIPLE, "× optimal f",
                    SizingMethod.OPTIMAL_F),
            field(P + "max_position_size", "Max position", Kind.PERCENT, "% of equity"),
            field(P + "min_position_size", "Min position", Kind.PERCENT, "% of equity"),
            field(P + "confidence_level", "Confidence level", Kind.PERCENT, "% (e.g. 95)"),
            field(P + "lookback_period", "Lookback", Kind.WHOLE, "trading days, 20–5000"),
            field(P + "horizon_days", "Horizon", Kind.WHOLE, "days, 1–250"),
            model(P + "monte_carlo_scenarios", "Scenarios", Kind.WHOLE, "1,000–1,000,000", RiskModel.MONTE_CARLO),
            model(P + "seed", "Seed", Kind.LONG, "same seed, same scenarios", RiskModel.MONTE_CARLO),
            field(C + "max_portfolio_risk", "Max portfolio risk", Kind.PERCENT, "% (vol a year, or VaR)"),
            field(C + "max_instrument_weight", "Max instrument weight", Kind.PERCENT, "% of equity after trade"),
            field(C + "max_sector_weight", "Max sector weight", Kind.PERCENT, "% of equity after trade"),
            field(C + "correlation_limit", "Correlation limit", Kind.DECIMAL, "−1 to 1, with the book"),
            field(C + "leverage_limit", "Leverage limit", Kind.MULTIPLE, "× equity, gross"));

    private static final Map<String, Field> BY_PATH = new LinkedHashMap<>();

    /** What a blank field means, as the sizing service fills it in (in the field's unit). */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(P + "kelly_multiplier", plain(KellyPolicy.DEFAULT_KELLY_MULTIPLIER)),
            Map.entry(P + "max_kelly_fraction", percent(KellyPolicy.DEFAULT_MAX_KELLY_FRACTION)),
            Map.entry(P + "fixed_percentage", percent(SizingDefaults.FIXED_PERCENTAGE)),
            Map.entry(P + "volatility_target", percent(SizingDefaults.VOLATILITY_TARGET)),
            Map.entry(P + "risk_per_trade", percent(SizingDefaults.RISK_PER_TRADE)),
            Map.entry(P + "optimal_f_fraction", plain(SizingDefaults.OPTIMAL_F_FRACTION)),
            Map.entry(P + "max_position_size", percent(SizingDefaults.MAX_POSITION)),
            Map.entry(P + "min_position_size", "0"),
            Map.entry(P + "confidence_level", percent(SizingDefaults.CONFIDENCE)),
            Map.entry(P + "lookback_period", Integer.toString(SizingDefaults.LOOKBACK)),
            Map.entry(P + "horizon_days", "1"),
            Map.entry(P + "monte_carlo_scenarios", Integer.toString(SizingDefaults.SCENARIOS)),
            Map.entry(P + "seed", Long.toString(SizingDefaults.SEED)));

    static {
        FIELDS.forEach(f -> BY_PATH.put(f.path(), f));
    }

    private RuleForm() {
    }

    static Field field(String path) {
        Field f = BY_PATH.get(path);
        if (f == null) {
            throw new IllegalArgumentException("no rule field " + path);
        }
        return f;
    }

    /** The prompt of a blank field: the default it stands for ("default 95"), or "no limit" for a constraint. */
    static String prompt(String path) {
        if (DEFAULTS.containsKey(path)) {
            return "default " + DEFAULTS.get(path);
        }
        if (path.equals(RULE_NAME)) {
            return "e.g. Half Kelly";
        }
        if (path.equals(DESCRIPTION)) {
            return "what the rule is for";
        }
        return path.startsWith(C) ? "no limit" : "";
    }

    /** The label of a field or of a choice, for messages ("Confidence level"). */
    static String label(String path) {
        return switch (path) {
            case METHOD -> "Sizing method";
            case RISK_MODEL -> "Risk model";
            case LIMIT_MEASURE -> "Risk limit measure";
            case CORNISH_FISHER -> "Cornish-Fisher";
            default -> BY_PATH.containsKey(path) ? BY_PATH.get(path).label() : path;
        };
    }

    /** What {@code max_portfolio_risk} limits, for choices. */
    static String measureName(RiskLimitMeasure m) {
        return m == null ? "" : m == RiskLimitMeasure.VAR ? "VaR" : "Volatility";
    }

    /** What a method computes, in one line (the formulas of {@link SizingMethod}). */
    static String methodSummary(SizingMethod m) {
        if (m == null) {
            return "Choose how the position's weight is chosen.";
        }
        return switch (m) {
            case KELLY_CRITERION -> "Growth-optimal weight from the edge and the book's covariance, capped at the max "
                    + "Kelly fraction, times the multiplier.";
            case FIXED_PERCENTAGE -> "The same share of equity for every position.";
            case VOLATILITY_ADJUSTED -> "Weight = volatility target / the instrument's forecast annualised volatility.";
            case RISK_PARITY -> "The weight at which the position adds as much portfolio variance as each holding. "
                    + "No settings of its own.";
            case EQUAL_WEIGHT -> "Weight = 1 / (number of holdings + 1). No settings of its own.";
            case FIXED_RISK -> "Units = equity x risk per trade / |entry - stop|: needs a stop price when sizing.";
            case OPTIMAL_F -> "Vince's optimal f over the strategy's trade returns, times the fraction.";
        };
    }

    /** The choices of the form beside its texts. */
    record Choices(SizingMethod method, RiskModel riskModel, RiskLimitMeasure limitMeasure, boolean active,
                   boolean cornishFisher) {
    }

    /** What the form gives: the rule (unreadable fields left unset) and why each unreadable field is so. */
    record Parsed(SizingRule rule, Map<String, String> errors) {
    }

    /**
     * Reads the form. {@code original} is the rule being edited (null for a new one): its id and the values
     * the form does not show (trade returns) are kept.
     */
    static Parsed parse(Map<String, String> texts, Choices choices, SizingRule original) {
        Reader r = new Reader(texts, choices);
        SizingMethod m = choices.method();
        SizingParameters p = new SizingParameters(m, choices.riskModel(),
                r.percent(P + "confidence_level", SizingRanges.CONFIDENCE),
                r.whole(P + "lookback_period", SizingRanges.LOOKBACK_MIN, SizingRanges.LOOKBACK_MAX),
                r.percent(P + "max_position_size", SizingRanges.MAX_POSITION),
                r.percent(P + "min_position_size", SizingRanges.MIN_POSITION),
                r.percent(P + "volatility_target", SizingRanges.VOLATILITY_TARGET),
                r.percent(P + "fixed_percentage", SizingRanges.FIXED_PERCENTAGE),
                r.percent(P + "risk_per_trade", SizingRanges.RISK_PER_TRADE),
                r.multiple(P + "kelly_multiplier", SizingRanges.KELLY_MULTIPLIER),
                r.percent(P + "max_kelly_fraction", SizingRanges.MAX_KELLY_FRACTION),
                r.multiple(P + "optimal_f_fraction", SizingRanges.OPTIMAL_F_FRACTION),
                original == null || original.parameters() == null ? null : original.parameters().tradeReturns(),
                r.whole(P + "horizon_days", SizingRanges.HORIZON_MIN, SizingRanges.HORIZON_MAX),
                choices.riskModel() == RiskModel.PARAMETRIC && choices.cornishFisher() ? Boolean.TRUE : null,
                r.whole(P + "monte_carlo_scenarios", SizingRanges.SCENARIOS_MIN, SizingRanges.SCENARIOS_MAX),
                r.seed(P + "seed"));
        RiskConstraints c = new RiskConstraints(r.percent(C + "max_portfolio_risk",
                choices.limitMeasure() == RiskLimitMeasure.VAR ? SizingRanges.MAX_PORTFOLIO_VAR
                        : SizingRanges.MAX_PORTFOLIO_VOLATILITY), choices.limitMeasure(),
                r.percent(C + "max_instrument_weight", SizingRanges.MAX_INSTRUMENT_WEIGHT),
                r.percent(C + "max_sector_weight", SizingRanges.MAX_SECTOR_WEIGHT),
                r.decimal(C + "correlation_limit", SizingRanges.CORRELATION_LIMIT),
                r.multiple(C + "leverage_limit", SizingRanges.LEVERAGE));
        Integer priority = r.whole(PRIORITY, Integer.MIN_VALUE, Integer.MAX_VALUE);
        String description = texts.getOrDefault(DESCRIPTION, "");
        SizingRule rule = new SizingRule(original == null ? null : original.ruleId(),
                texts.getOrDefault(RULE_NAME, "").strip(), description.isBlank() ? null : description.strip(),
                choices.active(), priority == null ? DEFAULT_PRIORITY : priority, p, isEmpty(c) ? null : c);
        return new Parsed(rule, r.errors);
    }

    /** The texts showing {@code rule}: fractions in percent, unset values blank. */
    static Map<String, String> texts(SizingRule rule) {
        Map<String, String> t = new LinkedHashMap<>();
        SizingParameters p = rule.parameters();
        RiskConstraints c = rule.constraints();
        t.put(RULE_NAME, rule.ruleName() == null ? "" : rule.ruleName());
        t.put(DESCRIPTION, rule.description() == null ? "" : rule.description());
        t.put(PRIORITY, Integer.toString(rule.priority()));
        boolean hasP = p != null;
        t.put(P + "kelly_multiplier", plain(hasP ? p.kellyMultiplier() : null));
        t.put(P + "max_kelly_fraction", percent(hasP ? p.maxKellyFraction() : null));
        t.put(P + "fixed_percentage", percent(hasP ? p.fixedPercentage() : null));
        t.put(P + "volatility_target", percent(hasP ? p.volatilityTarget() : null));
        t.put(P + "risk_per_trade", percent(hasP ? p.riskPerTrade() : null));
        t.put(P + "optimal_f_fraction", plain(hasP ? p.optimalFFraction() : null));
        t.put(P + "max_position_size", percent(hasP ? p.maxPositionSize() : null));
        t.put(P + "min_position_size", percent(hasP ? p.minPositionSize() : null));
        t.put(P + "confidence_level", percent(hasP ? p.confidenceLevel() : null));
        t.put(P + "lookback_period", whole(hasP ? p.lookbackPeriod() : null));
        t.put(P + "horizon_days", whole(hasP ? p.horizonDays() : null));
        t.put(P + "monte_carlo_scenarios", whole(hasP ? p.monteCarloScenarios() : null));
        t.put(P + "seed", hasP && p.seed() != null ? Long.toString(p.seed()) : "");
        boolean hasC = c != null;
        t.put(C + "max_portfolio_risk", percent(hasC ? c.maxPortfolioRisk() : null));
        t.put(C + "max_instrument_weight", percent(hasC ? c.maxInstrumentWeight() : null));
        t.put(C + "max_sector_weight", percent(hasC ? c.maxSectorWeight() : null));
        t.put(C + "correlation_limit", plain(hasC ? c.correlationLimit() : null));
        t.put(C + "leverage_limit", plain(hasC ? c.leverageLimit() : null));
        return t;
    }

    /** The choices showing {@code rule}. */
    static Choices choices(SizingRule rule) {
        SizingParameters p = rule.parameters();
        RiskConstraints c = rule.constraints();
        return new Choices(p == null ? null : p.sizingMethod(),
                p == null || p.riskModel() == null ? RiskModel.HISTORICAL_VAR : p.riskModel(),
                c == null || c.riskLimitMeasure() == null ? RiskLimitMeasure.VOLATILITY : c.riskLimitMeasure(),
                rule.active(), p != null && Boolean.TRUE.equals(p.cornishFisher()));
    }

    private static boolean isEmpty(RiskConstraints c) {
        return c.maxPortfolioRisk() == null && c.maxInstrumentWeight() == null && c.maxSectorWeight() == null
                && c.correlationLimit() == null && c.leverageLimit() == null;
    }

    /** A fraction in percent, exact in decimal (0.07 -> "7"). */
    static String percent(Double fraction) {
        return fraction == null ? "" : BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    static String plain(Double v) {
        return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String whole(Integer v) {
        return v == null ? "" : Integer.toString(v);
    }

    /** Reads the texts of the fields that apply, recording why a text cannot be read. */
    /**
     * The form's fields through the one form reader, with the sizing service's ranges: a field that does not
     * apply to the chosen method and model is not read (it reads as unset).
     */
    private static final class Reader {
        private final Map<String, String> errors = new LinkedHashMap<>();
        private final FieldReader fields;

        Reader(Map<String, String> texts, Choices choices) {
            Map<String, String> shown = new LinkedHashMap<>();
            texts.forEach((path, text) -> {
                Field f = BY_PATH.get(path);
                if (f != null && f.appliesTo(choices.method(), choices.riskModel())) {
                    shown.put(path, text);
                }
            });
            fields = new FieldReader(shown, errors);
        }

        /** A share typed in percent, as a fraction. */
        Double percent(String path, Range fractions) {
            return fields.percent(path, false, fractions);
        }

        /** A multiplier, typed with or without its "x". */
        Double multiple(String path, Range allowed) {
            return fields.number(path, false, allowed, "x");
        }

        Double decimal(String path, Range allowed) {
            return fields.number(path, false, allowed, "");
        }

        Integer whole(String path, int lo, int hi) {
            Long v = fields.whole(path, false, lo, hi);
            return v == null ? null : v.intValue();
        }

        Long seed(String path) {
            return fields.whole(path, false, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    private static Field field(String path, String label, Kind kind, String unit) {
        return new Field(path, label, kind, unit, null, null);
    }

    private static Field method(String path, String label, Kind kind, String unit, SizingMethod method) {
        return new Field(path, label, kind, unit, EnumSet.of(method), null);
    }

    private static Field model(String path, String label, Kind kind, String unit, RiskModel model) {
        return new Field(path, label, kind, unit, null, EnumSet.of(model));
    }
}
