package com.positionlab.service.sizing;

import java.util.List;
import java.util.Map;

import com.positionlab.domain.Side;
import com.positionlab.engine.sizing.SizingSpec;

/** A request after validation, with the stored rule merged in and every default resolved. */
record ResolvedRequest(String decisionId, String instrumentId, Side side, String sector, String currency,
                       double equity, List<Position> holdings, Map<String, double[]> returnHistory, String ruleId,
                       SizingSpec spec) {

    /** One other holding: signed quantity, price per unit, sector, strategy. */
    record Position(String instrumentId, double quantity, double price, String sector, String strategyId) {
    }
}
