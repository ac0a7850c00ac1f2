package com.positionlab.engine.backtest.trades;

import java.util.Objects;

/**
 * How much of a rule's result came from how it varied its sizes. The same trades are replayed with every trade
 * at the rule's average fraction {@code f_bar} (a {@link FixedFractionRule}, same capital and cost), so both runs
 * carry the same exposure on average; what differs is only which trades got more of it:
 * {@code fromSizing = chosen.totalReturn() - equalSize.totalReturn()}. Positive means the chosen sizes (larger
 * where the rule expected more, smaller in drawdowns) beat spreading the same average evenly.
 *
 * <p>It is a difference of total returns on one path, not a risk-adjusted or significant figure: it mixes the
 * rule's skill with the luck of which trades happened to be large, and because both runs compound, the same
 * {@code f_bar} is not the same capital in account currency.
 *
 * @param chosen    the rule's replay
 * @param equalSize the replay of the same trades at {@code chosen.averageFraction()} each
 */
public record SizingAttribution(SequenceResult chosen, SequenceResult equalSize) {

    public SizingAttribution {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(equalSize, "equalSize");
    }

    /** {@code f_bar}, the fraction every trade of the equal-size replay gets. */
    public double averageFraction() {
        return chosen.averageFraction();
    }

    /** The chosen sizes' total return less the equal sizes' total return, a fraction. */
    public double fromSizing() {
        return chosen.totalReturn() - equalSize.totalReturn();
    }
}
