package com.positionlab.engine.backtest.attribution;

import java.util.List;

/**
 * A single period's Brinson-Fachler attribution: the per-sector effects and their totals, fractions. The
 * three totals add up to the active return R_p - R_b (to rounding).
 *
 * @param sectors         one row per sector, in input order
 * @param portfolioReturn R_p = sum of w_p r_p
 * @param benchmarkReturn R_b = sum of w_b r_b
 * @param allocation      the sum of the sectors' allocation effects
 * @param selection       the sum of the sectors' selection effects
 * @param interaction     the sum of the sectors' interaction effects
 */
public record BrinsonAttribution(List<SectorAttribution> sectors, double portfolioReturn, double benchmarkReturn,
                                 double allocation, double selection, double interaction) {

    public BrinsonAttribution {
        sectors = List.copyOf(sectors);
    }

    /** R_p - R_b, the arithmetic active return. */
    public double activeReturn() {
        return portfolioReturn - benchmarkReturn;
    }
}
