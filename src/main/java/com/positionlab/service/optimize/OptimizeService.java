package com.positionlab.service.optimize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest.ObjectiveSpec;
import com.positionlab.service.optimize.OptimizeResponse.Performance;

/**
 * Answers an {@link OptimizeRequest}: estimates, the problem its constraints define, the objective, and the
 * portfolio's performance, risk contributions, solver report and binding constraints. Bad requests and
 * problems without an answer (infeasible constraints, a target out of reach, no convergence) are
 * {@link ValidationException}s naming the field concerned; a run that did not converge is never a result.
 */
public final class OptimizeService {

    static final List<String> METHODS = List.of("min_volatility", "max_sharpe", "efficient_risk",
            "efficient_return", "max_quadratic_utility");

    public OptimizeResponse optimize(OptimizeRequest request) {
        ObjectiveSpec o = request.objective();
        if (o == null || o.method() == null) {
            throw new ValidationException("objective.method", "is required: one of " + String.join(", ", METHODS));
        }
        String method = o.method().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new ValidationException("objective.method", ValidationException.quote(o.method())
                    + " is not one of " + String.join(", ", METHODS));
        }
        if (request.blackLitterman() != null) {
            throw new ValidationException("black_litterman", "is not available yet");
        }
        Estimates e = Estimates.of(request);
        boolean neutral = Boolean.TRUE.equals(o.marketNeutral());
        PortfolioProblem p = ProblemBuilder.build(e, request.constraints(), neutral);
        Allocation a = solve(method, o, p, choice(request.solver()));
        return response(method, request, p, a);
    }

    private static Allocation solve(String method, ObjectiveSpec o, PortfolioProblem p, MeanVariance.Choice choice) {
        try {
            MeanVariance mv = new MeanVariance(p, choice);
            return switch (method) {
                case "min_volatility" -> mv.minVolatility();
                case "max_sharpe" -> mv.maxSharpe(number(o.riskFreeRate(), 0.02, "objective.risk_free_rate", 1));
                case "efficient_risk" -> mv.efficientRisk(required(o.targetVolatility(), "objective.target_volatility"));
                case "efficient_return" -> mv.efficientReturn(required(o.targetReturn(), "objective.target_return"));
                default -> mv.maxQuadraticUtility(number(o.riskAversion(), 1, "objective.risk_aversion", 1e6));
            };
        } catch (OptimizationException ex) {
            throw new ValidationException("objective", ex.getMessage());
        } catch (IllegalArgumentException ex) {
            String message = ex.getMessage();
            int colon = message.indexOf(": ");
            String field = message.startsWith("solver") ? "solver" : message.startsWith("target_") ? "objective."
                    + message.substring(0, message.indexOf(' ')) : "objective";
            throw new ValidationException(field, colon > 0 && field.equals("solver") ? message.substring(colon + 2)
                    : message);
        }
    }

    private static OptimizeResponse response(String method, OptimizeRequest request, PortfolioProblem p,
                                             Allocation a) {
        double[] w = a.weights();
        double ret = p.expectedReturn(w);
        double var = p.variance(w);
        double vol = Math.sqrt(var);
        double rf = number(request.performanceRiskFreeRate(), 0.02, "performance_risk_free_rate", 1);
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (int i = 0; i < p.n(); i++) {
            weights.put(p.names().get(i), w[i] == 0 ? 0.0 : w[i]);
            double row = 0;
            for (int j = 0; j < p.n(); j++) {
                row += p.cov()[i][j] * w[j];
            }
            contributions.put(p.names().get(i), var > 0 ? w[i] * row / var : 0.0);
        }
        Performance perf = new Performance(ret, vol, vol > 0 ? (ret - rf) / vol : 0, null, null, null, null);
        OptimizeResponse.Solver solver = new OptimizeResponse.Solver(a.solver(), a.iterations(), "optimal",
                a.nanos() / 1e6);
        return new OptimizeResponse(method, weights, perf, contributions, solver, Bindings.of(p, w), request);
    }

    private static MeanVariance.Choice choice(String solver) {
        if (solver == null || solver.equals("auto")) {
            return MeanVariance.Choice.AUTO;
        }
        return switch (solver) {
            case "cla" -> MeanVariance.Choice.CLA;
            case "qp" -> MeanVariance.Choice.QP;
            default -> throw new ValidationException("solver", ValidationException.quote(solver)
                    + " is not one of auto, cla, qp");
        };
    }

    static double required(Double v, String field) {
        if (v == null) {
            throw new ValidationException(field, "is required for this objective");
        }
        return number(v, 0, field, 100);
    }

    static double number(Double v, double fallback, String field, double max) {
        if (v == null) {
            return fallback;
        }
        if (!Double.isFinite(v) || Math.abs(v) > max) {
            throw new ValidationException(field, "must be a number between -" + max + " and " + max);
        }
        return v;
    }
}
