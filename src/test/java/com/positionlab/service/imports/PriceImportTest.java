package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.engine.task.Progress;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceImportTest {

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
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private ImportReport importPrices(Path file) {
        return service.importFile(file, ImportKind.PRICES, ImportOptions.defaults().creatingInstruments(), Progress.NONE);
    }

    @Test
    void longFormStoresEveryColumnAndDefaultsAdjustedCloseToClose() throws IOException {
        Path csv = file("prices.csv", """
                date,instrument,close,high,low,volume,adj_close
                2020-01-02,AAPL,300.35,300.60,295.19,33870100,298.83
                2020-01-03,AAPL,297.43,300.58,296.50,36580700.0,
                2020-01-02,MSFT,160.62,,,,
                """);

        ImportReport report = importPrices(csv);

        assertThat(report).isEqualTo(new ImportReport(ImportKind.PRICES, "long", csv.toString(), 3, 3, 0, List.of(),
                true, 3, List.of("AAPL", "MSFT")));
        assertThat(store.prices().history("AAPL")).containsExactly(
                new PriceBar("AAPL", LocalDate.of(2020, 1, 2), 300.35, 298.83, 300.60, 295.19, 33_870_100L),
                new PriceBar("AAPL", LocalDate.of(2020, 1, 3), 297.43, 297.43, 300.58, 296.50, 36_580_700L));
        assertThat(store.prices().history("MSFT")).containsExactly(
                PriceBar.close("MSFT", LocalDate.of(2020, 1, 2), 160.62));
        assertThat(store.instruments().find("MSFT")).contains(Instrument.unclassified("MSFT"));
    }

    @Test
    void longFormAcceptsTickerOrSymbolColumnQuotesBomAndDateTimes() throws IOException {
        Path csv = file("quoted.csv", "\uFEFF Symbol , Date ,\"Close\"\r\n"
                + "\"BRK.B\",2021-03-01 00:00:00,\"262.5\"\r\n"
                + "XOM,\"2021-03-01\",56.25\r\n");

        ImportReport report = importPrices(csv);

        assertThat(report.rowsAccepted()).isEqualTo(2);
        assertThat(store.prices().history("BRK.B")).containsExactly(
                PriceBar.close("BRK.B", LocalDate.of(2021, 3, 1), 262.5));
        assertThat(store.prices().history("XOM")).containsExactly(
                PriceBar.close("XOM", LocalDate.of(2021, 3, 1), 56.25));
    }

    @Test
    void wideFormStoresOneBarPerNonEmptyCell() throws IOException {
        Path csv = file("wide.csv", """
                date,AAA,BBB
                2020-01-02,10.5,
                2020-01-03,,20.25
                2020-01-06,11,21
                """);

        ImportReport report = importPrices(csv);

        assertThat(report.format()).isEqualTo("wide");
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.rowsNew()).isEqualTo(4);
        assertThat(store.prices().history("AAA")).containsExactly(
                PriceBar.close("AAA", LocalDate.of(2020, 1, 2), 10.5),
                PriceBar.close("AAA", LocalDate.of(2020, 1, 6), 11.0));
        assertThat(store.prices().history("BBB")).containsExactly(
                PriceBar.close("BBB", LocalDate.of(2020, 1, 3), 20.25),
                PriceBar.close("BBB", LocalDate.of(2020, 1, 6), 21.0));
    }

    @Test
    void wideFormRejectsTheWholeLineOfABadCellNamingItsTicker() throws IOException {
        Path csv = file("wide.csv", """
                date,AAA,BBB
                2020-01-02,10.5,abc
                2020-01-03,10.75,20.25
                """);

        ImportReport report = service.importFile(csv, ImportKind.PRICES, new ImportOptions(true, null, null, true),
                Progress.NONE);

        assertThat(report.rejected()).containsExactly(new RejectedRow(2, "BBB: \"abc\" is not a number"));
        assertThat(store.prices().count()).isEqualTo(2);
        assertThat(store.prices().history("AAA")).extracting(PriceBar::date)
                .containsExactly(LocalDate.of(2020, 1, 3));
    }

    @Test
    void yahooFileTakesItsTickerFromTheFileNameAndUsesAdjClose() throws IOException {
        Path csv = file("msft.csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2020-01-02,158.78,160.73,158.33,160.62,156.59,22622100
                2020-01-03,158.32,159.95,158.06,158.62,154.64,21116200
                """);

        ImportReport report = importPrices(csv);

        assertThat(report.format()).isEqualTo("per_ticker");
        assertThat(report.rowsNew()).isEqualTo(2);
        assertThat(store.prices().history("MSFT")).containsExactly(
                new PriceBar("MSFT", LocalDate.of(2020, 1, 2), 160.62, 156.59, 160.73, 158.33, 22_622_100L),
                new PriceBar("MSFT", LocalDate.of(2020, 1, 3), 158.62, 154.64, 159.95, 158.06, 21_116_200L));
    }

    @Test
    void yahooFileUsesTheGivenInstrument() throws IOException {
        Path csv = file("download (3).csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2020-01-02,158.78,160.73,158.33,160.62,156.59,22622100
                """);

        service.importFile(csv, ImportKind.PRICES, new ImportOptions(false, null, "MSFT", true), Progress.NONE);

        assertThat(store.prices().history("MSFT")).hasSize(1);
        assertThat(store.instruments().count()).isEqualTo(1);
    }

    @Test
    void reimportingTheSameFileAddsNothing() throws IOException {
        Path csv = file("prices.csv", """
                date,ticker,close
                2020-01-02,AAPL,300.35
                2020-01-03,AAPL,297.43
                """);
        importPrices(csv);
        int before = store.prices().count();

        ImportReport again = importPrices(csv);

        assertThat(again.written()).isTrue();
        assertThat(again.rowsNew()).isZero();
        assertThat(store.prices().count()).isEqualTo(before).isEqualTo(2);
    }

    @Test
    void validateChecksTheFileAndStoresNothing() throws IOException {
        Path csv = file("prices.csv", """
                date,ticker,close
                2020-01-02,AAPL,300.35
                2020-01-03,AAPL,-1
                """);

        ImportReport report = service.validate(csv, ImportKind.PRICES, new ImportOptions(true, null, null, true),
                Progress.NONE);

        assertThat(report.rowsAccepted()).isEqualTo(1);
        assertThat(report.rejected()).containsExactly(new RejectedRow(3, "close: must be positive, got -1"));
        assertThat(report.written()).isFalse();
        assertThat(store.prices().count()).isZero();
        assertThat(store.instruments().count()).isZero();
    }
}
