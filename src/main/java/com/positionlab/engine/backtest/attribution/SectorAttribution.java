package com.positionlab.engine.backtest.attribution;

/**
 * One sector's Brinson-Fachler effects over a single period, fractions of the portfolio's value (0.001 is
 * 10 basis points of active return). The returns are those the effects used: a side's missing return is the
 * other side's (see {@link SectorInput}).
 *
 * @param sector          the sector's name
 * @param portfolioWeight w_p, the portfolio's weight
 * @param benchmarkWeight w_b, the benchmark's weight
 * @param portfolioReturn r_p, the portfolio's sector return
 * @param benchmarkReturn r_b, the benchmark's sector return
 * @param allocation      (w_p - w_b)(r_b - R_b), R_b being the benchmark's total return
 * @param selection       w_b (r_p - r_b)
 * @param interaction     (w_p - w_b)(r_p - r_b)
 */
public record SectorAttribution(String sector, double portfolioWeight, double benchmarkWeight,
                                double portfolioReturn, double benchmarkReturn, double allocation,
                                double selection, double interaction) {

    /** allocation + selection + interaction: the sector's share of the active return. */
    public double total() {
        return allocation + selection + interaction;
    }
}
