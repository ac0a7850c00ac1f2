package com.positionlab.engine.optimize.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The greedy allocation on small problems worked by hand: lots, shorts, nothing affordable, round 2's limits. */
class GreedyAllocatorTest {

    /** Cash is subtracted lot by lot, so leftovers carry a few ulps of the book value. */
    private static final double CASH = 1e-9;

    @Test
    void lotsOfAHundredBuyWholeLotsAndLeaveWhatNoLotFits() {
        // A: 6000 / 10 = 600 units = 6 lots; B: 4000 / 25 = 160 units = 1 lot. 1500 left; B is short of its
        // weight but a lot of B costs 2500, and A is over its weight: stop.
        AllocationRequest r = AllocationRequest.of(Map.of("A", 0.6, "B", 0.4), Map.of("A", 10.0, "B", 25.0), 10_000)
                .withLotSizes(Map.of("A", 100, "B", 100));
        Allocation a = GreedyAllocator.allocate(r);
        assertThat(a.units()).containsExactly(entry("A", 600L), entry("B", 100L));
        assertThat(a.leftover()).isCloseTo(1500, within(CASH));
    }

    @Test
    void shortsAreAllocatedFromTheShortRatioAndLongsFromTheValue() {
        // Long book 1000 on A 2/3, B 1/3: 66 A (660), 16 B (320), then B's deficit buys a 17th B for the last 20.
        // Short book 1000 x 0.2 = 200 on C: 40 units.
        Map<String, Double> w = ordered("A", 0.8, "B", 0.4, "C", -0.2);
        Map<String, Double> p = Map.of("A", 10.0, "B", 20.0, "C", 5.0);
        AllocationRequest r = AllocationRequest.of(w, p, 1000);
        assertThat(r.shortRatio()).isCloseTo(0.2, within(1e-15));
        Allocation a = GreedyAllocator.allocate(r);
        assertThat(a.units()).containsExactly(entry("A", 66L), entry("B", 17L), entry("C", -40L));
        assertThat(a.longLeftover()).isCloseTo(0, within(CASH));
        assertThat(a.shortLeftover()).isCloseTo(0, within(CASH));
        // Reinvested, the long book has 1200: exactly 80 A and 20 B.
        Allocation reinvested = GreedyAllocator.allocate(r.withReinvest(true));
        assertThat(reinvested.units()).containsExactly(entry("A", 80L), entry("B", 20L), entry("C", -40L));
    }

    @Test
    void nothingAffordableLeavesTheWholeValue() {
        Allocation a = GreedyAllocator.allocate(AllocationRequest.of(Map.of("A", 0.5, "B", 0.5),
                Map.of("A", 300.0, "B", 400.0), 250));
        assertThat(a.units()).isEmpty();
        assertThat(a.leftover()).isEqualTo(250);
        Allocation lots = GreedyAllocator.allocate(AllocationRequest.of(Map.of("A", 1.0), Map.of("A", 150.0), 10_000)
                .withLotSizes(Map.of("A", 100)));
        assertThat(lots.units()).isEmpty();
        assertThat(lots.leftover()).isEqualTo(10_000);
    }

    @Test
    void roundTwoStartsFromTheLargestWeightWhenRoundOneBoughtNothing() {
        // 70 / 80 and 30 / 50 buy no whole unit; round 2 buys A (80), then B (50) no longer fits the 20 left.
        Allocation a = GreedyAllocator.allocate(AllocationRequest.of(ordered("A", 0.7, "B", 0.3),
                Map.of("A", 80.0, "B", 50.0), 100));
        assertThat(a.units()).containsExactly(entry("A", 1L));
        assertThat(a.leftover()).isEqualTo(20);
    }

    @Test
    void roundTwoGivesUpAfterTheTenLargestDeficitsAreUnaffordable() {
        // Round 1 buys nothing; round 2 buys one E0 (6000). Then the other expensive tickers, each 6000 > 4000, hold
        // the largest deficits. With ten of them upstream's search stops before the cheap ticker; with nine it
        // reaches it and buys one (250).
        Allocation eleven = GreedyAllocator.allocate(expensiveAndCheap(11));
        assertThat(eleven.units()).containsExactly(entry("E0", 1L));
        assertThat(eleven.leftover()).isEqualTo(4000);
        Allocation ten = GreedyAllocator.allocate(expensiveAndCheap(10));
        assertThat(ten.units()).containsExactly(entry("E0", 1L), entry("CHEAP", 1L));
        assertThat(ten.leftover()).isEqualTo(3750);
    }

    @Test
    void negligibleWeightsOpenNoShortBookAndCountInTheRmse() {
        Map<String, Double> w = ordered("A", 0.5, "B", 0.5, "C", -1e-17);
        AllocationRequest r = AllocationRequest.of(w, Map.of("A", 10.0, "B", 10.0, "C", 10.0), 1000);
        assertThat(r.hasShorts()).isFalse();
        Allocation a = GreedyAllocator.allocate(r);
        assertThat(a.units()).containsExactly(entry("A", 50L), entry("B", 50L));
        assertThat(a.rmse(r)).isCloseTo(Math.sqrt(1e-34 / 3), within(1e-30));
    }

    @Test
    void unitsAreMultiplesOfLotsAndBooksStayWithinTheirValue() {
        java.util.Random rnd = new java.util.Random(20240611);
        for (int trial = 0; trial < 300; trial++) {
            AllocationRequest r = RandomRequests.next(rnd);
            Allocation a = GreedyAllocator.allocate(r);
            RandomRequests.assertWithinBooks(r, a);
        }
    }

    private static AllocationRequest expensiveAndCheap(int expensive) {
        Map<String, Double> w = new LinkedHashMap<>();
        Map<String, Double> p = new LinkedHashMap<>();
        for (int i = 0; i < expensive; i++) {
            w.put("E" + i, 0.98 / expensive);
            p.put("E" + i, 6000.0);
        }
        w.put("CHEAP", 0.02);
        p.put("CHEAP", 250.0);
        return AllocationRequest.of(w, p, 10_000);
    }

    static Map<String, Double> ordered(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }
}
