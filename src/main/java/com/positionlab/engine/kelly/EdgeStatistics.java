package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.finite;

/**
 * Edge statistics of a list of closed-trade P&amp;Ls (account currency per trade).
 *
 * <p>A trade with P&amp;L &gt; 0 is a win, &lt; 0 a loss, and exactly 0 a breakeven: a breakeven counts in
 * {@code trades} (and so in the expectancy per trade) but is neither a win nor a loss, and is reported apart
 * ({@link #breakevens}).
 * <ul>
 *   <li>{@code winRate p = wins / (wins + losses)}, the win rate among decisive trades; NaN without any;</li>
 *   <li>{@code averageWin = gross profit / wins}, {@code averageLoss = gross loss / losses} (a positive
 *       magnitude); each 0 when there is no such trade;</li>
 *   <li>{@code payoffRatio b = averageWin / averageLoss}; NaN without losses;</li>
 *   <li>{@code expectancy = sum of P&L / trades} (currency per trade) and {@code expectancyR =
 *       expectancy / averageLoss} (in units of the average loss, "R"); NaN when undefined;</li>
 *   <li>{@code profitFactor = gross profit / gross loss}; +Infinity with profits and no losses, NaN with
 *       neither;</li>
 *   <li>{@code kelly = p - (1 - p) / b} with the reported win rate p and payoff b. This is the exact maximiser
 *       of {@code g(f) = P(win) ln(1 + f b) + P(loss) ln(1 - f)}: a breakeven leaves capital unchanged, so it
 *       does not move the optimum. With wins and no losses the edge cannot be estimated: NaN. With losses and
 *       no wins every stake loses: -Infinity (the limit of the formula as b goes to 0). With no decisive
 *       trade: NaN.</li>
 *   <li>{@code logOptimalKelly}: the fraction that maximises the mean of {@code ln(1 + f r)} over the trades'
 *       P&amp;Ls in units of the average loss ({@link LogOptimalKelly}), so on the same scale as {@code kelly};
 *       it sees the spread of wins and losses that the averages hide. Sizing uses the smaller of the two
 *       ({@link #kellyUsed}).</li>
 * </ul>
 */
public record EdgeStatistics(int trades, int wins, int losses, double winRate, double averageWin,
        double averageLoss, double payoffRatio, double expectancy, double expectancyR, double profitFactor,
        double kelly, double logOptimalKelly) {

    /** The statistics of an empty trade list: counts 0, everything else NaN (averages 0). */
    public static final EdgeStatistics EMPTY = of(new double[0]);

    /** Statistics of the P&amp;Ls; each must be finite. */
    public static EdgeStatistics of(double[] pnl) {
        Tally tally = new Tally();
        for (double x : pnl) {
            finite("pnl", x);
            tally.add(x);
        }
        int wins = tally.wins;
        int losses = tally.losses;
        double grossProfit = tally.grossProfit;
        double grossLoss = tally.grossLoss;
        int n = pnl.length;
        double averageWin = wins == 0 ? 0 : grossProfit / wins;
        double averageLoss = losses == 0 ? 0 : grossLoss / losses;
        double expectancy = n == 0 ? Double.NaN : (grossProfit - grossLoss) / n;
        return new EdgeStatistics(n, wins, losses,
                wins + losses == 0 ? Double.NaN : (double) wins / (wins + losses),
                averageWin,
                averageLoss,
                losses == 0 ? Double.NaN : averageWin / averageLoss,
                expectancy,
                losses == 0 ? Double.NaN : expectancy / averageLoss,
                profitFactor(grossProfit, grossLoss),
                kelly(wins, losses, grossProfit, grossLoss),
                logOptimalKelly(pnl, averageLoss));
    }

    /** {@link LogOptimalKelly} of the P&amp;Ls in units of the average loss; NaN without losses. */
    private static double logOptimalKelly(double[] pnl, double averageLoss) {
        if (!(averageLoss > 0)) {
            return Double.NaN;
        }
        double[] perUnit = new double[pnl.length];
        for (int i = 0; i < pnl.length; i++) {
            perUnit[i] = pnl[i] / averageLoss;
        }
        return LogOptimalKelly.of(perUnit);
    }

    /**
     * The Kelly fraction sizing uses: the smaller of {@code kelly} (p - q/b from the averages) and
     * {@code logOptimalKelly} (the trade list's own), where both are numbers.
     */
    public double kellyUsed() {
        return Double.isNaN(logOptimalKelly) ? kelly : Math.min(kelly, logOptimalKelly);
    }

    /** Number of breakevens (P&amp;L exactly 0): neither wins nor losses. */
    public int breakevens() {
        return trades - wins - losses;
    }

    /**
     * Kelly fraction from counts and gross amounts, by the rules in the class comment: finite with wins and
     * losses, NaN with wins only or no decisive trade, -Infinity with losses only.
     */
    static double kelly(int wins, int losses, double grossProfit, double grossLoss) {
        if (losses == 0) {
            return Double.NaN;
        }
        if (wins == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double p = (double) wins / (wins + losses);
        double b = (grossProfit / wins) / (grossLoss / losses);
        return Kelly.discrete(p, b);
    }

    private static double profitFactor(double grossProfit, double grossLoss) {
        if (grossLoss > 0) {
            return grossProfit / grossLoss;
        }
        return grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
}
