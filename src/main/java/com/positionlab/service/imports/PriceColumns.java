package com.positionlab.service.imports;

import java.time.LocalDate;

import com.positionlab.domain.PriceBar;

/**
 * The columns of a daily bar in the long and the one-file-per-ticker price formats: {@code date} and
 * {@code close} required; {@code adj_close} (default: the close), {@code high}, {@code low} and
 * {@code volume} optional. Prices must be positive, high at least low, volume a whole number.
 */
final class PriceColumns {

    private final int date;
    private final int close;
    private final int adjClose;
    private final int high;
    private final int low;
    private final int volume;

    PriceColumns(Header header) {
        int[] required = header.require("date", "close");
        date = required[0];
        close = required[1];
        adjClose = header.indexOf("adj_close", "adjclose", "adjusted_close");
        high = header.indexOf("high");
        low = header.indexOf("low");
        volume = header.indexOf("volume");
    }

    /** The bar of {@code instrumentId} on this row. */
    PriceBar bar(String instrumentId, Row row) throws RowException {
        LocalDate day = row.cell(date).date();
        double closePrice = row.cell(close).positive();
        double adjusted = row.has(adjClose) ? row.cell(adjClose).positive() : closePrice;
        Double highPrice = row.has(high) ? row.cell(high).positive() : null;
        Double lowPrice = row.has(low) ? row.cell(low).positive() : null;
        if (highPrice != null && lowPrice != null && highPrice < lowPrice) {
            throw row.cell(high).problem(row.cell(high).text() + " is below low " + row.cell(low).text());
        }
        Long shares = row.has(volume) ? row.cell(volume).count() : null;
        return new PriceBar(instrumentId, day, closePrice, adjusted, highPrice, lowPrice, shares);
    }

    /** The natural key of a bar: {@code AAPL 2020-01-02}. */
    static String key(PriceBar bar) {
        return bar.instrumentId() + " " + bar.date();
    }
}
