package com.positionlab.cli;

import java.util.concurrent.Callable;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.service.backtest.BacktestResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backtest [FILE|-]}: a walk-forward portfolio backtest, a sweep, or sizing rules over closed trades. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replays a strategy over daily prices (or sizing rules over a strategy's closed trades) and "
                + "prints the equity and drawdown curves, empyrical's statistics, the trades and the attribution.",
                "Request (JSON): prices (a wide CSV: date, then one column per ticker; price_rows all or complete) or "
                        + "universe (with --db); "
                        + "start, end, initial_capital, rebalance (daily, weekly, monthly, once or {drift_band}), "
                        + "lookback (trading days), strategy {method: equal_weight, inverse_volatility, "
                        + "volatility_target, fixed_weights, or any optimize objective with expected_returns, "
                        + "risk_model and constraints} or strategies [...], costs_bps, slippage_bps, cash_rate, "
                        + "lot_sizes, split_date, risk_free_rate, sectors, benchmark; sweep {lookback: [...], "
                        + "rebalance: [...], strategy.FIELD: [...]} with rank_by and threads. Or trades [{return, "
                        + "stop_loss, exit}] (or strategy_id with --db) with sizing [{method: kelly, fixed_fraction, "
                        + "fixed_risk, optimal_f}]."})
final class BacktestCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Request file, or - for "
            + "standard input (the default)")
    String file = "-";

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Workspace database, for a universe of its "
            + "instruments or a strategy_id's trades; the backtest is stored there (the Backtest view lists it)")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BacktestRequest request = KellyCommand.readRequest(file, BacktestRequest.class);
        try {
            BacktestResponse response;
            if (db == null) {
                response = Calculators.create().backtest().run(request, Progress.NONE);
            } else {
                DbOption option = new DbOption();
                option.url = db;
                response = option.withServices(services -> services.backtestHistory().run(request, Progress.NONE)
                        .response());
            }
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(response));
            return 0;
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
