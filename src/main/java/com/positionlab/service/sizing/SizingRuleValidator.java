package com.positionlab.service.sizing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.positionlab.domain.Range;
import com.positionlab.service.InputLimits;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.RiskLimitMeasure;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;

/**
 * The bounds of every field of a {@link SizingRule}, checked all at once. Fields are named by their contract
 * paths ({@code rule_name}, {@code sizing_parameters.confidence_level}, {@code risk_constraints.max_sector_weight}).
 * Fractions are of equity (0.02 = 2%), never percent; their messages also give the bounds in percent, for
 * forms that take percentages. A null value means "not set" (the defaults apply) and is valid except for
 * {@code rule_name} and {@code sizing_parameters.sizing_method}.
 */
final class SizingRuleValidator {

    static final int MAX_NAME_LENGTH = InputLimits.MAX_NAME_LENGTH;
    static final int MAX_DESCRIPTION_LENGTH = 1000;

    private static final String P = "sizing_parameters.";
    private static final String C = "risk_constraints.";

    private final List<FieldError> errors = new ArrayList<>();

    private SizingRuleValidator() {
    }

    /**
     * Every problem of {@code rule}, in form order; empty when it can be stored. {@code others} are the
     * rules it must not share a name with (a rule with the same id is the rule itself and is skipped).
     */
    static List<FieldError> validate(SizingRule rule, Collection<SizingRule> others) {
        SizingRuleValidator v = new SizingRuleValidator();
        v.name(rule, others);
        if (rule.description() != null && rule.description().length() > MAX_DESCRIPTION_LENGTH) {
            v.add("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters, got "
                    + rule.description().length());
        }
        v.parameters(rule.parameters());
        v.constraints(rule.constraints());
        return List.copyOf(v.errors);
    }

    private void name(SizingRule rule, Collection<SizingRule> others) {
        String name = rule.ruleName() == null ? "" : rule.ruleName().strip();
        if (name.isEmpty()) {
            add("rule_name", "is required");
            return;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            add("rule_name", "must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
            return;
        }
        String unsafe = InputLimits.checkName(name);
        if (unsafe != null) {
            add("rule_name", unsafe);
            return;
        }
        for (SizingRule other : others) {
            boolean itself = rule.ruleId() != null && rule.ruleId().equals(other.ruleId());
            if (!itself && other.ruleName() != null && other.ruleName().strip().equalsIgnoreCase(name)) {
                add("rule_name", ValidationException.quote(name) + " is already the name of another rule");
                return;
            }
        }
    }

    private void parameters(SizingParameters p) {
        if (p == null || p.sizingMethod() == null) {
            add(P + "sizing_method", "is required");
        }
        if (p == null) {
            return;
        }
        fraction(P + "confidence_level", p.confidenceLevel(), SizingRanges.CONFIDENCE);
        whole(P + "lookback_period", p.lookbackPeriod(), SizingRanges.LOOKBACK_MIN, SizingRanges.LOOKBACK_MAX,
                "trading days");
        fraction(P + "max_position_size", p.maxPositionSize(), SizingRanges.MAX_POSITION);
        Double max = p.maxPositionSize();
        double maxPosition = max != null && SizingRanges.MAX_POSITION.contains(max) ? max : SizingRanges.MAX_POSITION.hi();
        Double min = p.minPositionSize();
        if (min != null && min > maxPosition && SizingRanges.MIN_POSITION.contains(min)) {
            add(P + "min_position_size", "must not exceed max_position_size (" + number(maxPosition) + " = "
                    + percent(maxPosition) + "), got " + number(min) + " (" + percent(min) + ")");
        } else {
            fraction(P + "min_position_size", min, SizingRanges.MIN_POSITION);
        }
        fraction(P + "volatility_target", p.volatilityTarget(), SizingRanges.VOLATILITY_TARGET);
        fraction(P + "fixed_percentage", p.fixedPercentage(), SizingRanges.FIXED_PERCENTAGE);
        fraction(P + "risk_per_trade", p.riskPerTrade(), SizingRanges.RISK_PER_TRADE);
        multiple(P + "kelly_multiplier", p.kellyMultiplier(), SizingRanges.KELLY_MULTIPLIER);
        fraction(P + "max_kelly_fraction", p.maxKellyFraction(), SizingRanges.MAX_KELLY_FRACTION);
        multiple(P + "optimal_f_fraction", p.optimalFFraction(), SizingRanges.OPTIMAL_F_FRACTION);
        whole(P + "horizon_days", p.horizonDays(), SizingRanges.HORIZON_MIN, SizingRanges.HORIZON_MAX, "days");
        whole(P + "monte_carlo_scenarios", p.monteCarloScenarios(), SizingRanges.SCENARIOS_MIN,
                SizingRanges.SCENARIOS_MAX, "scenarios");
        if (p.tradeReturns() != null) {
            for (int i = 0; i < p.tradeReturns().length; i++) {
                if (!Double.isFinite(p.tradeReturns()[i])) {
                    add(P + "trade_returns[" + i + "]", "must be a finite number, got " + p.tradeReturns()[i]);
                    break;
                }
            }
        }
    }

    private void constraints(RiskConstraints c) {
        if (c == null) {
            return;
        }
        fraction(C + "max_portfolio_risk", c.maxPortfolioRisk(), c.riskLimitMeasure() == RiskLimitMeasure.VAR
                ? SizingRanges.MAX_PORTFOLIO_VAR : SizingRanges.MAX_PORTFOLIO_VOLATILITY);
        fraction(C + "max_instrument_weight", c.maxInstrumentWeight(), SizingRanges.MAX_INSTRUMENT_WEIGHT);
        fraction(C + "max_sector_weight", c.maxSectorWeight(), SizingRanges.MAX_SECTOR_WEIGHT);
        multiple(C + "correlation_limit", c.correlationLimit(), SizingRanges.CORRELATION_LIMIT);
        multiple(C + "leverage_limit", c.leverageLimit(), SizingRanges.LEVERAGE);
    }

    /** A fraction of equity in {@code allowed}; the message gives the bounds also in percent. */
    private void fraction(String field, Double v, Range allowed) {
        if (v == null || !finite(field, v)) {
            return;
        }
        if (!allowed.contains(v)) {
            add(field, "must be in " + allowed.interval(SizingRuleValidator::number) + ", that is "
                    + allowed.words(SizingRuleValidator::percent) + "; got " + number(v) + " (" + percent(v) + ")");
        }
    }

    /** A multiplier or a correlation in {@code allowed}. */
    private void multiple(String field, Double v, Range allowed) {
        if (v == null || !finite(field, v)) {
            return;
        }
        if (!allowed.contains(v)) {
            add(field, "must be in " + allowed.interval(SizingRuleValidator::number) + ", got " + number(v));
        }
    }

    private void whole(String field, Integer v, int lo, int hi, String unit) {
        if (v != null && (v < lo || v > hi)) {
            add(field, "must be from " + lo + " to " + hi + " " + unit + ", got " + v);
        }
    }

    private boolean finite(String field, double v) {
        if (!Double.isFinite(v)) {
            add(field, "must be a finite number, got " + v);
            return false;
        }
        return true;
    }

    private void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** {@code 3} rather than {@code 3.0}, and no exponent. */
    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A fraction in percent, exact in decimal ({@code 0.07 -> "7%"}). */
    static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
