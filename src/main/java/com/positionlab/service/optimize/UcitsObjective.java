package com.positionlab.service.optimize;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.ucits.Ucits;
import com.positionlab.engine.optimize.ucits.UcitsRule;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest.ObjectiveSpec;

/**
 * A request's {@code constraints.ucits}: {@code true} for the UCITS 5/10/40 rule (every weight at most 10%,
 * the weights above 5% adding up to at most 40%), or {@code {"threshold": 0.05, "issuer_limit": 0.10,
 * "concentration_limit": 0.40}} (fractions; a missing one takes the directive's value). The rule applies to
 * the mean-variance objectives, each answered exactly by {@link Ucits}; any other objective is refused naming
 * the field.
 */
final class UcitsObjective {

    static final String FIELD = "constraints.ucits";
    static final List<String> METHODS = List.of("min_volatility", "max_sharpe", "efficient_risk", "efficient_return",
            "max_quadratic_utility");
    private static final Set<String> KEYS = Set.of("threshold", "issuer_limit", "concentration_limit");

    private UcitsObjective() {
    }

    /** The rule the request asks for; null without {@code constraints.ucits} (or with {@code false}). */
    static UcitsRule rule(OptimizeRequest.ConstraintsSpec constraints) {
        JsonNode node = constraints == null ? null : constraints.ucits();
        if (node == null || node.isNull() || node.isBoolean() && !node.booleanValue()) {
            return null;
        }
        if (node.isBoolean()) {
            return UcitsRule.STANDARD;
        }
        if (!node.isObject()) {
            throw new ValidationException(FIELD, "must be true (the 5/10/40 rule) or {\"threshold\": 0.05, "
                    + "\"issuer_limit\": 0.10, \"concentration_limit\": 0.40}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ValidationException(FIELD + "." + ValidationException.clip(key),
                        "is not one of threshold, issuer_limit, concentration_limit");
            }
        }
        UcitsRule standard = UcitsRule.STANDARD;
        double t = number(node, "threshold", standard.threshold());
        double u = number(node, "issuer_limit", standard.issuerLimit());
        double c = number(node, "concentration_limit", standard.concentrationLimit());
        if (!(t > 0 && t < u)) {
            throw new ValidationException(FIELD + ".threshold", "must be above 0 and below issuer_limit (" + u + ")");
        }
        if (u > c) {
            throw new ValidationException(FIELD + ".issuer_limit", "must not be above concentration_limit (" + c
                    + ")");
        }
        if (c > 1) {
            throw new ValidationException(FIELD + ".concentration_limit", "must be at most 1");
        }
        return new UcitsRule(t, u, c);
    }

    /** Refuses an objective the rule does not apply to. */
    static void check(String method, DownsideObjective.Measure measure) {
        if (measure != null || !METHODS.contains(method)) {
            throw new ValidationException(FIELD, "applies to " + String.join(", ", METHODS) + " (mean-variance); "
                    + (measure != null ? "the downside objectives" : method) + " cannot take it");
        }
    }

    /**
     * The objective's exact optimum under the rule. No portfolio, or a target out of reach under the rule, is a
     * {@link NoSolutionException} or a {@link ValidationException} naming the field concerned.
     */
    static Allocation solve(String method, ObjectiveSpec o, PortfolioProblem p, UcitsRule rule,
                            MeanVariance.Choice choice) {
        try {
            Ucits u = new Ucits(p, rule, choice);
            return switch (method) {
                case "min_volatility" -> u.minVolatility();
                case "max_sharpe" -> u.maxSharpe(OptimizeService.number(o.riskFreeRate(), 0.02,
                        "objective.risk_free_rate", 1));
                case "efficient_risk" -> u.efficientRisk(OptimizeService.required(o.targetVolatility(),
                        "objective.target_volatility"));
                case "efficient_return" -> u.efficientReturn(OptimizeService.required(o.targetReturn(),
                        "objective.target_return"));
                default -> u.maxQuadraticUtility(OptimizeService.number(o.riskAversion(), 1, "objective.risk_aversion",
                        1e6));
            };
        } catch (OptimizationException ex) {
            throw new NoSolutionException(ex.getMessage().contains("UCITS") ? FIELD : "objective", ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw invalid(ex.getMessage());
        }
    }

    /** The field an engine message names by its first word, with the reason after its colon. */
    private static ValidationException invalid(String message) {
        int colon = message.indexOf(": ");
        String head = colon > 0 ? message.substring(0, colon) : "";
        return switch (head) {
            case "weight_bounds" -> new ValidationException("constraints.weight_bounds", message.substring(colon + 2));
            case "market_neutral" -> new ValidationException("objective.market_neutral", message.substring(colon + 2));
            case "solver" -> new ValidationException("solver", message.substring(colon + 2));
            default -> new ValidationException(message.startsWith("target_") || message.startsWith("risk_aversion")
                    ? "objective." + message.substring(0, message.indexOf(' ')) : "objective", message);
        };
    }

    private static double number(JsonNode node, String key, double fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ValidationException(FIELD + "." + key, "must be a number (a fraction, 0.05 for 5%)");
        }
        return v.asDouble();
    }
}
