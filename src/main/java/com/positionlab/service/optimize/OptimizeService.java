package com.positionlab.service.optimize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.positionlab.engine.optimize.downside.DownsideResult;
import com.positionlab.engine.optimize.hrp.HierarchicalRiskParity;
import com.positionlab.engine.optimize.hrp.Linkage;
import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.ucits.UcitsRule;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest.ObjectiveSpec;
import com.positionlab.service.optimize.OptimizeResponse.BlackLittermanOut;
import com.positionlab.service.optimize.OptimizeResponse.Performance;

/**
 * Answers an {@link OptimizeRequest}: estimates (replaced by the Black-Litterman posterior when the request
 * has views), the problem its constraints define, the objective (under the UCITS rule with
 * {@code constraints.ucits}, see {@link UcitsObjective}), and the portfolio's performance, risk
 * contributions, solver report and binding constraints. Bad requests and problems without an answer
 * (infeasible constraints, a target out of reach, no convergence) are {@link ValidationException}s naming the
 * field concerned; a run that did not converge is never a result.
 */
public final class OptimizeService {

    public static final List<String> METHODS = List.of("min_volatility", "max_sharpe", "efficient_risk",
            "efficient_return", "max_quadratic_utility", "hrp", "black_litterman", "risk_parity",
            "max_diversification", "robust", "min_semivariance", "min_cvar", "min_cdar");

    public OptimizeResponse optimize(OptimizeRequest request) {
        return optimize(request, PriceSource.NONE);
    }

