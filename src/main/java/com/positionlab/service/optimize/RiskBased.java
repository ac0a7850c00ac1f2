package com.positionlab.service.optimize;

import java.util.Map;

import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.riskbased.MaxDiversification;
import com.positionlab.engine.optimize.riskbased.NotConvergedException;
import com.positionlab.engine.optimize.riskbased.RiskBudget;
import com.positionlab.engine.optimize.riskbased.RiskBudgetPortfolio;
import com.positionlab.service.ValidationException;

/**
 * The risk-based objectives of a request: {@code risk_parity} (equal risk contributions, or the
 * {@code objective.risk_budgets} given by ticker, summing to 1) and {@code max_diversification}. Both are long
 * only and fully invested by construction, so they take no {@code constraints}.
 */
final class RiskBased {

    private RiskBased() {
    }

    static Allocation solve(String method, OptimizeRequest.ObjectiveSpec o, Estimates e,
                            OptimizeRequest.ConstraintsSpec constraints) {
        if (constraints != null) {
            throw new ValidationException("constraints", method + " portfolios are long only and fully invested "
                    + "by construction and take no constraints");
        }
        try {
            if (method.equals("max_diversification")) {
                double[] w = MaxDiversification.solve(e.cov()).weights();
                return new Allocation(w, "critical line on the correlation matrix", 1);
            }
            RiskBudgetPortfolio p = o.riskBudgets() == null ? RiskBudget.equalRisk(e.cov())
                    : RiskBudget.solve(e.cov(), budgets(o.riskBudgets(), e));
            return new Allocation(p.weights(), "Newton on the risk-budgeting problem", p.iterations());
        } catch (NotConvergedException ex) {
            throw new NoSolutionException("objective", ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw new ValidationException(o.riskBudgets() == null ? "risk_model" : "objective.risk_budgets",
                    ex.getMessage());
        }
    }

    private static double[] budgets(Map<String, Double> given, Estimates e) {
        double[] b = new double[e.tickers().size()];
        for (Map.Entry<String, Double> entry : given.entrySet()) {
            int i = e.tickers().indexOf(entry.getKey());
            if (i < 0) {
                throw new ValidationException("objective.risk_budgets." + ValidationException.clip(entry.getKey()),
                        "is not one of the tickers");
            }
            Double v = entry.getValue();
            if (v == null || !(v > 0) || v > 1) {
                throw new ValidationException("objective.risk_budgets." + entry.getKey(), "must be above 0 and at most 1");
            }
            b[i] = v;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                throw new ValidationException("objective.risk_budgets." + e.tickers().get(i), "is missing");
            }
        }
        return b;
    }
}
