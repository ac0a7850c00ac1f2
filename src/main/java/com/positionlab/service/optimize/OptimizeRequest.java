package com.positionlab.service.optimize;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An optimisation request in PyPortfolioOpt's vocabulary (snake_case in JSON). The inputs are a wide price
 * file ({@code prices}, with {@code price_rows} and an optional benchmark {@code market_prices}) from which
 * {@code expected_returns} and {@code risk_model} estimate, or the estimates themselves ({@code mu} by ticker
 * and {@code cov}); then an {@code objective} and {@code constraints}. Every field is optional except what the
 * objective needs; defaults are PyPortfolioOpt's. A frontier request is the same without an objective, and
 * {@code points} (50) says how many frontier portfolios to list; with {@code constraints.esg_scores} it also
 * gives the ESG-Sharpe Pareto set at {@code pareto_levels} (11) ESG floors. With {@code portfolio_id} (a workspace
 * portfolio) the run is stored in the workspace, failed runs included. In a workspace, {@code universe} (instrument
 * ids) with {@code lookback_days} (252 returns) takes the prices from the workspace instead of a file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizeRequest(String portfolioId, String prices, String priceRows, String marketPrices, Map<String, Double> mu,
                              CovarianceInput cov, ExpectedReturnsSpec expectedReturns, RiskModelSpec riskModel,
                              ObjectiveSpec objective, ConstraintsSpec constraints, BlackLittermanSpec blackLitterman,
                              Double performanceRiskFreeRate, String solver, Integer points, Integer paretoLevels,
                              List<String> universe, Integer lookbackDays) {

    /** This request with another number of frontier points. */
    public OptimizeRequest withPoints(Integer newPoints) {
        return new OptimizeRequest(portfolioId, prices, priceRows, marketPrices, mu, cov, expectedReturns, riskModel,
                objective, constraints, blackLitterman, performanceRiskFreeRate, solver, newPoints, paretoLevels,
                universe, lookbackDays);
    }

    /** This request with other constraints (null for none). */
    public OptimizeRequest withConstraints(ConstraintsSpec newConstraints) {
        return new OptimizeRequest(portfolioId, prices, priceRows, marketPrices, mu, cov, expectedReturns, riskModel,
                objective, newConstraints, blackLitterman, performanceRiskFreeRate, solver, points, paretoLevels,
                universe, lookbackDays);
    }

    /** This request as an optimisation with {@code newObjective}: without the frontier's points and Pareto levels. */
    public OptimizeRequest asOptimization(ObjectiveSpec newObjective) {
        return new OptimizeRequest(portfolioId, prices, priceRows, marketPrices, mu, cov, expectedReturns, riskModel,
                newObjective, constraints, blackLitterman, performanceRiskFreeRate, solver, null, null,
                universe, lookbackDays);
    }

    /** This request with another objective. */
    public OptimizeRequest withObjective(ObjectiveSpec newObjective) {
        return new OptimizeRequest(portfolioId, prices, priceRows, marketPrices, mu, cov, expectedReturns, riskModel,
                newObjective, constraints, blackLitterman, performanceRiskFreeRate, solver, points, paretoLevels,
                universe, lookbackDays);
    }

    /** A given covariance matrix (annualised), rows and columns in the order of {@code tickers}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CovarianceInput(List<String> tickers, double[][] matrix) {
    }

    /**
     * How expected returns are estimated: {@code mean_historical_return} (default),
     * {@code ema_historical_return} or {@code capm_return}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpectedReturnsSpec(String estimator, Boolean compounding, Integer frequency, Integer span,
                                      Boolean logReturns, Double riskFreeRate) {
    }

    /**
     * How the covariance is estimated: {@code sample_cov} (default), {@code semicovariance},
     * {@code exp_cov}, {@code ledoit_wolf_constant_variance} ({@code ledoit_wolf}),
     * {@code ledoit_wolf_single_factor}, {@code ledoit_wolf_constant_correlation},
     * {@code oracle_approximating}, {@code factor_model} (on the factor returns of the wide CSV {@code factors},
     * else on the first {@code components} (3) principal components); {@code fix_method} {@code spectral}
     * (default) or {@code diag}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RiskModelSpec(String estimator, Integer frequency, Integer span, Double benchmark,
                                Boolean logReturns, String fixMethod, String factors, Integer components) {
    }

    /** The objective and its parameters; {@code method} is required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectiveSpec(String method, String riskMeasure, Double beta, Double riskFreeRate,
                                Double targetVolatility, Double targetReturn, Double targetSemideviation,
                                Double targetCvar, Double targetCdar, Double riskAversion, Boolean marketNeutral,
                                String linkage, Map<String, Double> riskBudgets, String uncertaintySet,
                                JsonNode uncertainty, Double kappa, Integer samples, Long seed) {
    }

    /**
     * Constraints and penalties. {@code weight_bounds}: {@code [lo, hi]} for every asset (null sides mean -1
     * and 1, as in PyPortfolioOpt), or {@code {"TICKER": [lo, hi]}} per asset (others default to [0, 1]).
     * {@code linear}: further rows {@code lower <= sum(weights[t] * w_t) <= upper}. Factor-exposure limits:
     * {@code factor_betas} {@code {"MKT": {"TICKER": beta}}} with {@code factor_lower}/{@code factor_upper} by
     * factor bound the portfolio's exposure {@code sum(beta_t w_t)}. {@code esg_scores} by ticker with
     * {@code min_esg} bound the portfolio's weighted ESG score from below. {@code ucits}: {@code true} for the
     * UCITS 5/10/40 rule (each weight at most 10%, the weights above 5% at most 40% together), or
     * {@code {"threshold": 0.05, "issuer_limit": 0.10, "concentration_limit": 0.40}}; long-only, fully invested,
     * mean-variance objectives only ({@link UcitsObjective}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConstraintsSpec(JsonNode weightBounds, Double l2Gamma, Map<String, String> sectorMapper,
                                  Map<String, Double> sectorLower, Map<String, Double> sectorUpper,
                                  Map<String, Double> currentWeights, Double maxTurnover,
                                  Double transactionCostBps, Double maxLeverage, List<LinearRow> linear,
                                  Liquidity liquidity, Map<String, Map<String, Double>> factorBetas,
                                  Map<String, Double> factorLower, Map<String, Double> factorUpper,
                                  Map<String, Double> esgScores, Double minEsg, JsonNode ucits) {
    }

    /**
     * A trade no larger than {@code max_adv_share} (0.1) of the instrument's average daily volume: with
     * {@code adv} in units a day and prices ({@code latest_prices}, else the price file's last), a weight may
     * move from its current weight by at most {@code max_adv_share * adv * price / portfolio_value}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Liquidity(Double portfolioValue, Double maxAdvShare, Map<String, Double> adv,
                            Map<String, Double> latestPrices) {
    }

    /** A named linear row over tickers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinearRow(String name, Map<String, Double> weights, Double lower, Double upper) {
    }
}
