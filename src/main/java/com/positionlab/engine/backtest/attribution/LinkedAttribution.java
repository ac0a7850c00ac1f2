package com.positionlab.engine.backtest.attribution;

import java.util.List;

/**
 * Brinson-Fachler attribution over several periods linked by Carino's method (see {@link CarinoLinking}):
 * the effects add up to the compounded active return R_p - R_b. Fractions throughout.
 *
 * @param periods         each period's attribution with its effects scaled by k_t / k (weights and returns as
 *                        they were)
 * @param sectors         each sector's linked effects summed over the periods, in order of first appearance
 * @param portfolioReturn R_p, the portfolio's compounded return, prod(1 + R_p,t) - 1
 * @param benchmarkReturn R_b, the benchmark's compounded return
 * @param allocation      the linked allocation effects summed over periods and sectors
 * @param selection       the linked selection effects summed over periods and sectors
 * @param interaction     the linked interaction effects summed over periods and sectors
 */
public record LinkedAttribution(List<BrinsonAttribution> periods, List<SectorEffects> sectors,
                                double portfolioReturn, double benchmarkReturn, double allocation,
                                double selection, double interaction) {

    public LinkedAttribution {
        periods = List.copyOf(periods);
        sectors = List.copyOf(sectors);
    }

    /** R_p - R_b of the compounded returns: what the linked effects add up to. */
    public double activeReturn() {
        return portfolioReturn - benchmarkReturn;
    }

    /** One sector's linked effects summed over the periods. */
    public record SectorEffects(String sector, double allocation, double selection, double interaction) {

        /** allocation + selection + interaction. */
        public double total() {
            return allocation + selection + interaction;
        }
    }
}
