package com.positionlab.engine.optimize.downside;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.positionlab.engine.estimate.ExpectedReturns;
import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.engine.estimate.ReturnTable;

/**
 * PyPortfolioOpt's downside cases from cases.json and their inputs: the expected returns and the scenario
 * returns each case describes, from stock_prices.csv on the price rows it names ("all", "complete",
 * "weekly_W", "monthly_M").
 */
final class ReferenceCases {

    private static List<LocalDate> dates;
    private static double[][] prices;

    private ReferenceCases() {
    }

    /** The cases whose id starts with one of the prefixes, in file order. */
    static List<JsonNode> cases(String... prefixes) throws IOException {
        JsonNode all = new ObjectMapper().readTree(ReferencePrices.DIR.resolve("cases.json").toFile()).get("cases");
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : all) {
            for (String p : prefixes) {
                if (c.get("id").asText().startsWith(p)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The daily returns of the 895 rows where all 20 prices are present. */
    static double[][] completeDailyReturns() throws IOException {
        return returnTable("complete").complete().values();
    }

    /** A case's expected returns: {@code mean_historical_return} on its price rows and frequency. */
    static double[] expectedReturns(JsonNode spec) throws IOException {
        if (!spec.get("estimator").asText().equals("mean_historical_return")
                || spec.path("log_returns").asBoolean(false)) {
            throw new IllegalArgumentException("unsupported expected-return estimator " + spec);
        }
        return ExpectedReturns.meanHistorical(returnTable(spec.get("price_rows").asText()),
                spec.path("compounding").asBoolean(true), spec.path("frequency").asInt(252));
    }

    /** A case's scenario returns: the rows of its price rows' returns with every asset present. */
    static double[][] scenarioReturns(JsonNode spec) throws IOException {
        String rows = spec.has("price_rows") ? spec.get("price_rows").asText() : "complete";
        return returnTable(rows).complete().values();
    }

    static ReturnTable returnTable(String priceRows) throws IOException {
        load();
        double[][] p = switch (priceRows) {
            case "all" -> prices;
            case "complete" -> completeRows();
            case "weekly_W" -> CalendarResampler.weeklyEndingSunday().firstPrices(dates, prices);
            case "monthly_M" -> CalendarResampler.monthEnd().firstPrices(dates, prices);
            default -> throw new IllegalArgumentException("unknown price rows " + priceRows);
        };
        return ReturnTable.fromPrices(p, false);
    }

    static int resampledRows(String priceRows) throws IOException {
        load();
        return (priceRows.equals("weekly_W") ? CalendarResampler.weeklyEndingSunday() : CalendarResampler.monthEnd())
                .firstPrices(dates, prices).length;
    }

    private static double[][] completeRows() {
        List<double[]> rows = new ArrayList<>();
        for (double[] row : prices) {
            boolean all = true;
            for (double v : row) {
                all &= !Double.isNaN(v);
            }
            if (all) {
                rows.add(row);
            }
        }
        return rows.toArray(new double[0][]);
    }

    private static synchronized void load() throws IOException {
        if (prices != null) {
            return;
        }
        prices = ReferencePrices.stockPrices();
        List<String> lines = Files.readAllLines(ReferencePrices.DIR.resolve("stock_prices.csv"));
        dates = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            dates.add(LocalDate.parse(line.substring(0, line.indexOf(','))));
        }
    }
}
