package com.positionlab.service.build;

import java.util.List;

import com.positionlab.engine.optimize.Frontier;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.service.optimize.Bindings;
import com.positionlab.service.optimize.FrontierResponse;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.service.optimize.OptimizeResponse.Binding;

/**
 * One computation of the "Build a portfolio" view: the setup it came from, the estimates, the frontier (exact
 * when the critical line answered, else sampled), the candidate portfolios and the current holdings' weights.
 * Selecting a point on the frontier is exact: between two turning points the efficient weights are linear in
 * the expected return ({@link #at}).
 *
 * @param setup          the request as computed (the view's inputs)
 * @param tickers        the universe, in the order of every array here
 * @param names          display names, by ticker
 * @param sectors        sectors, by ticker
 * @param mu             annual expected returns
 * @param cov            annual covariance
 * @param dailyReturns   the lookback's daily simple returns, periods in which every asset has one
 * @param current        the current holdings' weights of the portfolio's value (cash the rest)
 * @param portfolioValue holdings plus cash at the latest prices, in {@code currency}
 * @param latestPrices   the latest close of each ticker
 * @param lotSizes       whole units per lot of each ticker
 * @param riskFreeRate   for Sharpe ratios
 * @param costRate       proportional trading cost (bps / 10,000)
 * @param problem        the constraints the frontier is computed under
 * @param exact          the critical line's frontier, or null when it was sampled point by point
 * @param frontier       the frontier answer (points, turning points, minimum volatility, maximum Sharpe, Pareto sets)
 * @param curveVolatility the frontier drawn densely (exact between turning points), by rising return
 * @param curveReturn    the returns of those points
 * @param candidates     the compared portfolios, each with its figures or why it has none
 * @param priorReturns   with Black-Litterman views, the prior expected returns ({@code mu} is then the
 *                       posterior); null without views
 * @param cloud          random portfolios within the weight bounds, drawn behind the frontier: volatilities
 *                       ({@code cloud[0]}) and expected returns ({@code cloud[1]})
 */
public record BuildResult(OptimizeRequest setup, List<String> tickers, List<String> names, List<String> sectors,
                          double[] mu, double[][] cov, double[][] dailyReturns, double[] current, double portfolioValue,
                          String currency, double[] latestPrices, int[] lotSizes, double riskFreeRate, double costRate,
                          PortfolioProblem problem, Frontier exact, FrontierResponse frontier, double[] curveVolatility,
                          double[] curveReturn, List<Candidate> candidates, double[] priorReturns,
                          double[][] cloud) {

    /** A compared portfolio: its objective, label and figures, or the reason it has none. */
    public record Candidate(String method, String label, Selection selection, String error) {
    }

    public BuildResult {
        tickers = List.copyOf(tickers);
        candidates = List.copyOf(candidates);
    }

    /** The lowest expected return on the frontier (the minimum-volatility portfolio's). */
    public double lowestReturn() {
        return curveReturn[0];
    }

    /** The highest expected return on the frontier. */
    public double highestReturn() {
        return curveReturn[curveReturn.length - 1];
    }

    /**
     * The frontier portfolio at an expected return (clamped to the frontier's range): exact weights from the
     * critical line's turning points, or interpolated linearly between the two nearest sampled points.
     */
    public Selection at(double targetReturn, String label) {
        return Figures.of(this, label, weightsAt(targetReturn), exact != null);
    }

    /** The weights of the frontier portfolio at an expected return (clamped), without its figures: cheap. */
    public double[] weightsAt(double targetReturn) {
        double r = Math.max(lowestReturn(), Math.min(highestReturn(), targetReturn));
        return exact != null ? exact.efficientReturn(r) : interpolated(r);
    }

    /** The volatility of the frontier portfolio at an expected return (clamped). */
    public double volatilityAt(double targetReturn) {
        return Math.sqrt(Math.max(0, problem.variance(weightsAt(targetReturn))));
    }

    /** The figures of any weights (a candidate, the current holdings). */
    public Selection of(String label, double[] weights, boolean exactWeights) {
        return Figures.of(this, label, weights, exactWeights);
    }

    List<Binding> binding(double[] w) {
        return Bindings.of(problem, w);
    }

    private double[] interpolated(double r) {
        List<FrontierResponse.Point> points = frontier.points();
        int n = tickers.size();
        for (int k = 1; k < points.size(); k++) {
            FrontierResponse.Point a = points.get(k - 1);
            FrontierResponse.Point b = points.get(k);
            if (r <= b.expectedReturn() || k == points.size() - 1) {
                double span = b.expectedReturn() - a.expectedReturn();
                double t = span > 0 ? Math.max(0, Math.min(1, (r - a.expectedReturn()) / span)) : 0;
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    double wa = a.weights().get(tickers.get(i));
                    w[i] = wa + t * (b.weights().get(tickers.get(i)) - wa);
                }
                return w;
            }
        }
        throw new IllegalStateException("a frontier has at least two points");
    }
}
