package com.positionlab.service.backtest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.domain.Instrument;
import com.positionlab.engine.backtest.PriceHistory;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.PriceCsv;
import com.positionlab.service.optimize.PriceTable;
import com.positionlab.service.optimize.WorkspacePrices;

/**
 * A backtest's prices and the facts about its instruments: from a prices file, or a workspace universe (whose
 * instruments also give sectors and lot sizes). A price missing after an instrument's first one is carried
 * forward from its last close (the instrument did not trade that day); before its first price it is not yet
 * listed.
 *
 * @param tickers the instruments, in the order of the price columns
 * @param history the daily closes
 * @param sectors the sector of each instrument (the request's, else the workspace's, else "Unclassified")
 * @param lots    the lot size of each (the request's, else the workspace's, else 0: fractional units)
 * @param filled  how many missing prices were carried forward
 */
public record BacktestData(List<String> tickers, PriceHistory history, String[] sectors, double[] lots, int filled,
                           Benchmark benchmark) {

    /**
     * A benchmark series ({@code "benchmark": {"ticker": "SPY"}}): one column of the prices, not traded by the
     * strategies, held whole as the benchmark; its sector for the attribution.
     */
    public record Benchmark(String ticker, String sector, double[] prices) {
    }

    /** The most prices (days x instruments) a backtest takes: its daily weights are kept in memory. */
    static final long MAX_CELLS = 10_000_000L;

    /** Loads the prices the request names. */
    static BacktestData of(BacktestRequest r, WorkspacePrices workspace) {
        if ((r.prices() == null) == (r.universe() == null)) {
            throw new ValidationException(r.prices() == null ? "prices" : "universe",
                    "give either a prices file or a universe of workspace instruments");
        }
        Map<String, Instrument> known = Map.of();
        PriceTable table;
        if (r.universe() != null) {
            if (workspace == null) {
                throw new ValidationException("universe", "needs a workspace (run with --db, or through the "
                        + "workstation or the API); give prices as a file otherwise");
            }
            table = workspace.history(r.universe());
            known = workspace.instruments();
        } else {
            table = PriceCsv.read(Path.of(r.prices()), "prices");
        }
        table = table.select(rows(r.priceRows()));
        List<String> tickers = table.tickers();
        if ((long) table.prices().length * tickers.size() > MAX_CELLS) {
            throw new ValidationException(r.prices() != null ? "prices" : "universe", "holds " + table.prices().length
                    + " days of " + tickers.size() + " instruments; a backtest takes at most " + MAX_CELLS
                    + " prices (days x instruments)");
        }
        int filled = 0;
        double[][] prices = new double[table.prices().length][];
        for (int t = 0; t < prices.length; t++) {
            prices[t] = table.prices()[t].clone();
            for (int i = 0; t > 0 && i < prices[t].length; i++) {
                if (Double.isNaN(prices[t][i]) && !Double.isNaN(prices[t - 1][i])) {
                    prices[t][i] = prices[t - 1][i];
                    filled++;
                }
            }
        }
        String[] sectors = new String[tickers.size()];
        double[] lots = new double[tickers.size()];
        for (int i = 0; i < tickers.size(); i++) {
            String t = tickers.get(i);
            Instrument ins = known.get(t);
            sectors[i] = r.sectors() != null && r.sectors().get(t) != null ? r.sectors().get(t)
                    : ins != null ? ins.sector() : "Unclassified";
            lots[i] = r.lotSizes() != null && r.lotSizes().get(t) != null ? r.lotSizes().get(t)
                    : ins != null && ins.lotSize() != null ? ins.lotSize().doubleValue() : 0;
        }
        check(r, tickers);
        try {
            return withBenchmark(r, new BacktestData(tickers, new PriceHistory(table.dates().toArray(
                    LocalDate[]::new), prices), sectors, lots, filled, null));
        } catch (com.positionlab.engine.InvalidParameterException e) {
            throw new ValidationException("prices", e.getMessage());
        }
    }

    /** {@code all} or {@code complete}: a backtest runs on daily closes, so weekly and monthly rows are refused. */
    private static com.positionlab.service.optimize.PriceTable.Rows rows(String text) {
        if (text == null || text.equals("all")) {
            return com.positionlab.service.optimize.PriceTable.Rows.ALL;
        }
        if (text.equals("complete")) {
            return com.positionlab.service.optimize.PriceTable.Rows.COMPLETE;
        }
        throw new ValidationException("price_rows", ValidationException.quote(text) + ": a backtest runs on daily "
                + "closes, so all (the default) or complete (the days on which every ticker has a price)");
    }

    private static void check(BacktestRequest r, List<String> tickers) {
        for (Map<String, ?> m : new ArrayList<Map<String, ?>>(java.util.Arrays.asList(r.sectors(), r.lotSizes()))) {
            if (m == null) {
                continue;
            }
            String field = m == r.sectors() ? "sectors" : "lot_sizes";
            for (Map.Entry<String, ?> e : m.entrySet()) {
                if (!tickers.contains(e.getKey())) {
                    throw new ValidationException(field + "." + ValidationException.clip(e.getKey()),
                            "is not one of the tickers");
                }
                Object v = e.getValue();
                if (v instanceof String s && (s.isBlank() || s.length() > 100)) {
                    throw new ValidationException(field + "." + ValidationException.clip(e.getKey()),
                            "must be 1 to 100 characters");
                }
                if (v instanceof Double d && !(d >= 0 && d <= 1e9)) {
                    throw new ValidationException(field + "." + ValidationException.clip(e.getKey()),
                            "must be from 0 to 1e9 units");
                }
            }
        }
    }

    /** The data without the benchmark's column, kept apart, when the request names a benchmark ticker. */
    private static BacktestData withBenchmark(BacktestRequest r, BacktestData d) {
        com.fasterxml.jackson.databind.JsonNode b = r.benchmark();
        if (b == null || !b.isObject() || !b.has("ticker")) {
            return d;
        }
        int x = d.tickers().indexOf(b.get("ticker").asText());
        if (x < 0) {
            throw new ValidationException("benchmark.ticker", "is not one of the tickers");
        }
        if (d.tickers().size() < 2) {
            throw new ValidationException("benchmark.ticker", "leaves no instrument to trade");
        }
        double[][] all = d.history().prices();
        double[][] rest = new double[all.length][d.tickers().size() - 1];
        double[] series = new double[all.length];
        for (int t = 0; t < all.length; t++) {
            series[t] = all[t][x];
            for (int i = 0, j = 0; i < all[t].length; i++) {
                if (i != x) {
                    rest[t][j++] = all[t][i];
                }
            }
        }
        List<String> tickers = new ArrayList<>(d.tickers());
        tickers.remove(x);
        return new BacktestData(tickers, new PriceHistory(d.history().dates(), rest), drop(d.sectors(), x),
                dropLots(d.lots(), x), d.filled(), new Benchmark(d.tickers().get(x), d.sectors()[x], series));
    }

    private static String[] drop(String[] a, int x) {
        List<String> out = new ArrayList<>(java.util.Arrays.asList(a));
        out.remove(x);
        return out.toArray(String[]::new);
    }

    private static double[] dropLots(double[] a, int x) {
        double[] out = new double[a.length - 1];
        for (int i = 0, j = 0; i < a.length; i++) {
            if (i != x) {
                out[j++] = a[i];
            }
        }
        return out;
    }

    /** The tickers' sectors by ticker. */
    Map<String, String> sectorOf() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            out.put(tickers.get(i), sectors[i]);
        }
        return out;
    }
}
