package com.positionlab.ui.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.positionlab.service.ValidationException;

/** The service's field paths (with list indices in brackets) land beside the view's fields. */
class ErrorFieldsTest {

    @Test
    void pathsWithIndicesGoBesideTheirGroupOfFields() {
        assertThat(ErrorFields.field("strategies[2].risk_free_rate")).isEqualTo("strategies");
        assertThat(ErrorFields.field("sizing[0].fraction")).isEqualTo("sizing_strategy");
        assertThat(ErrorFields.field("trades[12].return")).isEqualTo("sizing_strategy");
        assertThat(ErrorFields.field("rebalance.drift_band")).isEqualTo("rebalance");
        assertThat(ErrorFields.field("lookback")).isEqualTo("lookback");
        assertThat(ErrorFields.field("nothing.here")).isNull();
        var errors = ErrorFields.of(new ValidationException(List.of(
                new ValidationException.FieldError("strategies[1].constraints", "infeasible"),
                new ValidationException.FieldError("request", "took too long"))), "run");
        assertThat(errors).containsEntry("strategies", "strategies[1].constraints: infeasible")
                .containsEntry("run", "request: took too long");
    }
}
