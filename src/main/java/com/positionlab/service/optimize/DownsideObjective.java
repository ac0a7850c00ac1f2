package com.positionlab.service.optimize;

import java.util.Locale;

import com.positionlab.engine.estimate.ReturnTable;
import com.positionlab.engine.optimize.downside.Budget;
import com.positionlab.engine.optimize.downside.DownsideProblem;
import com.positionlab.engine.optimize.downside.DownsideResult;
import com.positionlab.engine.optimize.downside.EfficientCdar;
import com.positionlab.engine.optimize.downside.EfficientCvar;
import com.positionlab.engine.optimize.downside.EfficientSemivariance;
import com.positionlab.engine.optimize.downside.WeightConstraint;
import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest.ObjectiveSpec;

/**
 * The downside objectives, as PyPortfolioOpt's EfficientSemivariance, EfficientCVaR and EfficientCDaR:
 * {@code min_semivariance}, {@code min_cvar}, {@code min_cdar}, and {@code efficient_return},
 * {@code efficient_risk} (and, for the semivariance, {@code max_quadratic_utility}) with {@code risk_measure}
 * {@code semivariance}, {@code cvar} or {@code cdar}.
 *
 * <p>The scenarios are the simple returns of the request's price rows, keeping only the periods in which every
 * ticker has a return (upstream's {@code returns.dropna()}). The semideviation is below
 * {@code risk_model.benchmark} (0, a periodic return) and annualised at {@code risk_model.frequency} (else
 * {@code expected_returns.frequency}, 252); CVaR and CDaR are at confidence {@code objective.beta} (0.95) and
 * are periodic, not annualised. Targets: {@code target_return}, {@code target_semideviation} (annualised),
 * {@code target_cvar}, {@code target_cdar}. Weight bounds, market neutrality, sector and other linear rows and
 * L2 apply; turnover, transaction costs and leverage limits are refused with the field named.
 */
final class DownsideObjective {

    /** Which downside measure a request asks for, by its {@code risk_measure} name. */
    enum Measure {
        SEMIVARIANCE("semivariance", "target_semideviation"),
        CVAR("cvar", "target_cvar"),
        CDAR("cdar", "target_cdar");

        final String text;
        final String target;

        Measure(String text, String target) {
            this.text = text;
            this.target = target;
        }
    }

    private DownsideObjective() {
    }

    /**
     * The downside measure the method and {@code risk_measure} ask for, or null for a mean-variance run.
     *
     * @throws ValidationException naming {@code objective.risk_measure} when it is unknown or does not fit
     */
    static Measure measure(String method, ObjectiveSpec o) {
        Measure byMethod = switch (method) {
            case "min_semivariance" -> Measure.SEMIVARIANCE;
            case "min_cvar" -> Measure.CVAR;
            case "min_cdar" -> Measure.CDAR;
            default -> null;
        };
        String text = o.riskMeasure() == null ? null : o.riskMeasure().toLowerCase(Locale.ROOT);
        if (text == null || text.equals("variance")) {
            if (text != null && byMethod != null) {
                throw new ValidationException("objective.risk_measure", "is variance, but " + method
                        + " minimises the " + byMethod.text);
            }
            return byMethod;
        }
        Measure asked = null;
        for (Measure m : Measure.values()) {
            if (m.text.equals(text)) {
                asked = m;
            }
        }
        if (asked == null) {
            throw new ValidationException("objective.risk_measure", ValidationException.quote(o.riskMeasure())
                    + " is not one of variance, semivariance, cvar, cdar");
        }
        if (byMethod != null && byMethod != asked) {
            throw new ValidationException("objective.risk_measure", "is " + asked.text + ", but " + method
                    + " minimises the " + byMethod.text);
        }
        boolean fits = byMethod != null || method.equals("efficient_return") || method.equals("efficient_risk")
                || (method.equals("max_quadratic_utility") && asked == Measure.SEMIVARIANCE);
        if (!fits) {
            throw new ValidationException("objective.risk_measure", asked.text + " applies to efficient_return, "
                    + "efficient_risk" + (asked == Measure.SEMIVARIANCE ? ", max_quadratic_utility" : "")
                    + " and min_" + asked.text + ", not to " + method);
        }
        return asked;
    }

