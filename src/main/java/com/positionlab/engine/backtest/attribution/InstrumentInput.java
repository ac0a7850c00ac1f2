package com.positionlab.engine.backtest.attribution;

import com.positionlab.engine.InvalidParameterException;

/**
 * One instrument's weights and return over a period, with the sector it belongs to: the input of
 * {@link SectorInputs#fromInstruments}. Fractions throughout.
 *
 * @param instrument      the instrument's identifier, unique within one attribution
 * @param sector          the sector label
 * @param portfolioWeight the portfolio's weight in the instrument, 0 or more
 * @param benchmarkWeight the benchmark's weight in the instrument, 0 or more
 * @param periodReturn    the instrument's return over the period
 */
public record InstrumentInput(String instrument, String sector, double portfolioWeight, double benchmarkWeight,
                              double periodReturn) {

    public InstrumentInput {
        if (instrument == null || instrument.isBlank()) {
            throw new InvalidParameterException("instrument", "is required");
        }
        if (sector == null || sector.isBlank()) {
            throw new InvalidParameterException("sector", "instrument " + instrument + " needs a sector");
        }
        weight("portfolio_weight", instrument, portfolioWeight);
        weight("benchmark_weight", instrument, benchmarkWeight);
        if (!Double.isFinite(periodReturn)) {
            throw new InvalidParameterException("return", "instrument " + instrument
                    + ": must be a finite number, got " + periodReturn);
        }
    }

    private static void weight(String field, String instrument, double w) {
        if (!Double.isFinite(w) || w < 0) {
            throw new InvalidParameterException(field, "instrument " + instrument
                    + ": must be a finite number, 0 or more, got " + w);
        }
    }
}
