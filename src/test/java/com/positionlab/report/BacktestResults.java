package com.positionlab.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.JsonRequests;
import com.positionlab.service.backtest.AttributionRequest;
import com.positionlab.service.backtest.AttributionService;

/**
 * Backtest results in each shape {@code backtest} prints, made up here with deterministic curves (no backtest
 * command exists on this branch), and an attribution as the {@code attribution} command prints it. Each is read
 * back through {@link ReportInput}, as {@code report} reads a file, so that numbers keep their written digits.
 */
final class BacktestResults {

    static final LocalDate START = LocalDate.of(2015, 1, 2);
    static final LocalDate SPLIT = LocalDate.of(2018, 12, 31);

    private BacktestResults() {
    }

    /**
     * One strategy over {@code days} weekdays from 2015-01-02, with {@code trades} trades, an out-of-sample split
     * at 2018-12-31, an attribution of its active return and a statistic that does not exist (null).
     */
    static ObjectNode singleNode(String label, int days, int trades, double drift) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("label", label);
        ArrayNode equity = r.putArray("equity_curve");
        ArrayNode drawdown = r.putArray("drawdown_curve");
        LocalDate d = START;
        double peak = 0;
        for (int t = 0; t < days; t++, d = next(d)) {
            double value = Math.round(100_000 * Math.exp(drift * t + 0.06 * Math.sin(t / 37.0)) * 100) / 100.0;
            peak = Math.max(peak, value);
            equity.addObject().put("date", d.toString()).put("value", value);
            drawdown.addObject().put("date", d.toString()).put("value", value / peak - 1);
        }
        r.put("start", START.toString()).put("end", equity.get(days - 1).get("date").asText());
        r.put("initial_capital", 100000);
        r.set("statistics", stats(0.8 + drift * 100, drift));
        r.set("in_sample", stats(0.9 + drift * 100, drift));
        r.set("out_of_sample", stats(0.5 + drift * 100, drift));
        r.put("split_date", SPLIT.toString());
        r.put("rebalances", days / 21);
        ArrayNode list = r.putArray("trades");
        for (int i = 0; i < trades; i++) {
            list.addObject().put("date", START.plusDays(7L * i).toString()).put("ticker", "T" + (i % 7))
                    .put("units", i % 2 == 0 ? 10 + i : -(5 + i)).put("price", 50.25 + i).put("value", (50.25 + i)
                            * (i % 2 == 0 ? 10 + i : -(5 + i))).put("cost", 1.5 + i * 0.01);
        }
        r.put("trades_omitted", 0);
        ObjectNode a = r.putObject("attribution");
        a.put("benchmark", "equal_weight").put("method", "Brinson-Fachler, Carino-linked");
        ArrayNode sectors = a.putArray("sectors");
        sectors.addObject().put("sector", "Tech").put("allocation", 0.012).put("selection", 0.004)
                .put("interaction", -0.001).put("total", 0.015);
        sectors.addObject().put("sector", "Energy").put("allocation", -0.003).put("selection", 0.002)
                .put("interaction", 0.0).put("total", -0.001);
        a.put("allocation", 0.009).put("selection", 0.006).put("interaction", -0.001).put("active_return", 0.014)
                .put("portfolio_return", 0.11).put("benchmark_return", 0.096);
        r.putArray("notes").add("Prices are adjusted for splits and dividends.");
        r.putObject("request").put("start", START.toString()).put("rebalance", "monthly").put("cost_bps", 5);
        return r;
    }

    static JsonNode single(String label, int days, int trades) {
        return read(singleNode(label, days, trades, 0.0004));
    }

    /** Three strategies of {@code days} days side by side. */
    static JsonNode comparison(int days, int trades) {
        ObjectNode r = Json.mapper().createObjectNode();
        ArrayNode results = r.putArray("results");
        results.add(singleNode("Maximum Sharpe", days, trades, 0.0005));
        results.add(singleNode("Minimum volatility", days, trades, 0.0002));
        results.add(singleNode("Equal weight", days, trades, 0.0003));
        return read(r);
    }

    /** Six parameter sets; one has no in-sample Sharpe ratio and ranks last. */
    static JsonNode sweep() {
        ObjectNode r = Json.mapper().createObjectNode();
        ObjectNode sweep = r.putObject("sweep");
        sweep.put("rank_by", "sharpe_ratio");
        ArrayNode points = sweep.putArray("points");
        int i = 0;
        for (int lookback : new int[] {63, 126, 252}) {
            for (String rebalance : new String[] {"monthly", "quarterly"}) {
                ObjectNode p = points.addObject();
                p.putObject("parameters").put("lookback", lookback).put("rebalance", rebalance);
                ObjectNode in = stats(0.3 + 0.17 * ((i * 5) % 6), 0.0003);
                if (i == 2) {
                    in.putNull("sharpe_ratio");
                }
                p.set("in_sample", in);
                p.set("out_of_sample", stats(0.2 + 0.05 * i, 0.0002));
                i++;
            }
        }
        return read(r);
    }

    /** Three sizing rules replayed over {@code trades} trades. */
    static JsonNode tradeSequence(int trades) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("kind", "trade_sequence");
        ArrayNode results = r.putArray("results");
        String[] labels = {"Kelly (quarter)", "Fixed 2%", "Optimal f"};
        for (int k = 0; k < labels.length; k++) {
            ObjectNode x = results.addObject();
            x.put("label", labels[k]);
            ArrayNode curve = x.putArray("equity_curve");
            double e = 100_000;
            for (int t = 0; t <= trades; t++) {
                curve.addObject().put("trade", t).put("value", Math.round(e * 100) / 100.0);
                e *= 1 + (t % 3 == 0 ? -0.01 : 0.012) * (k + 1);
            }
            x.putObject("statistics").put("total_return", e / 100_000 - 1).put("max_drawdown", -0.02 * (k + 1))
                    .put("hit_rate", 2.0 / 3).put("final_equity", e).put("trades", trades)
                    .put("average_fraction", 0.02 * (k + 1));
            x.putObject("sizing_attribution").put("chosen_return", e / 100_000 - 1)
                    .put("equal_size_return", 0.05 * (k + 1)).put("from_sizing", e / 100_000 - 1 - 0.05 * (k + 1))
                    .put("average_fraction", 0.02 * (k + 1));
        }
        return read(r);
    }

    /** Bacon's table 5.3 as the {@code attribution} command prints it. */
    static JsonNode attribution() {
        String json = """
                {"portfolio_weights": {"UK equities": 0.4, "Japanese equities": 0.3, "US equities": 0.3},
                 "benchmark_weights": {"UK equities": 0.4, "Japanese equities": 0.2, "US equities": 0.4},
                 "portfolio_returns": {"UK equities": 0.20, "Japanese equities": -0.05, "US equities": 0.06},
                 "benchmark_returns": {"UK equities": 0.10, "Japanese equities": -0.04, "US equities": 0.08}}""";
        AttributionRequest request = JsonRequests.readChecked(new ByteArrayInputStream(json.getBytes(
                StandardCharsets.UTF_8)), AttributionRequest.class, AttributionService::check);
        return read(Results.tree(Calculators.create().attribution().attribute(request)));
    }

    private static ObjectNode stats(double sharpe, double drift) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("total_return", drift * 1000).put("cagr", drift * 252).put("volatility", 0.12)
                .put("sharpe_ratio", sharpe).putNull("sortino_ratio").put("calmar_ratio", 0.7)
                .put("max_drawdown", -0.1234).put("max_drawdown_days", 87).put("turnover", 1.75)
                .put("costs_paid", 1234.5).put("hit_rate", 0.53);
        return s;
    }

    private static LocalDate next(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
            n = n.plusDays(1);
        }
        return n;
    }

    private static JsonNode read(JsonNode tree) {
        try {
            return ReportInput.read(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
