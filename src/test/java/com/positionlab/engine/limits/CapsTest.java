package com.positionlab.engine.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CapsTest {

    private final List<Binding> bound = new ArrayList<>();
    private final Bindings sink = (name, before, after, why) -> bound.add(new Binding(name, before, after, why));

    @Test
    void atMostCutsOnlyWhatIsAboveTheLimitAndSaysWhy() {
        assertThat(Caps.atMost(sink, 0.08, "max_position_size", 0.10, "why")).isEqualTo(0.08);
        assertThat(bound).isEmpty();
        assertThat(Caps.atMost(sink, 0.25, "max_position_size", 0.10, "at most 10%")).isEqualTo(0.10);
        assertThat(bound).containsExactly(new Binding("max_position_size", 0.25, 0.10, "at most 10%"));
    }

    @Test
    void aNegativeRoomCutsToZeroAndNaNIsNoLimit() {
        assertThat(Caps.atMost(sink, 0.05, "max_sector_weight", -0.02, "full")).isZero();
        assertThat(bound).singleElement().satisfies(b -> assertThat(b.after()).isZero());
        assertThat(Caps.atMost(sink, 0.05, "leverage_limit", Double.NaN, "none")).isEqualTo(0.05);
        assertThat(bound).hasSize(1);
    }

    @Test
    void atLeastRaisesOnlyAPositiveSize() {
        assertThat(Caps.atLeast(sink, 0, "min_position_size", 0.02, "tier")).isZero();
        assertThat(Caps.atLeast(sink, 0.03, "min_position_size", 0.02, "tier")).isEqualTo(0.03);
        assertThat(bound).isEmpty();
        assertThat(Caps.atLeast(sink, 0.01, "min_position_size", 0.02, "tier")).isEqualTo(0.02);
        assertThat(bound).containsExactly(new Binding("min_position_size", 0.01, 0.02, "tier"));
    }

    @Test
    void noneBelowMeasuresTheSizeAsTheLimitDoes() {
        // 0.001 of a 10,000 balance is a notional of 10, below a minimum of 25: no position.
        assertThat(Caps.noneBelow(sink, 0.001, 10, 25, "exchange_minimum", "too small")).isZero();
        assertThat(bound).containsExactly(new Binding("exchange_minimum", 0.001, 0, "too small"));
        assertThat(Caps.noneBelow(sink, 0.003, 30, 25, "exchange_minimum", "ok")).isEqualTo(0.003);
        assertThat(Caps.noneBelow(sink, 0, 0, 25, "exchange_minimum", "nothing")).isZero();
        assertThat(bound).hasSize(1);
    }
}
