package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.positionlab.domain.PriceBar;
import com.positionlab.engine.task.Progress;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Imports the PyPortfolioOpt sample prices (wide form, 7126 days of 20 tickers, with gaps). */
class ReferencePricesImportTest {

    private static final Path REFERENCE = Path.of(System.getProperty("user.dir"))
            .resolve("../shared/reference/pypfopt/stock_prices.csv");

    @Test
    void wideReferenceFileStoresEveryNonEmptyCell() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(REFERENCE), "reference prices not present");
        long cells = countNonEmptyPriceCells(REFERENCE);
        List<Double> fractions = new CopyOnWriteArrayList<>();

        try (Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID())) {
            Store store = new Store(db);
            ImportReport report = new ImportService(store).importFile(REFERENCE, ImportKind.PRICES,
                    ImportOptions.defaults().creatingInstruments(), recording(fractions));

            assertThat(report.format()).isEqualTo("wide");
            assertThat(report.rowsRead()).isEqualTo(7126);
            assertThat(report.rowsAccepted()).isEqualTo(7126);
            assertThat(report.rowsRejected()).isZero();
            assertThat(cells).isEqualTo(106_931);
            assertThat(report.rowsNew()).isEqualTo((int) cells);
            assertThat(store.prices().count()).isEqualTo((int) cells);
            assertThat(store.instruments().count()).isEqualTo(20);
            assertThat(store.prices().history("GOOG").get(0))
                    .isEqualTo(PriceBar.close("GOOG", LocalDate.of(2004, 8, 19), 49.845802));
            assertThat(store.prices().history("AAPL").get(0))
                    .isEqualTo(PriceBar.close("AAPL", LocalDate.of(1989, 12, 29), 0.117203));
        }
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
        assertThat(fractions.size()).isGreaterThan(2);
    }

    private static long countNonEmptyPriceCells(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1)
                .flatMap(line -> List.of(line.split(",", -1)).subList(1, line.split(",", -1).length).stream())
                .filter(cell -> !cell.isBlank())
                .count();
    }

    private static Progress recording(List<Double> fractions) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
