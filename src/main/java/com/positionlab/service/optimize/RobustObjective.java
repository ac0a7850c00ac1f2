package com.positionlab.service.optimize;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.meanvariance.Robust;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.service.ValidationException;

/**
 * The {@code robust} objective: {@code uncertainty_set} {@code box} (default), {@code ellipsoid} or
 * {@code resampled}. Box and ellipsoid maximise the worst-case {@code mu.w - risk_aversion/2 w'Sigma w};
 * the box's half-widths are {@code uncertainty} (one number, or by ticker), by default {@code kappa} (1)
 * standard errors of each mean, {@code sigma_i / sqrt(years of returns)} (years at the request's
 * {@code expected_returns.frequency}, 252); the ellipsoid's size is
 * {@code kappa}. {@code resampled} averages the maximum-Sharpe weights of {@code samples} (100) frontiers of
 * simulated returns ({@code seed} 42) at {@code risk_free_rate} (0.02).
 */
final class RobustObjective {

    private RobustObjective() {
    }

    static Allocation solve(OptimizeRequest.ObjectiveSpec o, Estimates e, PortfolioProblem p, int frequency) {
        String set = o.uncertaintySet() == null ? "box" : o.uncertaintySet().toLowerCase(Locale.ROOT);
        double kappa = OptimizeService.number(o.kappa(), 1, "objective.kappa", 100);
        double delta = OptimizeService.number(o.riskAversion(), 1, "objective.risk_aversion", 1e6);
        try {
            return switch (set) {
                case "box" -> Robust.box(p, delta, halfWidths(o, e, kappa, frequency));
                case "ellipsoid" -> Robust.ellipsoid(p, delta, kappa, years(e, frequency,
                        "objective.uncertainty_set"));
                case "resampled" -> resampled(o, e, p, frequency);
                default -> throw new ValidationException("objective.uncertainty_set", ValidationException.quote(
                        o.uncertaintySet()) + " is not one of box, ellipsoid, resampled");
            };
        } catch (OptimizationException ex) {
            throw new NoSolutionException("objective", ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw new ValidationException("objective", ex.getMessage());
        }
    }

    private static Allocation resampled(OptimizeRequest.ObjectiveSpec o, Estimates e, PortfolioProblem p,
                                        int frequency) {
        if (!p.plain()) {
            throw new ValidationException("constraints", "resampling takes weight bounds only");
        }
        int samples = o.samples() == null ? 100 : o.samples();
        if (samples < 1 || samples > 10_000) {
            throw new ValidationException("objective.samples", "must be between 1 and 10000");
        }
        int periods = e.returns() == null ? 5 * frequency : Math.max(2, e.returns().complete().rows());
        double rf = OptimizeService.number(o.riskFreeRate(), 0.02, "objective.risk_free_rate", 1);
        return Robust.resampledMaxSharpe(p, rf, samples, Math.min(periods, 20_000), frequency,
                o.seed() == null ? 42 : o.seed());
    }

    private static double[] halfWidths(OptimizeRequest.ObjectiveSpec o, Estimates e, double kappa,
                                       int frequency) {
        int n = e.tickers().size();
        double[] d = new double[n];
        JsonNode u = o.uncertainty();
        if (u == null || u.isNull()) {
            double years = years(e, frequency, "objective.uncertainty");
            for (int i = 0; i < n; i++) {
                d[i] = kappa * Math.sqrt(e.cov()[i][i]) / Math.sqrt(years);
            }
        } else if (u.isNumber()) {
            java.util.Arrays.fill(d, check(u.asDouble(), "objective.uncertainty"));
        } else if (u.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = u.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                int i = e.tickers().indexOf(entry.getKey());
                if (i < 0) {
                    throw new ValidationException("objective.uncertainty." + ValidationException.clip(entry.getKey()),
                            "is not one of the tickers");
                }
                d[i] = check(entry.getValue().isNumber() ? entry.getValue().asDouble() : Double.NaN,
                        "objective.uncertainty." + entry.getKey());
            }
        } else {
            throw new ValidationException("objective.uncertainty", "must be a number or half-widths by ticker");
        }
        return d;
    }

    private static double years(Estimates e, int frequency, String field) {
        if (e.returns() == null || e.returns().rows() < 2) {
            throw new ValidationException(field, "give uncertainty explicitly: there are no returns to measure the "
                    + "estimation error on");
        }
        return e.returns().rows() / (double) frequency;
    }

    private static double check(double v, String field) {
        if (!(v >= 0) || v > 10) {
            throw new ValidationException(field, "must be between 0 and 10 (an annual return)");
        }
        return v;
    }
}
