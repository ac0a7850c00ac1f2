package com.positionlab.service.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.engine.estimate.ReturnTable;
import com.positionlab.service.ValidationException;

/**
 * The price rows a request can select, as the reference data's definitions state them: pandas'
 * {@code resample("W").first()} and {@code resample("M").first()}, an empty period a row of NaN.
 */
class PriceTableTest {

    private static final double NaN = Double.NaN;

    private static PriceTable reference() {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference data beside the checkout");
        return PriceCsv.read(ReferencePrices.DIR.resolve("stock_prices.csv"), "prices");
    }

    @Test
    void aDeviceAPipeOrAFolderIsRefusedWithoutBeingReadAndContentsAreNotEchoed() throws Exception {
        for (String path : List.of("/dev/zero", "/dev/urandom", System.getProperty("java.io.tmpdir"))) {
            if (java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
                assertThatThrownBy(() -> PriceCsv.read(java.nio.file.Path.of(path), "prices"))
                        .isInstanceOf(ValidationException.class).hasMessageContaining("not a regular file");
            }
        }
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".csv");
        java.nio.file.Files.writeString(secret, "password=hunter2\n");
        assertThatThrownBy(() -> PriceCsv.read(secret, "prices")).isInstanceOf(ValidationException.class)
                .message().doesNotContain("hunter2");
        java.nio.file.Files.delete(secret);
    }

    @Test
    void weeksEndingSundayGive1477RowsAnd186CompleteReturnRows() {
        PriceTable weekly = reference().select(PriceTable.Rows.WEEKLY_FIRST);
        assertThat(weekly.dates()).hasSize(1477);
        assertThat(weekly.dates().get(0)).isEqualTo(LocalDate.of(1989, 12, 31));
        assertThat(weekly.dates().get(1476)).isEqualTo(LocalDate.of(2018, 4, 15));
        assertThat(ReturnTable.fromPrices(weekly.prices(), false).complete().rows()).isEqualTo(186);
    }

    @Test
    void monthEndsGive341RowsAnd43CompleteReturnRows() {
        PriceTable monthly = reference().select(PriceTable.Rows.MONTHLY_FIRST);
        assertThat(monthly.dates()).hasSize(341);
        assertThat(ReturnTable.fromPrices(monthly.prices(), false).complete().rows()).isEqualTo(43);
    }

    @Test
    void completeRowsGive896PricesAnd895Returns() {
        PriceTable complete = reference().select(PriceTable.Rows.COMPLETE);
        assertThat(complete.dates()).hasSize(896);
        assertThat(ReturnTable.fromPrices(complete.prices(), false).rows()).isEqualTo(895);
    }

    @Test
    void aWeekWithoutPricesIsARowOfNaNSoNoReturnSpansIt() {
        PriceTable t = new PriceTable(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3),
                LocalDate.of(2024, 1, 17)), List.of("A", "B"), new double[][] {{10, NaN}, {11, 20}, {12, 21}});
        PriceTable first = t.select(PriceTable.Rows.WEEKLY_FIRST);
        assertThat(first.dates()).containsExactly(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 14),
                LocalDate.of(2024, 1, 21));
        assertThat(first.prices()[0]).containsExactly(10, 20);
        assertThat(first.prices()[1]).containsExactly(NaN, NaN);
        assertThat(first.prices()[2]).containsExactly(12, 21);
        PriceTable last = t.select(PriceTable.Rows.WEEKLY);
        assertThat(last.prices()[0]).containsExactly(11, 20);
        assertThat(ReturnTable.fromPrices(first.prices(), false).complete().rows()).isZero();
    }

    @Test
    void monthsRunFromTheFirstRowsMonthToTheLastsIncludingEmptyOnes() {
        PriceTable t = new PriceTable(List.of(LocalDate.of(2023, 11, 30), LocalDate.of(2024, 2, 1)),
                List.of("A"), new double[][] {{1}, {2}});
        assertThat(t.select(PriceTable.Rows.MONTHLY_FIRST).dates()).containsExactly(LocalDate.of(2023, 11, 30),
                LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29));
    }

    @Test
    void datesSpanningCenturiesAreRefusedNotPaddedIntoMemory() {
        PriceTable t = new PriceTable(List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1)), List.of("A"),
                new double[][] {{1}, {2}});
        assertThatThrownBy(() -> t.select(PriceTable.Rows.WEEKLY)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("price_rows");
    }
}
