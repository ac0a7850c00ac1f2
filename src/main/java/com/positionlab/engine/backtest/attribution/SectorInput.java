package com.positionlab.engine.backtest.attribution;

import com.positionlab.engine.InvalidParameterException;

/**
 * One sector's weights and returns over a single period, the input of {@link BrinsonFachler}. Weights and
 * returns are fractions; each side's weights sum to 1 across the sectors.
 *
 * <p>A sector that one side does not hold has weight 0 on that side, and that side's return may be left out
 * (NaN: {@link #benchmarkOnly} and {@link #portfolioOnly} do this). It contributes w r = 0 to that side's total
 * either way; for the effects the missing return is taken from the other side:
 * <ul>
 * <li>held only by the benchmark, r_p := r_b: selection and interaction are 0, and the effect of leaving the
 * sector out, -w_b (r_b - R_b), is all allocation;</li>
 * <li>held only by the portfolio, r_b := r_p: the effect of holding an off-benchmark sector, w_p (r_p - R_b), is
 * all allocation.</li>
 * </ul>
 *
 * @param sector          the sector's name, unique within one attribution
 * @param portfolioWeight the portfolio's weight in the sector, 0 or more
 * @param benchmarkWeight the benchmark's weight in the sector, 0 or more
 * @param portfolioReturn the return of the portfolio's holdings in the sector; NaN when the portfolio holds none
 * @param benchmarkReturn the return of the benchmark's sector; NaN when the benchmark holds none
 */
public record SectorInput(String sector, double portfolioWeight, double benchmarkWeight, double portfolioReturn,
                          double benchmarkReturn) {

    public SectorInput {
        if (sector == null || sector.isBlank()) {
            throw new InvalidParameterException("sector", "is required");
        }
        weight("portfolio_weight", sector, portfolioWeight);
        weight("benchmark_weight", sector, benchmarkWeight);
        sideReturn("portfolio_return", sector, portfolioWeight, portfolioReturn);
        sideReturn("benchmark_return", sector, benchmarkWeight, benchmarkReturn);
        if (Double.isNaN(portfolioReturn) && Double.isNaN(benchmarkReturn)) {
            throw new InvalidParameterException("benchmark_return", "sector " + sector
                    + " needs a return on at least one side");
        }
    }

    /** A sector the portfolio does not hold. */
    public static SectorInput benchmarkOnly(String sector, double benchmarkWeight, double benchmarkReturn) {
        return new SectorInput(sector, 0, benchmarkWeight, Double.NaN, benchmarkReturn);
    }

    /** A sector outside the benchmark. */
    public static SectorInput portfolioOnly(String sector, double portfolioWeight, double portfolioReturn) {
        return new SectorInput(sector, portfolioWeight, 0, portfolioReturn, Double.NaN);
    }

    /** The portfolio's sector return, the benchmark's where the portfolio's is left out. */
    double effectivePortfolioReturn() {
        return Double.isNaN(portfolioReturn) ? benchmarkReturn : portfolioReturn;
    }

    /** The benchmark's sector return, the portfolio's where the benchmark's is left out. */
    double effectiveBenchmarkReturn() {
        return Double.isNaN(benchmarkReturn) ? portfolioReturn : benchmarkReturn;
    }

    private static void weight(String field, String sector, double w) {
        if (!Double.isFinite(w) || w < 0) {
            throw new InvalidParameterException(field, "sector " + sector
                    + ": must be a finite number, 0 or more, got " + w);
        }
    }

    private static void sideReturn(String field, String sector, double weight, double r) {
        if (Double.isInfinite(r) || (Double.isNaN(r) && weight != 0)) {
            throw new InvalidParameterException(field, "sector " + sector + " has weight " + weight
                    + " and needs a finite return, got " + r);
        }
    }
}
