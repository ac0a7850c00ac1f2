package com.positionlab.service.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import com.positionlab.service.InputLimits;
import com.positionlab.domain.Side;
import com.positionlab.domain.Trade;

/**
 * Closed trades: {@code strategy,instrument,side,quantity,entry_time,entry_price,exit_time,exit_price}
 * with an optional {@code pnl}. Side is LONG or SHORT (BUY and SELL accepted); quantity and prices are
 * positive; the exit is not before the entry. A missing pnl is computed as
 * {@code quantity * (exit_price - entry_price)} for a long and {@code quantity * (entry_price - exit_price)}
 * for a short, rounded half-up to 2 decimals.
 */
final class TradeRowParser implements RowParser<Trade> {

    private static final int MAX_STRATEGY_LENGTH = 64;
    private static final BigDecimal MAX_PNL = BigDecimal.TEN.pow(15);

    private final int[] columns;
    private final int pnl;

    TradeRowParser(Header header) {
        columns = header.require("strategy", String.join("|", LongPriceParser.INSTRUMENT), "side", "quantity",
                "entry_time", "entry_price", "exit_time", "exit_price");
        pnl = header.indexOf("pnl");
    }

    @Override
    public String format() {
        return "trades";
    }

    @Override
    public List<Trade> parse(Row row) throws RowException {
        String strategy = row.cell(columns[0]).id(MAX_STRATEGY_LENGTH);
        String instrument = row.cell(columns[1]).id(PriceFormats.MAX_TICKER_LENGTH);
        Side side = side(row.cell(columns[2]));
        BigDecimal quantity = row.cell(columns[3]).positiveDecimal();
        LocalDateTime entryTime = row.cell(columns[4]).dateTime();
        double entryPrice = row.cell(columns[5]).positive();
        LocalDateTime exitTime = row.cell(columns[6]).dateTime();
        double exitPrice = row.cell(columns[7]).positive();
        if (exitTime.isBefore(entryTime)) {
            throw row.cell(columns[6]).problem(exitTime + " is before entry_time " + entryTime);
        }
        BigDecimal profit = row.has(pnl) ? row.cell(pnl).decimal()
                : computedPnl(side, quantity, entryPrice, exitPrice);
        if (profit.abs().compareTo(MAX_PNL) >= 0) {
            throw new RowException("pnl: " + InputLimits.show(profit) + " is out of range");
        }
        return List.of(new Trade(strategy, instrument, side, quantity, entryTime, entryPrice, exitTime, exitPrice,
                profit));
    }

    /** Realised profit of a trade in price units times quantity, rounded half-up to cents. */
    static BigDecimal computedPnl(Side side, BigDecimal quantity, double entryPrice, double exitPrice) {
        BigDecimal move = BigDecimal.valueOf(exitPrice).subtract(BigDecimal.valueOf(entryPrice));
        BigDecimal signed = side == Side.LONG ? move : move.negate();
        return quantity.multiply(signed).setScale(2, RoundingMode.HALF_UP);
    }

    private static Side side(Cell cell) throws RowException {
        return switch (cell.required().toUpperCase(Locale.ROOT)) {
            case "LONG", "BUY" -> Side.LONG;
            case "SHORT", "SELL" -> Side.SHORT;
            default -> throw cell.problem(cell.quoted() + " is not LONG, SHORT, BUY or SELL");
        };
    }

    @Override
    public String key(Trade t) {
        return t.strategyId() + " " + t.instrumentId() + " " + t.side() + " " + t.entryTime() + " to "
                + t.exitTime();
    }
}
