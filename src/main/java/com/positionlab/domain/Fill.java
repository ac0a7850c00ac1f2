package com.positionlab.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A trade filled into a portfolio: {@code quantity} units (negative for a sale or a short) at {@code price},
 * for a {@code notional} of {@code |quantity| x price} in the portfolio's currency. A buy debits cash by the
 * notional, a sale or a short credits it.
 */
public record Fill(String portfolioId, String instrumentId, BigDecimal quantity, BigDecimal price,
                   BigDecimal notional) {

    public Fill {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(instrumentId, "instrumentId");
        if (quantity.signum() == 0 || price.signum() <= 0 || notional.signum() < 0) {
            throw new IllegalArgumentException("a fill needs a non-zero quantity, a positive price and a notional "
                    + ">= 0, got " + quantity + " at " + price + " for " + notional);
        }
    }

    /** What the fill does to cash: minus the notional for a buy, plus it for a sale or a short. */
    public BigDecimal cashChange() {
        return quantity.signum() > 0 ? notional.negate() : notional;
    }

    /**
     * The holding after the fill, from what was held ({@code null} for nothing): the quantities add; the
     * average cost is the fill's price for a position opened or flipped by the fill, the quantity-weighted mean
     * when the fill adds to the position (unknown when the earlier cost is unknown), and unchanged when the
     * fill reduces it. Null when the position is closed.
     */
    public Holding applyTo(Holding held) {
        BigDecimal before = held == null ? BigDecimal.ZERO : held.quantity();
        BigDecimal after = before.add(quantity);
        if (after.signum() == 0) {
            return null;
        }
        BigDecimal cost;
        if (before.signum() == 0 || before.signum() != after.signum()) {
            cost = price;
        } else if (before.signum() == quantity.signum()) {
            BigDecimal old = held.averageCost();
            cost = old == null ? null : old.multiply(before.abs()).add(price.multiply(quantity.abs()))
                    .divide(after.abs(), 6, RoundingMode.HALF_EVEN);
        } else {
            cost = held.averageCost();
        }
        return new Holding(portfolioId, instrumentId, after, cost);
    }
}
