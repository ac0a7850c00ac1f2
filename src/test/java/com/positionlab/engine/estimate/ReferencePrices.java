package com.positionlab.engine.estimate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PyPortfolioOpt's reference data beside the checkout ({@code ../shared/reference/pypfopt}): its folder, and
 * stock_prices.csv as a price matrix (rows are dates, columns the 20 tickers in file order, NaN before a
 * ticker is listed).
 */
public final class ReferencePrices {

    public static final Path DIR = Path.of(System.getProperty("user.dir")).resolve("../shared/reference/pypfopt");

    /** The 20 tickers of stock_prices.csv in file order (the asset order of every case). */
    public static final List<String> TICKERS = List.of("GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT",
            "BAC", "GM", "T", "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX");

    private ReferencePrices() {
    }

    /** Whether the reference data is there (it is not beside a clone made elsewhere). */
    public static boolean present() {
        return Files.isRegularFile(DIR.resolve("cases.json")) && Files.isRegularFile(DIR.resolve("stock_prices.csv"));
    }

    public static double[][] stockPrices() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("stock_prices.csv"));
        double[][] prices = new double[lines.size() - 1][];
        for (int t = 1; t < lines.size(); t++) {
            String[] cells = lines.get(t).split(",", -1);
            prices[t - 1] = new double[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                prices[t - 1][i - 1] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
            }
        }
        return prices;
    }
}
