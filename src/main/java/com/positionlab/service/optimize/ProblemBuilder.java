package com.positionlab.service.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest.ConstraintsSpec;

/**
 * Turns a request's {@code constraints} into the engine's {@link PortfolioProblem}: weight bounds (one pair,
 * null sides meaning -1 and 1 as in PyPortfolioOpt; or per ticker), sector minimums and maximums, named linear
 * rows, L2 regularisation, current weights with proportional costs (in basis points) and a turnover limit.
 * Every value is checked and a bad one names its field.
 */
final class ProblemBuilder {

    static final double MAX_BOUND = 100;

    private ProblemBuilder() {
    }

    static PortfolioProblem build(Estimates e, ConstraintsSpec c, boolean marketNeutral) {
        List<String> tickers = e.tickers();
        int n = tickers.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        bounds(c == null ? null : c.weightBounds(), tickers, lower, upper, marketNeutral ? 0 : 1);
        List<LinearConstraint> rows = new ArrayList<>();
        double l2 = 0;
        double[] previous = null;
        double cost = 0;
        double turnover = Double.POSITIVE_INFINITY;
        double leverage = Double.POSITIVE_INFINITY;
        if (c != null) {
            sectors(c, tickers, rows);
            linear(c, tickers, rows);
            factors(c, tickers, rows);
            if (c.minEsg() != null) {
                if (c.esgScores() == null) {
                    throw new ValidationException("constraints.esg_scores", "are needed for min_esg");
                }
                double[] a = weights(c.esgScores(), tickers, "constraints.esg_scores");
                rows.add(new LinearConstraint("ESG score", a, finite(c.minEsg(), "constraints.min_esg"),
                        Double.POSITIVE_INFINITY));
            }
            l2 = nonNegative(c.l2Gamma(), "constraints.l2_gamma", 1e6);
            if (c.currentWeights() != null) {
                previous = weights(c.currentWeights(), tickers, "constraints.current_weights");
            }
            cost = nonNegative(c.transactionCostBps(), "constraints.transaction_cost_bps", 10_000) / 10_000;
            if (c.maxTurnover() != null) {
                turnover = nonNegative(c.maxTurnover(), "constraints.max_turnover", 1000);
            }
            if (c.maxLeverage() != null) {
                leverage = c.maxLeverage();
                if (!(leverage >= 1) || leverage > MAX_BOUND) {
                    throw new ValidationException("constraints.max_leverage", "must be between 1 and " + MAX_BOUND
                            + " (the gross exposure, sum of |w|)");
                }
            }
            if (c.liquidity() != null) {
                Liquidity.apply(c.liquidity(), e, previous, lower, upper, marketNeutral ? 0 : 1);
            }
            if ((cost > 0 || c.maxTurnover() != null) && previous == null) {
                throw new ValidationException("constraints.current_weights", "are needed for transaction costs and "
                        + "max_turnover");
            }
        }
        try {
            return new PortfolioProblem(tickers, e.mu(), e.cov(), lower, upper, marketNeutral ? 0 : 1, rows, l2,
                    previous, cost, turnover, leverage, e.factors());
        } catch (IllegalArgumentException ex) {
            throw new ValidationException("constraints", ex.getMessage());
        }
    }

    private static void bounds(JsonNode node, List<String> tickers, double[] lower, double[] upper,
                               double budget) {
        Arrays.fill(lower, 0);
        Arrays.fill(upper, 1);
        if (node == null || node.isNull()) {
            return;
        }
        String field = "constraints.weight_bounds";
        if (node.isArray() && node.size() == 2 && !node.get(0).isArray()) {
            double[] pair = pair(node, field);
            Arrays.fill(lower, pair[0]);
            Arrays.fill(upper, pair[1]);
        } else if (node.isArray() && node.size() == tickers.size()) {
            for (int i = 0; i < tickers.size(); i++) {
                double[] pair = pair(node.get(i), field + "[" + i + "]");
                lower[i] = pair[0];
                upper[i] = pair[1];
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                int i = tickers.indexOf(entry.getKey());
                if (i < 0) {
                    throw new ValidationException(field + "." + ValidationException.clip(entry.getKey()),
                            "is not one of the tickers");
                }
                double[] pair = pair(entry.getValue(), field + "." + entry.getKey());
                lower[i] = pair[0];
                upper[i] = pair[1];
            }
        } else {
            throw new ValidationException(field, "must be [lower, upper], one such pair per ticker, or "
                    + "{\"TICKER\": [lower, upper]}");
        }
        double lo = Arrays.stream(lower).sum();
        double hi = Arrays.stream(upper).sum();
        if (lo > budget + 1e-12 || hi < budget - 1e-12) {
            throw new ValidationException(field, "exclude every portfolio whose weights sum to " + budget
                    + ": the lower bounds sum to " + lo
                    + " and the upper bounds to " + hi);
        }
    }

