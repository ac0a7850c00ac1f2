package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.finite;
import static com.positionlab.engine.InvalidParameterException.positive;

import java.util.List;
import java.util.Objects;

import com.positionlab.engine.InvalidParameterException;

/**
 * Everything {@link PositionSizer} needs to turn a Kelly fraction into a position.
 *
 * @param basis                 raw Kelly fraction, or the fixed fallback fraction with its reason
 * @param policy                Kelly cap and fractional-Kelly multiplier; its position bounds are replaced by
 *                              the tier's
 * @param adjustments           performance adjustments (drawdown, recent performance, volatility, ...) whose
 *                              multipliers are multiplied together
 * @param conviction            the trader's conviction
 * @param convictionMultipliers multiplier per conviction level
 * @param tier                  position bounds and whether HIGH conviction is allowed
 * @param balance               account balance, account currency, positive
 * @param price                 instrument price per unit, account currency, positive
 * @param minimumNotional       the exchange's minimum trade size as a notional in account currency, &gt;= 0
 */
public record SizingRequest(SizingBasis basis, KellyPolicy policy, List<Adjustment> adjustments,
        Conviction conviction, ConvictionMultipliers convictionMultipliers, Tier tier, double balance,
        double price, double minimumNotional) {

    public SizingRequest {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(conviction, "conviction");
        Objects.requireNonNull(convictionMultipliers, "convictionMultipliers");
        Objects.requireNonNull(tier, "tier");
        adjustments = List.copyOf(adjustments);
        positive("balance", balance);
        positive("price", price);
        finite("minimum_trade_size", minimumNotional);
        if (minimumNotional < 0) {
            throw new InvalidParameterException("minimum_trade_size", "must not be negative, got " + minimumNotional);
        }
    }
}
