package com.positionlab.service.imports;

import java.util.List;

import com.positionlab.domain.PriceBar;

/** Prices in long form: one bar per line, with {@code date}, {@code instrument} (or ticker, symbol), {@code close}. */
final class LongPriceParser implements RowParser<PriceBar> {

    static final String[] INSTRUMENT = {"instrument", "ticker", "symbol"};

    private final int instrument;
    private final PriceColumns columns;

    LongPriceParser(Header header) {
        instrument = header.require("date", String.join("|", INSTRUMENT), "close")[1];
        columns = new PriceColumns(header);
    }

    @Override
    public String format() {
        return "long";
    }

    @Override
    public List<PriceBar> parse(Row row) throws RowException {
        String id = row.cell(instrument).id(PriceFormats.MAX_TICKER_LENGTH);
        return List.of(columns.bar(id, row));
    }

    @Override
    public String key(PriceBar bar) {
        return PriceColumns.key(bar);
    }
}
