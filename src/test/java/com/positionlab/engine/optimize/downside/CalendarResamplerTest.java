package com.positionlab.engine.optimize.downside;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.estimate.ReferencePrices;

/** The resampled reference prices have the row counts cases.json's definitions give (pandas 1.5.3). */
class CalendarResamplerTest {

    @BeforeEach
    void data() {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference data not present");
    }

    @Test
    void weeksEndingSundayGive1477RowsAnd186CompleteReturnRows() throws IOException {
        assertThat(ReferenceCases.resampledRows("weekly_W")).isEqualTo(1477);
        assertThat(ReferenceCases.returnTable("weekly_W").complete().rows()).isEqualTo(186);
    }

    @Test
    void monthEndsGive341RowsAnd43CompleteReturnRows() throws IOException {
        assertThat(ReferenceCases.resampledRows("monthly_M")).isEqualTo(341);
        assertThat(ReferenceCases.returnTable("monthly_M").complete().rows()).isEqualTo(43);
    }

    @Test
    void completeDailyRowsGive895Returns() throws IOException {
        assertThat(ReferenceCases.completeDailyReturns()).hasNumberOfRows(895);
    }
}
