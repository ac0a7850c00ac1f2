package com.positionlab.engine.optimize.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/** Requests outside their domain are refused with the field named; trades move holdings to targets. */
class AllocationInputsTest {

    private static final Map<String, Double> PRICES = Map.of("A", 10.0, "B", 20.0);

    private static void rejected(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(field + ":");
    }

    @Test
    void invalidRequestsNameTheirField() {
        Map<String, Double> nan = new HashMap<>(Map.of("A", 0.5));
        nan.put("B", Double.NaN);
        rejected(() -> AllocationRequest.of(nan, PRICES, 1000), "weights");
        rejected(() -> AllocationRequest.of(Map.of("A", 0.0, "B", 1e-13), PRICES, 1000), "weights");
        rejected(() -> AllocationRequest.of(Map.of("A", 1e3), PRICES, 1000), "weights");
        rejected(() -> AllocationRequest.of(Map.of("A", 0.5, "C", 0.5), PRICES, 1000), "prices");
        rejected(() -> AllocationRequest.of(Map.of("A", 1.0), Map.of("A", 0.0), 1000), "prices");
        rejected(() -> AllocationRequest.of(Map.of("A", 1.0), Map.of("A", -3.0), 1000), "prices");
        rejected(() -> AllocationRequest.of(Map.of("A", 1.0), Map.of("A", 1e-9), 1e9), "prices");
        rejected(() -> AllocationRequest.of(Map.of("A", 1.0), PRICES, -1), "total_value");
        rejected(() -> AllocationRequest.of(Map.of("A", 1.0), PRICES, Double.POSITIVE_INFINITY), "total_value");
        rejected(() -> AllocationRequest.of(Map.of("A", 1.0), PRICES, 1000).withLotSizes(Map.of("A", 0)), "lot_sizes");
        rejected(() -> AllocationRequest.of(Map.of("A", 1.0), PRICES, 1000).withShortRatio(-0.1), "short_ratio");
        rejected(() -> AllocationRequest.of(null, PRICES, 1000), "weights");
    }

    @Test
    void aZeroValueAllocatesNothing() {
        AllocationRequest r = AllocationRequest.of(Map.of("A", 1.0), PRICES, 0);
        assertThat(GreedyAllocator.allocate(r).units()).isEmpty();
        assertThat(ExactAllocator.allocate(r, java.time.Duration.ofSeconds(1)).allocation().units()).isEmpty();
    }

    @Test
    void tradesSellFirstThenBuyAndCloseWhatTheTargetDrops() {
        Map<String, Long> current = Map.of("AAPL", 10L, "MSFT", 5L, "XOM", -20L, "GE", 7L);
        Map<String, Long> target = Map.of("AAPL", 4L, "MSFT", 5L, "XOM", 10L, "PFE", 30L, "BAC", -15L);
        List<Trade> trades = Trades.between(current, target);
        assertThat(trades).containsExactly(new Trade("AAPL", 10, 4), new Trade("BAC", 0, -15),
                new Trade("GE", 7, 0), new Trade("PFE", 0, 30), new Trade("XOM", -20, 10));
        assertThat(trades.get(0).quantity()).isEqualTo(-6);
        assertThat(trades.get(0).side()).isEqualTo(Trade.Side.SELL);
        assertThat(trades.get(4).quantity()).isEqualTo(30);
        assertThat(trades.get(4).reverses()).isTrue();
        assertThat(trades.get(3).notional(12.5)).isEqualTo(375);
        assertThat(Trades.between(Map.of(), Map.of())).isEmpty();
        rejected(() -> Trades.between(null, target), "current_units");
    }
}
