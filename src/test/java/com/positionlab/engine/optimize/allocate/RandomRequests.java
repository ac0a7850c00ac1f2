package com.positionlab.engine.optimize.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Seeded random allocation problems (2 to 8 tickers, some lots, some shorts) and the invariants of any answer. */
final class RandomRequests {

    private static final int[] LOTS = {1, 1, 1, 10, 100};

    private RandomRequests() {
    }

    static AllocationRequest next(Random rnd) {
        int n = 2 + rnd.nextInt(7);
        boolean shorts = rnd.nextInt(3) == 0;
        Map<String, Double> w = new LinkedHashMap<>();
        Map<String, Double> p = new LinkedHashMap<>();
        Map<String, Integer> lots = new LinkedHashMap<>();
        double sum = 0;
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = rnd.nextDouble() * (shorts && i == n - 1 ? -0.5 : 1);
            sum += raw[i];
        }
        for (int i = 0; i < n; i++) {
            w.put("T" + i, raw[i] / sum);
            p.put("T" + i, Math.exp(Math.log(2) + rnd.nextDouble() * Math.log(250)));
            lots.put("T" + i, LOTS[rnd.nextInt(LOTS.length)]);
        }
        double value = 500 + rnd.nextInt(50_000);
        return AllocationRequest.of(w, p, value).withLotSizes(lots).withReinvest(rnd.nextBoolean());
    }

    /** Units are whole lots on the right side, and each book spends no more than its value. */
    static void assertWithinBooks(AllocationRequest r, Allocation a) {
        for (Map.Entry<String, Long> e : a.units().entrySet()) {
            assertThat(e.getValue() % r.lotSize(e.getKey())).as(e.getKey()).isZero();
            assertThat(Long.signum(e.getValue())).as(e.getKey()).isEqualTo((int) Math.signum(r.weights().get(e.getKey())));
        }
        double shortValue = r.hasShorts() ? r.totalValue() * r.shortRatio() : 0;
        double longValue = r.reinvest() ? r.totalValue() + shortValue : r.totalValue();
        double slack = 1e-9 * (longValue + shortValue);
        assertThat(a.longValue(r.prices())).isLessThanOrEqualTo(longValue + slack);
        assertThat(a.shortValue(r.prices())).isLessThanOrEqualTo(shortValue + slack);
        assertThat(a.longLeftover()).isGreaterThanOrEqualTo(-slack);
        assertThat(a.shortLeftover()).isGreaterThanOrEqualTo(-slack);
        assertThat(a.longValue(r.prices()) + a.longLeftover()).isCloseTo(longValue,
                org.assertj.core.data.Offset.offset(slack));
        assertThat(a.shortValue(r.prices()) + a.shortLeftover()).isCloseTo(shortValue,
                org.assertj.core.data.Offset.offset(slack));
    }
}
