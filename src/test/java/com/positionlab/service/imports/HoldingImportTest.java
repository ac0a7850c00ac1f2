package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.Portfolio;
import com.positionlab.engine.task.Progress;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldingImportTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private ImportService service;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID());
        store = new Store(db);
        service = new ImportService(store);
        store.instruments().saveAll(List.of(Instrument.unclassified("AAPL"), Instrument.unclassified("MSFT")));
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private ImportReport importHoldings(String content, ImportOptions options) throws IOException {
        Path csv = Files.writeString(dir.resolve("holdings.csv"), content);
        return service.importFile(csv, ImportKind.HOLDINGS, options, Progress.NONE);
    }

    private void assertHoldings(String portfolioId, Holding... expected) {
        assertThat(store.portfolios().holdings(portfolioId)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(List.of(expected));
    }

    @Test
    void holdingsGoToANewMainPortfolioWhenTheWorkspaceHasNone() throws IOException {
        ImportReport report = importHoldings("instrument,quantity\nAAPL,100\nMSFT,-25.5\n", ImportOptions.defaults());

        assertThat(report.format()).isEqualTo("holdings");
        assertThat(report.rowsNew()).isEqualTo(2);
        assertThat(store.portfolios().find("main")).hasValueSatisfying(p -> {
            assertThat(p.baseCurrency()).isEqualTo("USD");
            assertThat(p.cash()).isZero();
        });
        assertHoldings("main", new Holding("main", "AAPL", new BigDecimal("100")),
                new Holding("main", "MSFT", new BigDecimal("-25.5")));
    }

    @Test
    void holdingsGoToTheFirstExistingPortfolioByDefault() throws IOException {
        store.portfolios().save(new Portfolio("core", "Core", "EUR", new BigDecimal("1000")));

        importHoldings("instrument,quantity\nAAPL,3\n", ImportOptions.defaults());

        assertHoldings("core", new Holding("core", "AAPL", new BigDecimal("3")));
        assertThat(store.portfolios().findAll()).hasSize(1);
    }

    @Test
    void thePortfolioColumnOverridesTheOption() throws IOException {
        importHoldings("portfolio,instrument,quantity\nalpha,AAPL,1\n,MSFT,2\n", new ImportOptions(false, "beta", null));

        assertHoldings("alpha", new Holding("alpha", "AAPL", BigDecimal.ONE));
        assertHoldings("beta", new Holding("beta", "MSFT", new BigDecimal("2")));
    }

    @Test
    void unknownInstrumentsZeroQuantitiesAndDuplicatesAreRejected() throws IOException {
        ImportReport report = importHoldings("instrument,quantity\nAAPL,10\nXYZ,5\nMSFT,0\nAAPL,11\n",
                new ImportOptions(true, "main", null));

        assertThat(report.rejected()).containsExactly(
                new RejectedRow(3, "instrument: \"XYZ\" is not in the workspace; import its prices first"),
                new RejectedRow(4, "quantity: must not be zero"),
                new RejectedRow(5, "duplicate of line 2 (AAPL in portfolio main)"));
        assertHoldings("main", new Holding("main", "AAPL", BigDecimal.TEN));
        assertThat(store.instruments().find("XYZ")).isEmpty();
    }

    @Test
    void aRejectedRowStoresNothingByDefault() throws IOException {
        ImportReport report = importHoldings("instrument,quantity\nAAPL,10\nXYZ,5\n", ImportOptions.defaults());

        assertThat(report.written()).isFalse();
        assertThat(store.portfolios().findAll()).isEmpty();
    }

    @Test
    void reimportingHoldingsAddsNothing() throws IOException {
        String content = "instrument,quantity\nAAPL,10\nMSFT,20\n";
        importHoldings(content, ImportOptions.defaults());

        ImportReport again = importHoldings(content, ImportOptions.defaults());

        assertThat(again.rowsNew()).isZero();
        assertThat(store.portfolios().holdings("main")).hasSize(2);
    }
}
