package com.positionlab.engine.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * PyPortfolioOpt's stock_prices.csv beside the checkout ({@code ../shared/reference/pypfopt}): 7,126 daily closes
 * of 20 stocks from 1989-12-29 to 2018-04-11, with the dates; empty cells (before a listing) read as NaN.
 */
final class ReferenceStocks {

    static final Path FILE = Path.of(System.getProperty("user.dir"))
            .resolve("../shared/reference/pypfopt/stock_prices.csv");

    final LocalDate[] dates;
    final double[][] prices;

    private ReferenceStocks(LocalDate[] dates, double[][] prices) {
        this.dates = dates;
        this.prices = prices;
    }

    /** Whether the file is there (it is not beside a clone made elsewhere). */
    static boolean present() {
        return Files.isRegularFile(FILE);
    }

    static ReferenceStocks read() throws IOException {
        List<String> lines = Files.readAllLines(FILE);
        LocalDate[] dates = new LocalDate[lines.size() - 1];
        double[][] prices = new double[lines.size() - 1][];
        for (int t = 1; t < lines.size(); t++) {
            String[] cells = lines.get(t).split(",", -1);
            dates[t - 1] = LocalDate.parse(cells[0]);
            prices[t - 1] = new double[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                prices[t - 1][i - 1] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
            }
        }
        return new ReferenceStocks(dates, prices);
    }
}