    private static double[] pair(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.size() != 2) {
            throw new ValidationException(field, "must be a pair [lower, upper]");
        }
        double lo = side(node.get(0), -1, field);
        double hi = side(node.get(1), 1, field);
        if (lo > hi) {
            throw new ValidationException(field, "lower " + lo + " is above upper " + hi);
        }
        return new double[] {lo, hi};
    }

    private static double side(JsonNode v, double ifNull, String field) {
        if (v == null || v.isNull()) {
            return ifNull;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > MAX_BOUND) {
            throw new ValidationException(field, "bounds must be numbers between -" + MAX_BOUND + " and " + MAX_BOUND);
        }
        return v.asDouble();
    }

    private static void sectors(ConstraintsSpec c, List<String> tickers, List<LinearConstraint> rows) {
        if (c.sectorLower() == null && c.sectorUpper() == null) {
            return;
        }
        if (c.sectorMapper() == null) {
            throw new ValidationException("constraints.sector_mapper", "is needed for sector limits");
        }
        TreeSet<String> sectors = new TreeSet<>();
        if (c.sectorLower() != null) {
            sectors.addAll(c.sectorLower().keySet());
        }
        if (c.sectorUpper() != null) {
            sectors.addAll(c.sectorUpper().keySet());
        }
        for (String sector : sectors) {
            double[] a = new double[tickers.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = sector.equals(c.sectorMapper().get(tickers.get(i))) ? 1 : 0;
            }
            double lo = limit(c.sectorLower(), sector, Double.NEGATIVE_INFINITY, "constraints.sector_lower.");
            double hi = limit(c.sectorUpper(), sector, Double.POSITIVE_INFINITY, "constraints.sector_upper.");
            if (lo > hi) {
                throw new ValidationException("constraints.sector_lower." + sector, "is above its sector_upper");
            }
            rows.add(new LinearConstraint("sector " + sector, a, lo, hi));
        }
    }

    private static double limit(Map<String, Double> m, String key, double none, String field) {
        Double v = m == null ? null : m.get(key);
        if (v == null) {
            return none;
        }
        if (!Double.isFinite(v) || Math.abs(v) > MAX_BOUND) {
            throw new ValidationException(field + ValidationException.clip(key), "must be a finite number");
        }
        return v;
    }

    private static void linear(ConstraintsSpec c, List<String> tickers, List<LinearConstraint> rows) {
        if (c.linear() == null) {
            return;
        }
        for (int k = 0; k < c.linear().size(); k++) {
            OptimizeRequest.LinearRow row = c.linear().get(k);
            String field = "constraints.linear[" + k + "]";
            if (row == null || row.weights() == null || row.weights().isEmpty()) {
                throw new ValidationException(field + ".weights", "is required");
            }
            double[] a = weights(row.weights(), tickers, field + ".weights");
            double lo = row.lower() == null ? Double.NEGATIVE_INFINITY : finite(row.lower(), field + ".lower");
            double hi = row.upper() == null ? Double.POSITIVE_INFINITY : finite(row.upper(), field + ".upper");
            if (lo > hi) {
                throw new ValidationException(field, "lower is above upper");
            }
            String name = row.name() == null ? "linear " + k : ValidationException.clip(row.name());
            rows.add(new LinearConstraint(name, a, lo, hi));
        }
    }

    private static void factors(ConstraintsSpec c, List<String> tickers, List<LinearConstraint> rows) {
        if (c.factorLower() == null && c.factorUpper() == null) {
            return;
        }
        if (c.factorBetas() == null) {
            throw new ValidationException("constraints.factor_betas", "are needed for factor limits");
        }
        TreeSet<String> factors = new TreeSet<>();
        if (c.factorLower() != null) {
            factors.addAll(c.factorLower().keySet());
        }
        if (c.factorUpper() != null) {
            factors.addAll(c.factorUpper().keySet());
        }
        for (String factor : factors) {
            Map<String, Double> betas = c.factorBetas().get(factor);
            String field = "constraints.factor_betas." + ValidationException.clip(factor);
            if (betas == null) {
                throw new ValidationException(field, "is needed for the limits on this factor");
            }
            double lo = limit(c.factorLower(), factor, Double.NEGATIVE_INFINITY, "constraints.factor_lower.");
            double hi = limit(c.factorUpper(), factor, Double.POSITIVE_INFINITY, "constraints.factor_upper.");
            if (lo > hi) {
                throw new ValidationException("constraints.factor_lower." + factor, "is above its factor_upper");
            }
            rows.add(new LinearConstraint("factor " + factor + " exposure", weights(betas, tickers, field), lo, hi));
        }
    }

    private static double[] weights(Map<String, Double> m, List<String> tickers, String field) {
        double[] a = new double[tickers.size()];
        for (Map.Entry<String, Double> entry : m.entrySet()) {
            int i = tickers.indexOf(entry.getKey());
            if (i < 0) {
                throw new ValidationException(field + "." + ValidationException.clip(entry.getKey()),
                        "is not one of the tickers");
            }
            a[i] = finite(entry.getValue(), field + "." + entry.getKey());
        }
        return a;
    }

    private static double finite(Double v, String field) {
        if (v == null || !Double.isFinite(v) || Math.abs(v) > MAX_BOUND) {
            throw new ValidationException(field, "must be a number between -" + MAX_BOUND + " and " + MAX_BOUND);
        }
        return v;
    }

    private static double nonNegative(Double v, String field, double max) {
        if (v == null) {
            return 0;
        }
        if (!(v >= 0) || v > max) {
            throw new ValidationException(field, "must be between 0 and " + max);
        }
        return v;
    }
}
