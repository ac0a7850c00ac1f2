package com.positionlab.service.imports;

import java.util.List;

import com.positionlab.domain.PriceBar;

/**
 * Prices of one instrument, one bar per line, as downloaded from Yahoo Finance:
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}. Open is not stored.
 */
final class TickerPriceParser implements RowParser<PriceBar> {

    private final String instrumentId;
    private final PriceColumns columns;

    TickerPriceParser(Header header, String instrumentId) {
        this.instrumentId = instrumentId;
        this.columns = new PriceColumns(header);
    }

    @Override
    public String format() {
        return "per_ticker";
    }

    @Override
    public List<PriceBar> parse(Row row) throws RowException {
        return List.of(columns.bar(instrumentId, row));
    }

    @Override
    public String key(PriceBar bar) {
        return PriceColumns.key(bar);
    }
}
