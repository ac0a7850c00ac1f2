package com.positionlab.service.optimize;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whole units per ticker (negative for shorts), the cash left over (long book, short book, total), the RMSE
 * between target and achieved weights (PyPortfolioOpt's definition), the exact method's total deviation from
 * the target values and its status, and the trades from the current units.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocateResponse(String method, Map<String, Long> allocation, double leftover, double longLeftover,
                               double shortLeftover, double rmse, Double deviation, String status,
                               List<TradeOut> trades, AllocateRequest request) {

    /** One trade: from and to units, the quantity (units, positive) and side, and its value at the latest price. */
    public record TradeOut(String ticker, long fromUnits, long toUnits, long quantity, String side, double notional) {
    }
}
