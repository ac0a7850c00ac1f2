package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command on a fixed set of requests, answered as recorded before the services were split
 * ({@link Golden}): exit code, standard output and standard error, byte for byte.
 */
class GoldenCliTest {

    static final String STORED_KELLY = """
            {"trading_decision": {"decision_id": "golden-1", "instrument_id": "QBIT", "direction": "LONG",
                                  "entry_price": 283.77, "stop_price": 269.58, "strategy_id": "TREND",
                                  "conviction": "MEDIUM"},
             "sizing_parameters": {"sizing_method": "KELLY_CRITERION", "risk_model": "HISTORICAL_VAR",
                                   "confidence_level": 0.95, "lookback_period": 252, "max_position_size": 0.10},
             "risk_constraints": {"max_portfolio_risk": 0.25, "max_sector_weight": 0.35, "leverage_limit": 1.0}}
            """;
    static final String STORED_SHORT_FIXED_RISK = """
            {"trading_decision": {"decision_id": "golden-2", "instrument_id": "CHIP", "direction": "SHORT",
                                  "entry_price": 25.20, "stop_price": 26.50, "conviction": "HIGH"},
             "sizing_parameters": {"sizing_method": "FIXED_RISK", "risk_per_trade": 0.01, "risk_model": "PARAMETRIC",
                                   "confidence_level": 0.99, "max_position_size": 0.08}}
            """;
    static final String INVALID = """
            {"trading_decision": {"instrument_id": "QBIT", "direction": "LONG", "entry_price": -1,
                                  "stop_price": 269.58},
             "sizing_parameters": {"sizing_method": "KELLY_CRITERION", "confidence_level": 1.5}}
            """;
    static final String KELLY_DISCRETE = """
            {"win_probability": 0.55, "average_win": 150, "average_loss": 100, "sample_size": 200,
             "confidence_level": 0.95, "kelly_multiplier": 0.5, "max_kelly_fraction": 0.4}
            """;
    static final String KELLY_CONTINUOUS = """
            {"expected_return": 0.12, "portfolio_volatility": 0.2}
            """;
    static final String KELLY_MULTI = """
            {"expected_returns": [0.10, 0.08, 0.12], "volatilities": [0.20, 0.15, 0.30],
             "correlation_matrix": [[1, 0.3, 0.2], [0.3, 1, 0.1], [0.2, 0.1, 1]], "leverage_cap": 1.5}
            """;
    static final String KELLY_INVALID = """
            {"win_probability": 1.4, "average_win": -3}
            """;
    static final String SIMULATE = """
            {"win_probability": 0.55, "win_loss_ratio": 1.2, "fractions": [0.05, 0.125, 0.25], "bets": 120,
             "paths": 2000, "initial_capital": 100000, "ruin_level": 0.5, "target_multiple": 1.5, "seed": 7}
            """;
    static final String SIMULATE_OUTCOMES = """
            {"outcomes": [0.8, -0.5, 1.5, -1.0, 0.3, -0.2, 2.0, -0.6], "fractions": [0.1], "bets": 60,
             "paths": 1000, "seed": 11, "stop_ruined_paths": true}
            """;

    @TempDir
    Path dir;

    private final List<String> mismatches = new ArrayList<>();