    /** Solves the downside objective on the request's return history and the problem's constraints. */
    static DownsideResult solve(String method, Measure measure, OptimizeRequest request, Estimates e,
                                PortfolioProblem p) {
        ObjectiveSpec o = request.objective();
        DownsideProblem dp = problem(e, p, measure);
        try {
            if (measure == Measure.SEMIVARIANCE) {
                EfficientSemivariance es = new EfficientSemivariance(dp, benchmark(request), frequency(request));
                return switch (method) {
                    case "efficient_return" -> es.efficientReturn(target(o.targetReturn(), "target_return"));
                    case "efficient_risk" -> es.efficientRisk(target(o.targetSemideviation(), measure.target));
                    case "max_quadratic_utility" -> es.maxQuadraticUtility(positive(o.riskAversion()));
                    default -> es.minSemivariance();
                };
            }
            double beta = beta(o.beta());
            if (measure == Measure.CVAR) {
                EfficientCvar ec = new EfficientCvar(dp, beta);
                return switch (method) {
                    case "efficient_return" -> ec.efficientReturn(target(o.targetReturn(), "target_return"));
                    case "efficient_risk" -> ec.efficientRisk(target(o.targetCvar(), measure.target));
                    default -> ec.minCvar();
                };
            }
            EfficientCdar ed = new EfficientCdar(dp, beta);
            return switch (method) {
                case "efficient_return" -> ed.efficientReturn(target(o.targetReturn(), "target_return"));
                case "efficient_risk" -> ed.efficientRisk(target(o.targetCdar(), measure.target));
                default -> ed.minCdar();
            };
        } catch (OptimizationException ex) {
            throw new NoSolutionException("objective", ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw new ValidationException("objective", ex.getMessage());
        }
    }

    /** The problem's bounds, budget, rows and L2 over the scenario returns; other terms are refused. */
    static DownsideProblem problem(Estimates e, PortfolioProblem p, Measure measure) {
        if (e.prices() == null) {
            throw new ValidationException("prices", "is required for the " + measure.text
                    + " objectives: they are measured on the return history");
        }
        refuse(p.costRate() > 0, "constraints.transaction_cost_bps");
        refuse(p.maxTurnover() < Double.POSITIVE_INFINITY, "constraints.max_turnover");
        refuse(p.maxLeverage() < Double.POSITIVE_INFINITY, "constraints.max_leverage");
        double[][] scenarios = ReturnTable.fromPrices(e.prices().prices(), false).complete().values();
        if (scenarios.length < 2) {
            throw new ValidationException("prices", "has fewer than 2 periods in which every ticker has a return");
        }
        DownsideProblem dp = DownsideProblem.of(scenarios, p.mu()).withAssetNames(p.names())
                .withBounds(p.lower(), p.upper()).withL2(p.l2Gamma())
                .withBudget(p.budget() == 0 ? Budget.MARKET_NEUTRAL : Budget.FULLY_INVESTED);
        for (LinearConstraint row : p.rows()) {
            if (row.lower() == row.upper()) {
                dp = dp.withConstraint(WeightConstraint.equal(row.name(), row.coefficients(), row.lower()));
                continue;
            }
            if (row.lower() > Double.NEGATIVE_INFINITY) {
                dp = dp.withConstraint(WeightConstraint.atLeast(row.name() + " minimum", row.coefficients(),
                        row.lower()));
            }
            if (row.upper() < Double.POSITIVE_INFINITY) {
                dp = dp.withConstraint(WeightConstraint.atMost(row.name() + " maximum", row.coefficients(),
                        row.upper()));
            }
        }
        return dp;
    }

    private static void refuse(boolean present, String field) {
        if (present) {
            throw new ValidationException(field, "is not supported with the semivariance, CVaR and CDaR "
                    + "objectives; remove it or use risk_measure variance");
        }
    }

    private static double benchmark(OptimizeRequest request) {
        Double b = request.riskModel() == null ? null : request.riskModel().benchmark();
        return OptimizeService.number(b, 0, "risk_model.benchmark", 1);
    }

    private static int frequency(OptimizeRequest request) {
        Integer f = request.riskModel() == null ? null : request.riskModel().frequency();
        if (f == null && request.expectedReturns() != null) {
            return Estimates.frequency(request.expectedReturns().frequency(), "expected_returns.frequency");
        }
        return Estimates.frequency(f, "risk_model.frequency");
    }

    private static double beta(Double beta) {
        if (beta == null) {
            return EfficientCvar.DEFAULT_BETA;
        }
        if (!(beta > 0 && beta < 1)) {
            throw new ValidationException("objective.beta", "must be a confidence strictly between 0 and 1");
        }
        return beta;
    }

    private static double target(Double v, String name) {
        return OptimizeService.required(v, "objective." + name);
    }

    private static double positive(Double riskAversion) {
        double d = OptimizeService.number(riskAversion, 1, "objective.risk_aversion", 1e6);
        if (!(d > 0)) {
            throw new ValidationException("objective.risk_aversion", "must be positive");
        }
        return d;
    }
}
