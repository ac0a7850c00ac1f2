package com.positionlab.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** One encoding of numbers that are not finite, for every command and endpoint: null. */
class NonFiniteNumbersTest {

    record Figures(double mean, Double kelly, double[] path, double plain) {
    }

    @Test
    void nanAndInfinitiesAreWrittenAsNullInFieldsBoxesAndArrays() throws Exception {
        String json = Json.mapper().writeValueAsString(new Figures(Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, new double[] {1.5, Double.NaN, Double.POSITIVE_INFINITY}, 0.25));
        assertThat(json.replaceAll("\\s", ""))
                .isEqualTo("{\"mean\":null,\"kelly\":null,\"path\":[1.5,null,null],\"plain\":0.25}");
    }

    @Test
    void theApplicationReadsItsOwnNullBackAsNaNButARequestMayNotOmitAPrimitive() throws Exception {
        Figures back = Json.mapper().readValue("{\"mean\":null,\"kelly\":null,\"path\":[1.5],\"plain\":0.25}",
                Figures.class);
        assertThat(back.mean()).isNaN();
        assertThat(back.kelly()).isNull();
        // Documents written before this encoding held the strings "NaN" and "Infinity": still read.
        assertThat(Json.mapper().readValue("{\"mean\":\"Infinity\",\"kelly\":null,\"path\":[],\"plain\":\"NaN\"}",
                Figures.class).mean()).isInfinite();
        assertThatThrownBy(() -> Json.requestMapper().readValue(
                "{\"mean\":null,\"kelly\":null,\"path\":[],\"plain\":1}", Figures.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
