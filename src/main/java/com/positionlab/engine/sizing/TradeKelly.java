package com.positionlab.engine.sizing;

import com.positionlab.engine.kelly.Kelly;

/**
 * A trade's own discrete Kelly, from its stop, target and win probability: it wins
 * {@code b = (target - entry) / (entry - stop)} units of risk (mirrored for a short) with probability p and
 * loses one unit of risk otherwise, so {@code f* = p - (1 - p) / b} is the share of equity to put at risk to
 * the stop.
 *
 * @param winProbability p
 * @param rewardToRisk   b: the reward at the target in units of the risk to the stop (the target's R multiple)
 * @param kelly          f*, the share of equity at risk to the stop
 * @param riskPerUnit    |entry - stop|, the loss per unit at the stop
 */
public record TradeKelly(double winProbability, double rewardToRisk, double kelly, double riskPerUnit) {

    /** The trade's Kelly, or null when the trade lacks a stop, a target or a win probability. */
    static TradeKelly of(SizingSpec.Trade t) {
        if (Double.isNaN(t.stopPrice()) || Double.isNaN(t.targetPrice()) || Double.isNaN(t.winProbability())) {
            return null;
        }
        double risk = Math.abs(t.entryPrice() - t.stopPrice());
        double reward = t.direction() * (t.targetPrice() - t.entryPrice());
        if (!(risk > 0) || !(reward > 0)) {
            return null;
        }
        double b = reward / risk;
        return new TradeKelly(t.winProbability(), b, Kelly.discrete(t.winProbability(), b), risk);
    }

    /** The weight of equity that puts {@code riskFraction} of equity at risk to the stop. */
    double weightFor(double riskFraction, double entryPrice) {
        return riskFraction * entryPrice / riskPerUnit;
    }
}
