package com.positionlab.service.imports;

import java.nio.file.Path;
import java.util.Locale;

import com.positionlab.domain.PriceBar;
import com.positionlab.service.InputLimits;
import com.positionlab.service.ValidationException;

/**
 * Recognises the layout of a price file from its header:
 * <ul>
 *   <li>a column {@code instrument}, {@code ticker} or {@code symbol}: long form;</li>
 *   <li>otherwise a column {@code close}, {@code adj_close}, {@code open}, {@code high}, {@code low} or
 *       {@code volume}: one file per ticker, the ticker given or taken from the file name;</li>
 *   <li>otherwise {@code date} first and at least one more column: wide form, one column per ticker.</li>
 * </ul>
 */
final class PriceFormats {

    /** Longest ticker the store holds. */
    static final int MAX_TICKER_LENGTH = 32;

    private static final String[] BAR_COLUMNS = {"close", "adj_close", "open", "high", "low", "volume"};

    private PriceFormats() {
    }

    static RowParser<PriceBar> choose(Header header, Path file, ImportOptions options) {
        if (header.has(LongPriceParser.INSTRUMENT)) {
            return new LongPriceParser(header);
        }
        if (header.has(BAR_COLUMNS)) {
            return new TickerPriceParser(header, ticker(file, options));
        }
        if (header.size() > 1 && header.key(0).equals("date")) {
            return new WidePriceParser(header);
        }
        header.require("date");
        throw new FileFormatException("the header matches no price format " + header.describe()
                + "; expected date,instrument,close (long), date,<ticker>,<ticker>,... (wide) or "
                + "Date,Open,High,Low,Close,Adj Close,Volume (one file per ticker)");
    }

    /** The ticker of a one-file-per-ticker file: the option, else the file name without extension, upper-cased. */
    static String ticker(Path file, ImportOptions options) {
        String given = options.instrumentId();
        String ticker = given != null && !given.isBlank() ? given.strip()
                : file.getFileName().toString().replaceFirst("\\.[^.]*$", "").strip().toUpperCase(Locale.ROOT);
        String reason = InputLimits.checkId(ticker, MAX_TICKER_LENGTH);
        if (reason != null) {
            throw new FileFormatException(ValidationException.quote(ticker) + " cannot be the ticker of this "
                    + "one-instrument file (it " + reason + "); give the ticker (--instrument)");
        }
        return ticker;
    }
}
