package com.positionlab.service.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.domain.PriceBar;
import com.positionlab.service.InputLimits;

/**
 * Prices in wide form: the first column is {@code date}, every other column is a ticker and holds its
 * close (also used as the adjusted close). An empty cell means no price that day. A line with one bad cell
 * is rejected whole.
 */
final class WidePriceParser implements RowParser<PriceBar> {

    private final List<String> tickers = new ArrayList<>();

    WidePriceParser(Header header) {
        for (int c = 1; c < header.size(); c++) {
            String ticker = header.name(c);
            if (ticker.isEmpty()) {
                throw new FileFormatException("column " + (c + 1) + " has no ticker in the header");
            }
            String reason = InputLimits.checkId(ticker, PriceFormats.MAX_TICKER_LENGTH);
            if (reason != null) {
                throw new FileFormatException("column " + (c + 1) + ": the ticker " + reason);
            }
            tickers.add(ticker);
        }
    }

    @Override
    public String format() {
        return "wide";
    }

    @Override
    public List<PriceBar> parse(Row row) throws RowException {
        LocalDate date = row.cell(0).date();
        List<PriceBar> bars = new ArrayList<>();
        for (int c = 1; c < row.size(); c++) {
            if (row.has(c)) {
                String ticker = tickers.get(c - 1);
                bars.add(PriceBar.close(ticker, date, row.cell(c, ticker).positive()));
            }
        }
        return bars;
    }

    @Override
    public String key(PriceBar bar) {
        return PriceColumns.key(bar);
    }
}
