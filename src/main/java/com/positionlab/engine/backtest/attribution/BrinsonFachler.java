package com.positionlab.engine.backtest.attribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.positionlab.engine.InvalidParameterException;

/**
 * Brinson-Fachler attribution of one period's active return by sector (Brinson and Fachler 1985; Bacon,
 * <i>Practical Portfolio Performance Measurement and Attribution</i>, 2008, chapter 5). With sector weights
 * w_p, w_b and sector returns r_p, r_b (fractions), R_p = sum w_p r_p and R_b = sum w_b r_b:
 * <pre>
 *   allocation_i  = (w_p,i - w_b,i)(r_b,i - R_b)
 *   selection_i   = w_b,i (r_p,i - r_b,i)
 *   interaction_i = (w_p,i - w_b,i)(r_p,i - r_b,i)
 * </pre>
 * and the three effects summed over the sectors equal R_p - R_b, because each side's weights sum to 1.
 *
 * <p>Each side's weights must sum to 1 within {@link #WEIGHT_SUM_TOLERANCE}; they are then divided by their sum
 * so that the identity holds to rounding. A sector one side does not hold is treated as {@link SectorInput}
 * describes.
 */
public final class BrinsonFachler {

    /** How far each side's weights may sum from 1 before the input is refused. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private BrinsonFachler() {
    }

    /** The effects of each sector and their totals; sectors' names must be unique. */
    public static BrinsonAttribution attribute(List<SectorInput> sectors) {
        if (sectors == null || sectors.isEmpty()) {
            throw new InvalidParameterException("sectors", "need at least 1 sector, got 0");
        }
        Set<String> names = new HashSet<>();
        double portfolioSum = 0;
        double benchmarkSum = 0;
        for (SectorInput s : sectors) {
            if (!names.add(s.sector())) {
                throw new InvalidParameterException("sectors", "sector " + s.sector() + " appears twice");
            }
            portfolioSum += s.portfolioWeight();
            benchmarkSum += s.benchmarkWeight();
        }
        checkSum("portfolio_weights", portfolioSum);
        checkSum("benchmark_weights", benchmarkSum);

        double portfolioReturn = 0;
        double benchmarkReturn = 0;
        for (SectorInput s : sectors) {
            portfolioReturn += s.portfolioWeight() / portfolioSum * s.effectivePortfolioReturn();
            benchmarkReturn += s.benchmarkWeight() / benchmarkSum * s.effectiveBenchmarkReturn();
        }
        List<SectorAttribution> rows = new ArrayList<>(sectors.size());
        double allocation = 0;
        double selection = 0;
        double interaction = 0;
        for (SectorInput s : sectors) {
            SectorAttribution row = row(s, s.portfolioWeight() / portfolioSum, s.benchmarkWeight() / benchmarkSum,
                    benchmarkReturn);
            rows.add(row);
            allocation += row.allocation();
            selection += row.selection();
            interaction += row.interaction();
        }
        return new BrinsonAttribution(rows, portfolioReturn, benchmarkReturn, allocation, selection, interaction);
    }

    private static SectorAttribution row(SectorInput s, double wp, double wb, double benchmarkTotal) {
        double rp = s.effectivePortfolioReturn();
        double rb = s.effectiveBenchmarkReturn();
        double active = wp - wb;
        return new SectorAttribution(s.sector(), wp, wb, rp, rb, active * (rb - benchmarkTotal), wb * (rp - rb),
                active * (rp - rb));
    }

    private static void checkSum(String field, double sum) {
        if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) {
            throw new InvalidParameterException(field, "must sum to 1 (within " + WEIGHT_SUM_TOLERANCE
                    + "), got " + sum);
        }
    }
}
