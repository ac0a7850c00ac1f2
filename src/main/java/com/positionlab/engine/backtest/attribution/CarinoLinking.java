package com.positionlab.engine.backtest.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.engine.InvalidParameterException;

/**
 * Carino's logarithmic linking of arithmetic attribution effects over periods (Carino 1999, "Combining
 * attribution effects over time", Journal of Performance Measurement; Bacon 2008, section 8.2). Each period's
 * effects are multiplied by k_t / k, with
 * <pre>
 *   k_t = (ln(1 + R_p,t) - ln(1 + R_b,t)) / (R_p,t - R_b,t),   1 / (1 + R_p,t) when R_p,t = R_b,t
 *   k   = (ln(1 + R_p) - ln(1 + R_b)) / (R_p - R_b),           R_p = prod(1 + R_p,t) - 1, likewise R_b
 * </pre>
 * Since k_t (R_p,t - R_b,t) = ln(1 + R_p,t) - ln(1 + R_b,t), the logarithms add over the periods and the
 * scaled effects sum to R_p - R_b exactly, provided each period's effects sum to that period's R_p,t - R_b,t
 * (Brinson-Fachler's do).
 */
public final class CarinoLinking {

    private CarinoLinking() {
    }

    /**
     * Carino's k for a portfolio return a and a benchmark return b (fractions above -1). Computed as
     * ln(1 + x) / x / (1 + b) with x = (a - b) / (1 + b), which is the formula above and tends to its
     * equal-returns value 1 / (1 + a) without cancellation when a and b are close.
     */
    public static double coefficient(double portfolioReturn, double benchmarkReturn) {
        checkReturn("portfolio_return", portfolioReturn);
        checkReturn("benchmark_return", benchmarkReturn);
        double x = (portfolioReturn - benchmarkReturn) / (1 + benchmarkReturn);
        double logRatio = x == 0 ? 1 : Math.log1p(x) / x;
        return logRatio / (1 + benchmarkReturn);
    }

    /**
     * Each period's effects scaled by k_t / k: {@code effects[t][j]} is effect j (allocation, a sector's
     * selection, ...) in period t; the answer has the same shape.
     *
     * @param portfolioReturns R_p,t per period, fractions above -1
     * @param benchmarkReturns R_b,t per period, fractions above -1
     */
    public static double[][] link(double[][] effects, double[] portfolioReturns, double[] benchmarkReturns) {
        double[] scale = scales(portfolioReturns, benchmarkReturns);
        if (effects == null || effects.length != scale.length) {
            throw new InvalidParameterException("effects", "need one row per period (" + scale.length
                    + "), got " + (effects == null ? 0 : effects.length));
        }
        double[][] linked = new double[effects.length][];
        for (int t = 0; t < effects.length; t++) {
            linked[t] = new double[effects[t].length];
            for (int j = 0; j < effects[t].length; j++) {
                linked[t][j] = effects[t][j] * scale[t];
            }
        }
        return linked;
    }

    /** Links single-period Brinson-Fachler attributions, oldest first; a sector may be missing from a period. */
    public static LinkedAttribution link(List<BrinsonAttribution> periods) {
        if (periods == null || periods.isEmpty()) {
            throw new InvalidParameterException("periods", "need at least 1 period, got 0");
        }
        double[] rp = new double[periods.size()];
        double[] rb = new double[periods.size()];
        for (int t = 0; t < rp.length; t++) {
            rp[t] = periods.get(t).portfolioReturn();
            rb[t] = periods.get(t).benchmarkReturn();
        }
        double[] scale = scales(rp, rb);
        List<BrinsonAttribution> scaled = new ArrayList<>(periods.size());
        Map<String, double[]> bySector = new LinkedHashMap<>();
        double[] totals = new double[3];
        for (int t = 0; t < rp.length; t++) {
            BrinsonAttribution p = scaled(periods.get(t), scale[t]);
            scaled.add(p);
            for (SectorAttribution s : p.sectors()) {
                double[] sum = bySector.computeIfAbsent(s.sector(), k -> new double[3]);
                sum[0] += s.allocation();
                sum[1] += s.selection();
                sum[2] += s.interaction();
            }
            totals[0] += p.allocation();
            totals[1] += p.selection();
            totals[2] += p.interaction();
        }
        List<LinkedAttribution.SectorEffects> sectors = new ArrayList<>(bySector.size());
        bySector.forEach((name, sum) -> sectors.add(new LinkedAttribution.SectorEffects(name, sum[0], sum[1],
                sum[2])));
        return new LinkedAttribution(scaled, sectors, compound(rp), compound(rb), totals[0], totals[1], totals[2]);
    }

    /** k_t / k for every period. */
    private static double[] scales(double[] portfolioReturns, double[] benchmarkReturns) {
        checkReturns("portfolio_returns", portfolioReturns);
        checkReturns("benchmark_returns", benchmarkReturns);
        if (portfolioReturns.length != benchmarkReturns.length) {
            throw new InvalidParameterException("benchmark_returns", "need one per period ("
                    + portfolioReturns.length + "), got " + benchmarkReturns.length);
        }
        double k = coefficient(compound(portfolioReturns), compound(benchmarkReturns));
        double[] scale = new double[portfolioReturns.length];
        for (int t = 0; t < scale.length; t++) {
            scale[t] = coefficient(portfolioReturns[t], benchmarkReturns[t]) / k;
        }
        return scale;
    }

    private static BrinsonAttribution scaled(BrinsonAttribution p, double scale) {
        List<SectorAttribution> rows = new ArrayList<>(p.sectors().size());
        for (SectorAttribution s : p.sectors()) {
            rows.add(new SectorAttribution(s.sector(), s.portfolioWeight(), s.benchmarkWeight(),
                    s.portfolioReturn(), s.benchmarkReturn(), s.allocation() * scale, s.selection() * scale,
                    s.interaction() * scale));
        }
        return new BrinsonAttribution(rows, p.portfolioReturn(), p.benchmarkReturn(), p.allocation() * scale,
                p.selection() * scale, p.interaction() * scale);
    }

    private static double compound(double[] returns) {
        double growth = 1;
        for (double r : returns) {
            growth *= 1 + r;
        }
        return growth - 1;
    }

    private static void checkReturns(String field, double[] returns) {
        if (returns == null || returns.length == 0) {
            throw new InvalidParameterException(field, "need at least 1 period, got 0");
        }
        for (int t = 0; t < returns.length; t++) {
            if (!(returns[t] > -1) || Double.isInfinite(returns[t])) {
                throw new InvalidParameterException(field, "period " + (t + 1) + " is " + returns[t]
                        + "; every return must be a finite number above -1");
            }
        }
    }

    private static void checkReturn(String field, double r) {
        if (!(r > -1) || Double.isInfinite(r)) {
            throw new InvalidParameterException(field, "must be a finite number above -1, got " + r);
        }
    }
}
