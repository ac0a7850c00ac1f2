package com.positionlab.engine.sim.growth;

/**
 * Wealth percentiles across paths after {@code bet} bets: one time point of the fan chart.
 *
 * @param bet    number of bets placed, from 0 (the initial capital) to the request's {@code bets}
 * @param wealth the percentiles of wealth at that time, in the unit of the initial capital
 */
public record WealthBand(int bet, Percentiles wealth) {
}
