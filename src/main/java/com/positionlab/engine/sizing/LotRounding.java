package com.positionlab.engine.sizing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A weight as whole lots, rounded down, and its notional at the currency's minor unit. */
final class LotRounding {

    /** Units (whole lots), their notional, and the weight of that notional in equity. */
    record Lots(BigDecimal units, BigDecimal notional, double weight) {
    }

    private LotRounding() {
    }

    static Lots round(SizingContext c, double w) {
        SizingSpec.Trade trade = c.trade;
        BigDecimal lot = trade.lotSize();
        BigDecimal units = BigDecimal.ZERO;
        if (w > 0) {
            BigDecimal exact = BigDecimal.valueOf(w * trade.equity() / trade.entryPrice());
            units = exact.divide(lot, 0, RoundingMode.FLOOR).multiply(lot);
            c.details.unitsBeforeRounding = exact.setScale(6, RoundingMode.HALF_EVEN).doubleValue();
            if (units.signum() == 0) {
                c.noPosition("smaller than one lot of " + lot.stripTrailingZeros().toPlainString() + " units");
            }
        }
        units = plain(units);
        BigDecimal notional = units.multiply(BigDecimal.valueOf(trade.entryPrice())).setScale(2, RoundingMode.HALF_EVEN);
        return new Lots(units, notional, notional.doubleValue() / trade.equity());
    }

    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
