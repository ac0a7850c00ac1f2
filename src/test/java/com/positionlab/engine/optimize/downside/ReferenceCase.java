package com.positionlab.engine.optimize.downside;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reference case turned into an optimiser call: its problem (expected returns, scenarios, bounds, budget,
 * L2) and the call its {@code optimizer_call} and {@code optimizer_args} name. Targets given in words ("min_cvar
 * value + 0.01") are worked out as the upstream test does: our own minimum plus 0.01, except the
 * semivariance's, which the case notes fix at 0.094974.
 */
record ReferenceCase(JsonNode c, DownsideProblem problem) {

    /** The semivariance low-risk case's target: upstream's own minimum semideviation + 0.01 (see its notes). */
    static final double SEMIVARIANCE_LOW_RISK_TARGET = 0.094974;
    static final double RISK_FREE_RATE = 0.02;

    static ReferenceCase of(JsonNode c) throws IOException {
        JsonNode in = c.get("inputs");
        double[] mu = ReferenceCases.expectedReturns(in.get("expected_returns"));
        double[][] r = ReferenceCases.scenarioReturns(in.get("returns"));
        JsonNode b = in.get("weight_bounds");
        double lo = b.get(0).isNull() ? -1 : b.get(0).asDouble();
        double hi = b.get(1).isNull() ? 1 : b.get(1).asDouble();
        DownsideProblem p = DownsideProblem.of(r, mu).withBounds(lo, hi);
        if (in.get("optimizer_args").path("market_neutral").asBoolean(false)) {
            p = p.withBudget(Budget.MARKET_NEUTRAL);
        }
        for (JsonNode o : in.get("additional_objectives")) {
            if (!o.get("type").asText().equals("L2_reg")) {
                throw new IllegalArgumentException("unsupported objective " + o);
            }
            p = p.withL2(o.get("gamma").asDouble());
        }
        return new ReferenceCase(c, p);
    }

    private JsonNode inputs() {
        return c.get("inputs");
    }

    private String kind() {
        return inputs().get("class").asText();
    }

    DownsideResult solve() {
        JsonNode args = inputs().get("optimizer_args");
        String call = inputs().get("optimizer_call").asText();
        if (kind().equals("EfficientSemivariance")) {
            EfficientSemivariance es = new EfficientSemivariance(problem, inputs().get("benchmark").asDouble(),
                    inputs().get("frequency").asInt());
            return switch (call) {
                case "min_semivariance" -> es.minSemivariance();
                case "efficient_return" -> es.efficientReturn(args.get("target_return").asDouble());
                case "max_quadratic_utility" -> es.maxQuadraticUtility(args.get("risk_aversion").asDouble());
                case "efficient_risk" -> es.efficientRisk(args.get("target_semideviation").isNumber()
                        ? args.get("target_semideviation").asDouble() : SEMIVARIANCE_LOW_RISK_TARGET);
                default -> throw new IllegalArgumentException(call);
            };
        }
        double beta = inputs().get("beta").asDouble();
        boolean cvar = kind().equals("EfficientCVaR");
        EfficientCvar ec = cvar ? new EfficientCvar(problem, beta) : null;
        EfficientCdar ed = cvar ? null : new EfficientCdar(problem, beta);
        return switch (call) {
            case "min_cvar" -> ec.minCvar();
            case "min_cdar" -> ed.minCdar();
            case "efficient_return" -> cvar ? ec.efficientReturn(args.get("target_return").asDouble())
                    : ed.efficientReturn(args.get("target_return").asDouble());
            case "efficient_risk" -> {
                JsonNode t = args.get(cvar ? "target_cvar" : "target_cdar");
                double target = t.isNumber() ? t.asDouble() : minimumRisk() + 0.01;
                yield cvar ? ec.efficientRisk(target) : ed.efficientRisk(target);
            }
            default -> throw new IllegalArgumentException(call);
        };
    }

    /** Our own minimum of the case's measure, as the upstream test computes its target from its own. */
    double minimumRisk() {
        double beta = inputs().get("beta").asDouble();
        return kind().equals("EfficientCVaR") ? new EfficientCvar(problem, beta).minCvar().risk()
                : new EfficientCdar(problem, beta).minCdar().risk();
    }

    /** What upstream's portfolio_performance returns, by its names. */
    Map<String, Double> performance(DownsideResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("expected_return", r.expectedReturn());
        switch (r.measure()) {
            case SEMIDEVIATION -> {
                m.put("semideviation", r.risk());
                m.put("sortino_ratio", r.sortinoRatio(RISK_FREE_RATE));
            }
            case CVAR -> m.put("cvar", r.risk());
            case CDAR -> m.put("cdar", r.risk());
        }
        return m;
    }

    /** An expected number, or one given in words: a minimum plus 0.01. */
    double expectedValue(JsonNode e) {
        if (e.isNumber()) {
            return e.asDouble();
        }
        return kind().equals("EfficientSemivariance") ? SEMIVARIANCE_LOW_RISK_TARGET : minimumRisk() + 0.01;
    }
}
