package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.service.optimize.OptimizeResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code optimize [FILE|-]}: an optimised portfolio from a request in PyPortfolioOpt's vocabulary, as JSON. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Optimises portfolio weights and prints them with the portfolio's expected return, "
                + "volatility and Sharpe ratio, risk contributions, the solver's report and the binding constraints.",
                "Request (JSON, PyPortfolioOpt's vocabulary): prices (a wide CSV: date, then one column per ticker), "
                        + "price_rows (all, complete, weekly, weekly_first, monthly, monthly_first), market_prices; "
                        + "or mu {TICKER: value} and cov {tickers, matrix}; expected_returns {estimator, compounding, "
                        + "frequency, span, log_returns, risk_free_rate}; risk_model {estimator, frequency, span, "
                        + "benchmark, log_returns, fix_method}; objective {method: min_volatility, max_sharpe, "
                        + "efficient_risk, efficient_return, max_quadratic_utility; risk_free_rate, target_volatility, "
                        + "target_return, risk_aversion, market_neutral}; constraints {weight_bounds, l2_gamma, "
                        + "sector_mapper, sector_lower, sector_upper, linear, current_weights, transaction_cost_bps, "
                        + "max_turnover}; performance_risk_free_rate (0.02); solver (auto, cla, qp)."})
final class OptimizeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Workspace database: a request with "
            + "portfolio_id is stored there, failed runs included (default: nothing is stored)")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptimizeRequest request = KellyCommand.readRequest(file, OptimizeRequest.class);
        try {
            OptimizeResponse response;
            if (db == null) {
                response = Calculators.create().optimize().optimize(request);
            } else {
                DbOption option = new DbOption();
                option.url = db;
                response = option.withServices(services -> services.optimizations().optimize(request));
            }
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
            return 0;
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