    @Test
    void everyCommandAnswersAsRecorded() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        check("cli/demo", "demo", "--db", db);
        check("cli/portfolio", "portfolio", "--db", db);
        check("cli/portfolio-unknown", "portfolio", "--db", db, "--portfolio", "nope");
        check("cli/edge", "edge", "--db", db);
        check("cli/edge-trend-windows", "edge", "--db", db, "--strategy", "TREND", "--last-trades", "10",
                "--last-days", "90", "--min-trades", "30", "--capital", "250000");
        check("cli/size-stored-kelly", "size", "--db", db, file("kelly.json", STORED_KELLY));
        check("cli/size-stored-fixed-risk-short", "size", "--db", db, file("short.json", STORED_SHORT_FIXED_RISK));
        check("cli/size-stored-all-methods", "size", "--all-methods", "--db", db, file("kelly.json", STORED_KELLY));
        check("cli/size-stored-volatility-adjusted", "size", "--db", db, file("vol.json", STORED_SHORT_FIXED_RISK
                .replace("\"conviction\": \"HIGH\"}", "\"conviction\": \"HIGH\"}, \"volatility_adjustment\": {}")));
        check("cli/size-invalid", "size", "--db", db, file("invalid.json", INVALID));
        check("cli/size-unknown-direction", "size", "--db", db, file("sideways.json",
                INVALID.replace("\"LONG\"", "\"SIDEWAYS\"")));
        for (String method : METHODS) {
            check("cli/size-given-" + method.toLowerCase().replace('_', '-'), "size",
                    file(method + ".json", GoldenRequests.givenHistory(method)));
        }
        check("cli/size-optimal-f-without-trades", "size", file("of.json",
                GoldenRequests.givenHistory("OPTIMAL_F", false)));
        check("cli/kelly-discrete", "kelly", file("kd.json", KELLY_DISCRETE));
        check("cli/kelly-continuous", "kelly", file("kc.json", KELLY_CONTINUOUS));
        check("cli/kelly-multi-asset", "kelly", file("km.json", KELLY_MULTI));
        check("cli/kelly-invalid", "kelly", file("ki.json", KELLY_INVALID));
        check("cli/simulate-two-outcome", "simulate", "--threads", "2", file("sim.json", SIMULATE));
        check("cli/simulate-outcomes", "simulate", "--threads", "1", file("simo.json", SIMULATE_OUTCOMES));
        String returns = returnsCsv();
        check("cli/risk-historical", "risk", "--returns", returns);
        check("cli/risk-parametric-cf", "risk", "--returns", returns, "--model", "PARAMETRIC", "--cornish-fisher",
                "--confidence", "0.99", "--horizon", "10");
        check("cli/risk-monte-carlo", "risk", "--returns", returns, "--model", "MONTE_CARLO", "--scenarios", "5000",
                "--seed", "3");
        check("cli/risk-garch", "risk", "--returns", returns, "--model", "GARCH");
        String prices = file("prices.csv", """
                date,instrument,close
                2025-11-03,QBIT,285.10
                2025-11-04,QBIT,287.40
                2025-11-03,NEWCO,10.00
                """);
        check("cli/import-prices-unknown-instrument", "import", "--db", db, "--prices", prices);
        check("cli/import-prices", "import", "--db", db, "--prices", prices, "--create-instruments");
        check("cli/import-trades-rejected", "import", "--db", db, "--trades", file("trades.csv", """
                strategy,instrument,side,quantity,entry_time,entry_price,exit_time,exit_price
                TREND,QBIT,LONG,100,2025-10-01T10:00,270.00,2025-10-10T15:00,280.00
                TREND,QBIT,SIDEWAYS,100,2025-10-01T10:00,270.00,2025-10-10T15:00,280.00
                """));
        check("cli/events", "events", "--db", db);
        assertThat(mismatches).as("answers that differ from the recorded ones").isEmpty();
    }

    static final List<String> METHODS = List.of("KELLY_CRITERION", "FIXED_PERCENTAGE", "VOLATILITY_ADJUSTED",
            "RISK_PARITY", "EQUAL_WEIGHT", "FIXED_RISK", "OPTIMAL_F");

    private void check(String name, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        String transcript = "$ positionlab " + String.join(" ", args) + "\nexit " + code + "\n--- stdout\n" + out
                + "--- stderr\n" + err;
        try {
            Golden.check(name, Golden.mask(transcript, dir));
        } catch (AssertionError e) {
            mismatches.add(name + ": " + e.getMessage());
        }
    }

    private String file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private String returnsCsv() throws Exception {
        StringBuilder s = new StringBuilder("date,return\n");
        for (int i = 0; i < 300; i++) {
            double r = 0.0004 + 0.011 * Math.sin(i * 0.61) + 0.006 * Math.cos(i * 1.7) - (i % 37 == 0 ? 0.04 : 0);
            s.append(java.time.LocalDate.of(2024, 1, 1).plusDays(i)).append(',').append(r).append('\n');
        }
        return file("returns.csv", s.toString());
    }
}