    /** The optimisation, a {@code universe} priced by {@code source} (a workspace's prices). */
    public OptimizeResponse optimize(OptimizeRequest request, PriceSource source) {
        ObjectiveSpec o = request.objective();
        if (o == null || o.method() == null) {
            throw new ValidationException("objective.method", "is required: one of " + String.join(", ", METHODS));
        }
        String method = o.method().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new ValidationException("objective.method", ValidationException.quote(o.method())
                    + " is not one of " + String.join(", ", METHODS));
        }
        DownsideObjective.Measure measure = DownsideObjective.measure(method, o);
        UcitsRule ucits = UcitsObjective.rule(request.constraints());
        if (ucits != null) {
            UcitsObjective.check(method, measure);
        }
        long start = System.nanoTime();
        Prepared prepared = prepare(request, Boolean.TRUE.equals(o.marketNeutral()), source);
        Estimates e = prepared.estimates();
        BlackLittermanInputs bl = prepared.blackLitterman();
        PortfolioProblem p = prepared.problem();
        if (measure != null) {
            DownsideResult r = DownsideObjective.solve(method, measure, request, e, p);
            Allocation a = new Allocation(r.weights(), r.solver(), r.iterations());
            return response(method, request, p, a, true, bl, (System.nanoTime() - start) / 1e6, r, null);
        }
        Allocation a = switch (method) {
            case "hrp" -> hrp(o, e);
            case "black_litterman" -> blackLitterman(bl, request);
            case "risk_parity", "max_diversification" -> RiskBased.solve(method, o, e, request.constraints());
            case "robust" -> RobustObjective.solve(o, e, p, Estimates.frequency(request.expectedReturns() == null
                    ? null : request.expectedReturns().frequency(), "expected_returns.frequency"));
            default -> ucits == null ? solve(method, o, p, choice(request.solver()))
                    : UcitsObjective.solve(method, o, p, ucits, choice(request.solver()));
        };
        boolean constrained = !List.of("hrp", "black_litterman", "risk_parity", "max_diversification")
                .contains(method);
        return response(method, request, p, a, constrained, bl, (System.nanoTime() - start) / 1e6, null, ucits);
    }

    /** The estimates (the Black-Litterman posterior when there are views) and the problem they define. */
    record Prepared(Estimates estimates, BlackLittermanInputs blackLitterman, PortfolioProblem problem) {
    }

    static Prepared prepare(OptimizeRequest request, boolean marketNeutral, PriceSource source) {
        if (request.points() != null || request.paretoLevels() != null) {
            throw new ValidationException(request.points() != null ? "points" : "pareto_levels",
                    "belongs to a frontier request, not an optimisation");
        }
        return prepareAny(request, marketNeutral, source);
    }

    static Prepared prepareAny(OptimizeRequest request, boolean marketNeutral, PriceSource source) {
        Estimates e = Estimates.of(request, source);
        BlackLittermanInputs bl = null;
        if (request.blackLitterman() != null) {
            bl = BlackLittermanInputs.of(request.blackLitterman(), request, e);
            e = e.withMoments(bl.posterior().returns(), bl.posterior().cov());
        }
        return new Prepared(e, bl, ProblemBuilder.build(e, request.constraints(), marketNeutral));
    }

    private static Allocation hrp(ObjectiveSpec o, Estimates e) {
        Linkage linkage = linkage(o.linkage());
        double[] w;
        if (e.returns() != null) {
            w = HierarchicalRiskParity.fromReturns(e.returns(), linkage).weights();
        } else {
            int n = e.cov().length;
            double[][] corr = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    corr[i][j] = e.cov()[i][j] / Math.sqrt(e.cov()[i][i] * e.cov()[j][j]);
                }
            }
            w = HierarchicalRiskParity.weights(e.cov(), corr, linkage).weights();
        }
        return new Allocation(w, "hierarchical risk parity (" + linkage.name().toLowerCase(Locale.ROOT)
                + " linkage)", e.tickers().size() - 1);
    }

    private static Linkage linkage(String text) {
        if (text == null) {
            return Linkage.SINGLE;
        }
        for (Linkage l : Linkage.values()) {
            if (l.name().equalsIgnoreCase(text)) {
                return l;
            }
        }
        throw new ValidationException("objective.linkage", ValidationException.quote(text)
                + " is not one of single, complete, average, ward");
    }

    private static Allocation blackLitterman(BlackLittermanInputs bl, OptimizeRequest request) {
        if (bl == null) {
            throw new ValidationException("black_litterman", "is required for the black_litterman objective");
        }
        if (request.constraints() != null) {
            throw new ValidationException("constraints", "the black_litterman objective is the unconstrained "
                    + "closed form; optimise the posterior with another objective to apply constraints");
        }
        return new Allocation(bl.model().weights(), "closed form (prior covariance)", 1);
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
            throw new NoSolutionException("objective", ex.getMessage());
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
                                             Allocation a, boolean constrained, BlackLittermanInputs bl,
                                             double millis, DownsideResult downside, UcitsRule ucits) {
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
        Performance perf = performance(ret, vol, rf, downside);
        OptimizeResponse.Solver solver = new OptimizeResponse.Solver(a.solver(), a.iterations(), "optimal",
                millis);
        return new OptimizeResponse(method, weights, perf, contributions, solver,
                constrained ? Bindings.of(p, w, ucits) : List.of(), blackLitterman(bl, p.names()), request);
    }

    /** Return, volatility and Sharpe ratio, and the downside objective's own measure (the Sortino ratio too). */
    private static Performance performance(double ret, double vol, double rf, DownsideResult d) {
        double sharpe = vol > 0 ? (ret - rf) / vol : 0;
        if (d == null) {
            return new Performance(ret, vol, sharpe, null, null, null, null);
        }
        return switch (d.measure()) {
            case SEMIDEVIATION -> new Performance(ret, vol, sharpe, d.risk(),
                    d.risk() > 0 ? (ret - rf) / d.risk() : 0, null, null);
            case CVAR -> new Performance(ret, vol, sharpe, null, null, d.risk(), null);
            case CDAR -> new Performance(ret, vol, sharpe, null, null, null, d.risk());
        };
    }

    private static BlackLittermanOut blackLitterman(BlackLittermanInputs bl, List<String> names) {
        if (bl == null) {
            return null;
        }
        Map<String, Double> prior = new LinkedHashMap<>();
        Map<String, Double> posterior = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            prior.put(names.get(i), bl.prior() == null ? 0.0 : bl.prior()[i]);
            posterior.put(names.get(i), bl.posterior().returns()[i]);
        }
        return new BlackLittermanOut(Double.isNaN(bl.riskAversion()) ? null : bl.riskAversion(), prior, posterior);
    }

    static MeanVariance.Choice choice(String solver) {
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
