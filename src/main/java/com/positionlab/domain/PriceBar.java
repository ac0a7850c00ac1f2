package com.positionlab.domain;

import java.time.LocalDate;

/**
 * One daily price of an instrument. {@code high}, {@code low} and {@code volume} are optional.
 * The adjusted close is the price that returns are computed from.
 */
public record PriceBar(String instrumentId, LocalDate date, double close, double adjClose, Double high,
                       Double low, Long volume) {

    public static PriceBar close(String instrumentId, LocalDate date, double close) {
        return new PriceBar(instrumentId, date, close, close, null, null, null);
    }
}
