package com.positionlab.engine.optimize.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * The exact allocation: its objective matches a brute-force search over every allocation of small problems,
 * it never deviates more than greedy, and it keeps to the lots and the budget.
 */
class ExactAllocatorTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    /** Deviations are sums of a few currency amounts; the solver works in fractions of the book value. */
    private static final double RELATIVE = 1e-9;

    @Test
    void lotsAndShortsAreAllocatedBookByBook() {
        // Long book 1000 on A (price 1, lots of 100) 2/3 and B (price 20) 1/3. Greedy: 6 lots of A (600) and 16 B
        // (320), deviating 66.7 + 13.3 = 80, then a lot of A no longer fits the 80 left. Exact: 7 lots of A (700)
        // and 15 B (300) deviate 33.3 + 33.3 = 66.7 (6 lots and 17 B: 73.3). Short book 200 on C (price 5): 40.
        AllocationRequest r = AllocationRequest.of(GreedyAllocatorTest.ordered("A", 0.8, "B", 0.4, "C", -0.2),
                Map.of("A", 1.0, "B", 20.0, "C", 5.0), 1000).withLotSizes(Map.of("A", 100));
        Allocation greedy = GreedyAllocator.allocate(r);
        assertThat(greedy.units()).containsExactly(entry("A", 600L), entry("B", 16L), entry("C", -40L));
        assertThat(ExactAllocator.deviation(r, greedy)).isCloseTo(80, within(1e-9));
        ExactAllocation exact = ExactAllocator.allocate(r, LIMIT);
        assertThat(exact.allocation().units()).containsExactly(entry("A", 700L), entry("B", 15L), entry("C", -40L));
        assertThat(exact.deviation()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(exact.allocation().leftover()).isCloseTo(0, within(1e-9));
    }

    @Test
    void matchesABruteForceSearchOnSmallProblems() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            AllocationRequest r = smallProblem(rnd);
            double best = bruteForce(r);
            ExactAllocation exact = ExactAllocator.allocate(r, LIMIT);
            assertThat(exact.status()).isEqualTo(ExactAllocation.Status.OPTIMAL);
            assertThat(exact.deviation()).as("trial %d: %s", trial, r)
                    .isCloseTo(best, within(RELATIVE * r.totalValue()));
        }
    }

    @Test
    void neverDeviatesMoreThanGreedyAndKeepsToLotsAndBudgets() {
        Random rnd = new Random(11);
        int strictlyBetter = 0;
        for (int trial = 0; trial < 80; trial++) {
            AllocationRequest r = RandomRequests.next(rnd);
            ExactAllocation exact = ExactAllocator.allocate(r, LIMIT);
            double greedy = ExactAllocator.deviation(r, GreedyAllocator.allocate(r));
            assertThat(exact.deviation()).as("trial %d", trial)
                    .isLessThanOrEqualTo(greedy + RELATIVE * r.totalValue() * (1 + r.shortRatio()));
            RandomRequests.assertWithinBooks(r, exact.allocation());
            strictlyBetter += exact.deviation() < greedy - 1e-6 ? 1 : 0;
        }
        assertThat(strictlyBetter).isPositive();
    }

    @Test
    void timeLimitsOutsideTheirRangeAreRejected() {
        AllocationRequest r = AllocationRequest.of(Map.of("A", 1.0), Map.of("A", 1.0), 10);
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(5), Duration.ofHours(1))) {
            assertThatThrownBy(() -> ExactAllocator.allocate(r, bad)).isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("time_limit");
        }
    }

    /** Two or three long tickers with at most a few dozen lots each. */
    private static AllocationRequest smallProblem(Random rnd) {
        int n = 2 + rnd.nextInt(2);
        java.util.Map<String, Double> w = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
        double sum = 0;
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = 0.05 + rnd.nextDouble();
            sum += raw[i];
        }
        for (int i = 0; i < n; i++) {
            w.put("T" + i, raw[i] / sum);
            p.put("T" + i, 5 + rnd.nextInt(200) + rnd.nextInt(100) / 100.0);
        }
        return AllocationRequest.of(w, p, 200 + rnd.nextInt(1500));
    }

    /** The least deviation over every allocation within the budget (one book, lots of 1). */
    private static double bruteForce(AllocationRequest r) {
        List<String> t = List.copyOf(r.weights().keySet());
        return search(r, t, 0, new long[t.size()], 0);
    }

    private static double search(AllocationRequest r, List<String> t, int i, long[] units, double spent) {
        if (i == t.size()) {
            Map<String, Long> m = new java.util.LinkedHashMap<>();
            for (int j = 0; j < units.length; j++) {
                m.put(t.get(j), units[j]);
            }
            return ExactAllocator.deviation(r, new Allocation(m, r.totalValue() - spent, 0));
        }
        double price = r.prices().get(t.get(i));
        double best = Double.POSITIVE_INFINITY;
        for (long u = 0; spent + u * price <= r.totalValue(); u++) {
            units[i] = u;
            best = Math.min(best, search(r, t, i + 1, units, spent + u * price));
        }
        return best;
    }
}
