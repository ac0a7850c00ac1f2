package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.positionlab.engine.task.Progress;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedPriceImportTest {

    private static final String HEADER = "date,instrument,close\n";

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

    private ImportReport importPrices(Path file, boolean validRowsOnly) {
        return service.importFile(file, ImportKind.PRICES, new ImportOptions(validRowsOnly, null, null, true),
                Progress.NONE);
    }

    @Test
    void badValuesAreRejectedWithTheirColumnAndLine() throws IOException {
        Path csv = file("prices.csv", HEADER + """
                2020-01-02,AAPL,300.35
                2020-13-01,AAPL,300
                2020-02-30,AAPL,300
                01/03/2020,AAPL,300
                2020-01-06,AAPL,abc
                2020-01-07,AAPL,-3.5
                2020-01-08,AAPL,0
                2020-01-09,AAPL,NaN
                2020-01-10,AAPL,
                2020-01-13,,300
                2020-01-14,AAPL
                2020-01-15,AAPL,1e400
                """);

        ImportReport report = importPrices(csv, false);

        assertThat(report.rowsRead()).isEqualTo(12);
        assertThat(report.rowsAccepted()).isEqualTo(1);
        assertThat(report.rowsRejected()).isEqualTo(11);
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(3, "date: \"2020-13-01\" is not a date (expected YYYY-MM-DD)"),
                new RejectedRow(4, "date: \"2020-02-30\" is not a date (expected YYYY-MM-DD)"),
                new RejectedRow(5, "date: \"01/03/2020\" is not a date (expected YYYY-MM-DD)"),
                new RejectedRow(6, "close: \"abc\" is not a number"),
                new RejectedRow(7, "close: must be positive, got -3.5"),
                new RejectedRow(8, "close: must be positive, got 0"),
                new RejectedRow(9, "close: \"NaN\" is not a number"),
                new RejectedRow(10, "close: missing value"),
                new RejectedRow(11, "instrument: missing value"),
                new RejectedRow(12, "expected 3 columns, found 2"),
                new RejectedRow(13, "close: \"1e400\" is out of range"));
    }

    @Test
    void highBelowLowAndBadVolumesAreRejected() throws IOException {
        Path csv = file("prices.csv", """
                date,instrument,close,high,low,volume
                2020-01-02,AAPL,10,9.5,10.5,100
                2020-01-03,AAPL,10,10.5,9.5,12.5
                2020-01-06,AAPL,10,10.5,9.5,-5
                2020-01-07,AAPL,10,10.5,9.5,1234.0
                """);

        ImportReport report = importPrices(csv, true);

        assertThat(report.rejected()).containsExactly(
                new RejectedRow(2, "high: 9.5 is below low 10.5"),
                new RejectedRow(3, "volume: \"12.5\" is not a whole number"),
                new RejectedRow(4, "volume: must not be negative, got -5"));
        assertThat(store.prices().history("AAPL")).singleElement()
                .satisfies(bar -> assertThat(bar.volume()).isEqualTo(1234L));
    }

    @Test
    void byDefaultNothingIsStoredWhenOneRowIsBad() throws IOException {
        Path csv = file("prices.csv", HEADER + "2020-01-02,AAPL,300.35\n2020-01-03,AAPL,oops\n2020-01-06,MSFT,160\n");

        ImportReport report = importPrices(csv, false);

        assertThat(report.rowsAccepted()).isEqualTo(2);
        assertThat(report.written()).isFalse();
        assertThat(report.rowsNew()).isZero();
        assertThat(store.prices().count()).isZero();
        assertThat(store.instruments().count()).isZero();
    }

    @Test
    void validRowsOnlyStoresTheGoodRows() throws IOException {
        Path csv = file("prices.csv", HEADER + "2020-01-02,AAPL,300.35\n2020-01-03,AAPL,oops\n2020-01-06,MSFT,160\n");

        ImportReport report = importPrices(csv, true);

        assertThat(report.written()).isTrue();
        assertThat(report.rowsNew()).isEqualTo(2);
        assertThat(store.prices().count()).isEqualTo(2);
        assertThat(store.prices().history("AAPL")).singleElement()
                .satisfies(bar -> assertThat(bar.close()).isEqualTo(300.35));
    }

    @Test
    void aRepeatedInstrumentAndDateRejectsTheLaterLineNamingTheFirst() throws IOException {
        Path csv = file("prices.csv", HEADER + """
                2020-01-02,AAPL,300.35
                2020-01-03,AAPL,297.43
                2020-01-02,AAPL,301
                """);

        ImportReport report = importPrices(csv, true);

        assertThat(report.rejected()).containsExactly(new RejectedRow(4, "duplicate of line 2 (AAPL 2020-01-02)"));
        assertThat(store.prices().count()).isEqualTo(2);
        assertThat(store.prices().history("AAPL").get(0).close()).isEqualTo(300.35);
    }

    @Test
    void lineNumbersCountBlankLinesAndTheHeader() throws IOException {
        Path csv = file("prices.csv", "\n" + HEADER + "\n2020-01-02,AAPL,300.35\n   \n,,\n\n2020-01-03,AAPL,x\n");

        ImportReport report = importPrices(csv, false);

        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly(new RejectedRow(8, "close: \"x\" is not a number"));
    }

    @Test
    void aLatin1LineIsRejectedAndTheOthersStillParse() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("date,instrument,close\n2020-01-02,AAPL,300.35\n2020-01-02,NESTL".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes(",95\n2020-01-02,MSFT,160\n".getBytes(StandardCharsets.UTF_8));
        Path csv = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

        ImportReport report = importPrices(csv, true);

        assertThat(report.rejected()).containsExactly(new RejectedRow(3, "line is not valid UTF-8"));
        assertThat(report.rowsAccepted()).isEqualTo(2);
        assertThat(store.prices().count()).isEqualTo(2);
    }

    @Test
    void aUtf16FileIsRefusedWhole() throws IOException {
        Path csv = Files.write(dir.resolve("utf16.csv"),
                (HEADER + "2020-01-02,AAPL,300.35\n").getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> importPrices(csv, true)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("utf16.csv: not a UTF-8 text file");
        assertThat(store.prices().count()).isZero();
    }

    @Test
    void aUtf16FileWithoutByteOrderMarkIsRefusedForItsNulBytes() throws IOException {
        Path csv = Files.write(dir.resolve("utf16le.csv"),
                (HEADER + "2020-01-02,AAPL,300.35\n").getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> importPrices(csv, true)).isInstanceOf(ImportException.class)
                .hasMessageContaining("utf16le.csv: not a UTF-8 text file").hasMessageContaining("NUL");
    }

    @Test
    void aMissingColumnIsNamedWithTheHeader() throws IOException {
        Path csv = file("prices.csv", "date,instrument,price\n2020-01-02,AAPL,300.35\n");

        assertThatThrownBy(() -> importPrices(csv, true)).isInstanceOf(ImportException.class)
                .hasMessage("prices.csv: missing column \"close\" (header: date,instrument,price)");
    }

    @Test
    void aHeaderOfNoKnownFormatIsRefused() throws IOException {
        assertThatThrownBy(() -> importPrices(file("a.csv", "day,AAPL\n2020-01-02,1\n"), true))
                .isInstanceOf(ImportException.class)
                .hasMessage("a.csv: missing column \"date\" (header: day,AAPL)");
        assertThatThrownBy(() -> importPrices(file("b.csv", "AAPL,date\n1,2020-01-02\n"), true))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("b.csv: the header matches no price format (header: AAPL,date)");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertThatThrownBy(() -> importPrices(file("prices.csv", ""), true))
                .isInstanceOf(ImportException.class).hasMessage("prices.csv: the file is empty");
        assertThatThrownBy(() -> importPrices(file("blank.csv", "\uFEFF\n  \n"), true))
                .isInstanceOf(ImportException.class).hasMessage("blank.csv: the file is empty");
    }

    @Test
    void aHeaderWithoutDataIsRefused() throws IOException {
        assertThatThrownBy(() -> importPrices(file("prices.csv", HEADER + "\n"), true))
                .isInstanceOf(ImportException.class)
                .hasMessage("prices.csv: the file has a header but no data rows");
    }

    @Test
    void aMissingFileIsRefusedNamingThePath() {
        Path missing = dir.resolve("nowhere/prices.csv");

        assertThatThrownBy(() -> importPrices(missing, true)).isInstanceOf(ImportException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> importPrices(dir, true)).isInstanceOf(ImportException.class)
                .hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Path xlsx = Files.write(dir.resolve("prices.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0});

        assertThatThrownBy(() -> importPrices(xlsx, true)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("prices.xlsx: not a UTF-8 text file");
    }

    @Test
    void aRepeatedHeaderColumnIsRefused() throws IOException {
        assertThatThrownBy(() -> importPrices(file("p.csv", "date,instrument,close,Close\n2020-01-02,A,1,2\n"), true))
                .isInstanceOf(ImportException.class)
                .hasMessage("p.csv: column \"Close\" appears twice in the header");
    }

    @Test
    void anUnterminatedQuoteRejectsTheLine() throws IOException {
        Path csv = file("prices.csv", HEADER + "2020-01-02,\"AAPL,300.35\n2020-01-03,AAPL,297.43\n");

        ImportReport report = importPrices(csv, true);

        assertThat(report.rejected()).containsExactly(
                new RejectedRow(2, "field 2: unterminated quoted field (a field may not span lines)"));
        assertThat(store.prices().count()).isEqualTo(1);
    }
}
