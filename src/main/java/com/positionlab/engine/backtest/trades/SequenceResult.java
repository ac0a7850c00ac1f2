package com.positionlab.engine.backtest.trades;

import java.util.List;
import java.util.Objects;

/**
 * A replay of one rule over a trade sequence.
 *
 * @param rule            the rule
 * @param settings        initial capital and cost
 * @param steps           one per trade, in exit order
 * @param equityCurve     {@code E_0 = initialCapital, E_1, ..., E_n}: the equity after each trade (n + 1 values)
 * @param finalEquity     {@code E_n}, account currency
 * @param wins            trades with a positive P&amp;L
 * @param hitRate         {@code wins / trades}; NaN without trades
 * @param maxDrawdown     the largest {@code 1 - E_k / max(E_0..E_k)} over the curve, a fraction (0 when equity
 *                        never falls; above 1 when it goes below zero)
 * @param averageFraction the mean of {@code f_k} over all trades (unsized ones count as 0); NaN without trades
 */
public record SequenceResult(SizingRule rule, SequenceSettings settings, List<TradeStep> steps,
        double[] equityCurve, double finalEquity, int wins, double hitRate, double maxDrawdown,
        double averageFraction) {

    public SequenceResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(settings, "settings");
        steps = List.copyOf(steps);
        equityCurve = equityCurve.clone();
    }

    /** The summary of {@code steps}, replayed from {@code settings.initialCapital()}. */
    static SequenceResult of(SizingRule rule, SequenceSettings settings, List<TradeStep> steps) {
        int n = steps.size();
        double[] curve = new double[n + 1];
        curve[0] = settings.initialCapital();
        double peak = curve[0];
        double maxDrawdown = 0;
        int wins = 0;
        double fractions = 0;
        for (int k = 0; k < n; k++) {
            TradeStep s = steps.get(k);
            curve[k + 1] = s.equityAfter();
            peak = Math.max(peak, s.equityAfter());
            maxDrawdown = Math.max(maxDrawdown, 1 - s.equityAfter() / peak);
            wins += s.isWin() ? 1 : 0;
            fractions += s.fraction();
        }
        return new SequenceResult(rule, settings, steps, curve, curve[n], wins,
                n == 0 ? Double.NaN : (double) wins / n, maxDrawdown, n == 0 ? Double.NaN : fractions / n);
    }

    @Override
    public double[] equityCurve() {
        return equityCurve.clone();
    }

    /** Number of trades replayed. */
    public int trades() {
        return steps.size();
    }

    /** {@code finalEquity / initialCapital - 1}, a fraction. */
    public double totalReturn() {
        return finalEquity / settings.initialCapital() - 1;
    }
}
