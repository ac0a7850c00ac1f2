package com.positionlab.service;

import java.util.Map;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;

/**
 * The names a trader reads for the contract's identifiers: methods, risk models and limits. Views show these
 * and put the contract's own name (what the API and the CLI say) in a tooltip; reports show them and give the
 * contract's name beside them.
 */
public final class Names {

    private static final Map<String, String> LIMITS = Map.ofEntries(
            Map.entry("max_position_size", "Max position"),
            Map.entry("min_position_size", "Min position"),
            Map.entry("max_instrument_weight", "Max instrument weight"),
            Map.entry("max_sector_weight", "Max sector weight"),
            Map.entry("correlation_limit", "Correlation limit"),
            Map.entry("leverage_limit", "Leverage limit"),
            Map.entry("max_portfolio_risk", "Max portfolio risk"),
            Map.entry("risk_budget.total", "Portfolio risk budget"),
            Map.entry("risk_budget.sector", "Sector risk budget"),
            Map.entry("risk_budget.strategy", "Strategy risk budget"),
            Map.entry("volatility_adjustment", "Volatility (ATR) cut"),
            Map.entry("max_kelly_fraction", "Max Kelly fraction"),
            Map.entry("non_negative_edge", "No edge"),
            Map.entry("exchange_minimum", "Exchange minimum"));

    private Names() {
    }

    /** A method's name ("Kelly", "Fixed %"); "(none)" for none. */
    public static String method(SizingMethod m) {
        if (m == null) {
            return "(none)";
        }
        return switch (m) {
            case KELLY_CRITERION -> "Kelly";
            case FIXED_PERCENTAGE -> "Fixed %";
            case VOLATILITY_ADJUSTED -> "Vol target";
            case RISK_PARITY -> "Risk parity";
            case EQUAL_WEIGHT -> "Equal weight";
            case FIXED_RISK -> "Fixed risk";
            case OPTIMAL_F -> "Optimal f";
        };
    }

    /** A method named by the contract ({@code "KELLY_CRITERION"}); an unknown name as it is. */
    public static String method(String contractName) {
        for (SizingMethod m : SizingMethod.values()) {
            if (m.name().equals(contractName)) {
                return method(m);
            }
        }
        return contractName;
    }

    /** A conviction's name ("Medium"); empty for none. */
    public static String conviction(com.positionlab.engine.kelly.Conviction c) {
        return c == null ? "" : c.name().charAt(0) + c.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** A risk model's name ("Historical VaR"); empty for none. */
    public static String riskModel(RiskModel m) {
        if (m == null) {
            return "";
        }
        return switch (m) {
            case HISTORICAL_VAR -> "Historical VaR";
            case PARAMETRIC -> "Parametric (normal)";
            case MONTE_CARLO -> "Monte Carlo";
            case GARCH -> "GARCH(1,1)";
        };
    }

    /** A risk model named by the contract ({@code "HISTORICAL_VAR"}); an unknown name as it is. */
    public static String riskModel(String contractName) {
        for (RiskModel m : RiskModel.values()) {
            if (m.name().equals(contractName)) {
                return riskModel(m);
            }
        }
        return contractName;
    }

    /** A limit named by the sizing service ({@code max_position_size -> "Max position"}). */
    public static String limit(String contractName) {
        String known = LIMITS.get(contractName);
        if (known != null) {
            return known;
        }
        String words = contractName.replace('_', ' ').replace('.', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
