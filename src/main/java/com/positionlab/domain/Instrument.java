package com.positionlab.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable instrument.
 *
 * @param id       ticker, unique in the workspace (for example {@code AAPL})
 * @param name     display name
 * @param sector   sector used for allocation and sector limits
 * @param currency ISO 4217 code of the prices
 * @param lotSize  smallest tradable quantity step, positive
 * @param esgScore ESG score on a 0-100 scale, or {@code null} when unknown
 */
public record Instrument(String id, String name, String sector, String currency, BigDecimal lotSize,
                         Double esgScore) {

    /** Sector given to instruments that arrive by import without one. */
    public static final String UNCLASSIFIED = "Unclassified";

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(lotSize, "lotSize");
    }

    /** An instrument known only by its ticker, as created by a price or trade import. */
    public static Instrument unclassified(String id) {
        return new Instrument(id, id, UNCLASSIFIED, "USD", BigDecimal.ONE, null);
    }
}
