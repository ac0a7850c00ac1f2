package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.domain.Holding;
import com.positionlab.domain.Portfolio;
import com.positionlab.service.Json;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final String dbUrl = "jdbc:h2:mem:" + UUID.randomUUID();
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private JsonNode report() throws IOException {
        return Json.mapper().readTree(out.toString());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private <T> T inStore(Function<Store, T> read) {
        try (Database db = Database.open(dbUrl)) {
            return read.apply(new Store(db));
        }
    }

    @Test
    void aCleanFileExitsZeroAndPrintsTheReport() throws IOException {
        Path csv = file("prices.csv", "date,instrument,close\n2020-01-02,AAPL,300.35\n2020-01-03,AAPL,297.43\n");

        int code = run("import", "--db", dbUrl, "--create-instruments", "--prices", csv.toString());

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        JsonNode report = report();
        assertThat(report.get("kind").asText()).isEqualTo("PRICES");
        assertThat(report.get("format").asText()).isEqualTo("long");
        assertThat(report.get("file").asText()).isEqualTo(csv.toString());
        assertThat(report.get("rows_read").asInt()).isEqualTo(2);
        assertThat(report.get("rows_accepted").asInt()).isEqualTo(2);
        assertThat(report.get("rows_rejected").asInt()).isZero();
        assertThat(report.get("rejected")).isEmpty();
        assertThat(report.get("written").asBoolean()).isTrue();
        assertThat(report.get("rows_new").asInt()).isEqualTo(2);
        int stored = inStore(s -> s.prices().count());
        assertThat(stored).isEqualTo(2);
    }

    @Test
    void rejectedRowsExitOneListingTheirLinesAndStoreNothing() throws IOException {
        Path csv = file("prices.csv", "date,instrument,close\n2020-01-02,AAPL,300.35\n\n2020-01-03,AAPL,abc\n"
                + "2020-01-03,AAPL,-2\n");

        int code = run("import", "--db", dbUrl, "--create-instruments", "--prices", csv.toString());

        assertThat(code).isEqualTo(1);
        JsonNode report = report();
        assertThat(report.get("rows_rejected").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").findValuesAsText("line")).containsExactly("4", "5");
        assertThat(report.get("rejected").get(0).get("reason").asText()).isEqualTo("close: \"abc\" is not a number");
        assertThat(report.get("written").asBoolean()).isFalse();
        int stored = inStore(s -> s.prices().count());
        assertThat(stored).isZero();
    }

    @Test
    void validOnlyStoresTheGoodRowsAndStillExitsOne() throws IOException {
        Path csv = file("trades.csv", "strategy,instrument,side,quantity,entry_time,entry_price,exit_time,exit_price\n"
                + "s,X,LONG,2,2020-01-02,10,2020-01-03,11.5\ns,X,LONG,2,2020-01-05,10,2020-01-04,11\n");

        int code = run("import", "--db", dbUrl, "--create-instruments", "--trades", csv.toString(), "--valid-only");

        assertThat(code).isEqualTo(1);
        assertThat(report().get("rows_new").asInt()).isEqualTo(1);
        BigDecimal pnl = inStore(s -> s.trades().trades("s").get(0).pnl());
        assertThat(pnl).isEqualByComparingTo("3.00");
    }

    @Test
    void perTickerPricesTakeTheGivenInstrument() throws IOException {
        Path csv = file("download.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2020-01-02,158.78,160.73,158.33,160.62,156.59,22622100\n");

        int code = run("import", "--db", dbUrl, "--create-instruments", "--prices", csv.toString(), "--instrument", "MSFT");

        assertThat(code).isZero();
        assertThat(report().get("format").asText()).isEqualTo("per_ticker");
        double adjClose = inStore(s -> s.prices().history("MSFT").get(0).adjClose());
        assertThat(adjClose).isEqualTo(156.59);
    }

    @Test
    void holdingsGoToTheFirstPortfolioOrTheGivenOne() throws IOException {
        run("import", "--db", dbUrl, "--create-instruments", "--prices", file("p.csv", "date,symbol,close\n2020-01-02,AAPL,300\n").toString());
        inStore(s -> {
            s.portfolios().save(new Portfolio("core", "Core", "USD", BigDecimal.ZERO));
            return null;
        });
        Path holdings = file("h.csv", "instrument,quantity\nAAPL,12\n");

        assertThat(run("import", "--db", dbUrl, "--holdings", holdings.toString())).isZero();
        assertThat(run("import", "--db", dbUrl, "--holdings", holdings.toString(), "--portfolio", "side")).isZero();

        List<Holding> core = inStore(s -> s.portfolios().holdings("core"));
        List<Holding> side = inStore(s -> s.portfolios().holdings("side"));
        assertThat(core).singleElement().satisfies(h -> assertThat(h.quantity()).isEqualByComparingTo("12"));
        assertThat(side).hasSize(1);
    }

    @Test
    void holdingsOfAnUnknownInstrumentExitOne() throws IOException {
        Path holdings = file("h.csv", "instrument,quantity\nXYZ,12\n");

        assertThat(run("import", "--db", dbUrl, "--holdings", holdings.toString())).isEqualTo(1);
        assertThat(report().get("rejected").get(0).get("reason").asText())
                .isEqualTo("instrument: \"XYZ\" is not in the workspace; import its prices first");
    }

    @Test
    void aMissingFileExitsTwoWithOneLine() {
        Path missing = dir.resolve("missing.csv");

        int code = run("import", "--db", dbUrl, "--prices", missing.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertSingleErrorLine().isEqualTo("error: " + missing + ": no such file");
    }

    @Test
    void aFileOfTheWrongEncodingExitsTwoWithOneLine() throws IOException {
        Path csv = Files.write(dir.resolve("utf16.csv"),
                "date,instrument,close\n2020-01-02,AAPL,1\n".getBytes(StandardCharsets.UTF_16));

        assertThat(run("import", "--db", dbUrl, "--prices", csv.toString())).isEqualTo(2);
        assertSingleErrorLine().startsWith("error: utf16.csv: not a UTF-8 text file");
    }

    @Test
    void aMissingColumnExitsTwoNamingIt() throws IOException {
        Path csv = file("prices.csv", "date,instrument,price\n2020-01-02,AAPL,1\n");

        assertThat(run("import", "--db", dbUrl, "--prices", csv.toString())).isEqualTo(2);
        assertSingleErrorLine().isEqualTo("error: prices.csv: missing column \"close\" (header: date,instrument,price)");
    }

    @Test
    void badOptionsExitTwoWithOneLine() throws IOException {
        Path csv = file("prices.csv", "date,instrument,close\n2020-01-02,AAPL,1\n");

        assertThat(run("import", "--db", dbUrl)).isEqualTo(2);
        assertSingleErrorLine().startsWith("error: ");
        assertThat(run("import", "--db", dbUrl, "--prices", csv.toString(), "--trades", csv.toString())).isEqualTo(2);
        assertSingleErrorLine().contains("mutually exclusive");
        assertThat(run("import", "--db", dbUrl, "--prices", csv.toString(), "--frobnicate")).isEqualTo(2);
        assertSingleErrorLine().contains("--frobnicate");
    }

    private AbstractStringAssert<?> assertSingleErrorLine() {
        String text = err.toString();
        assertThat(text.lines()).hasSize(1);
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
        return assertThat(text.strip());
    }

    @Test
    void anUnknownTickerStoresNothingWithoutCreateInstrumentsAndExitsTwoNamingIt() throws Exception {
        Path csv = file("typo.csv", "date,instrument,close\n2020-01-02,APPL,300\n");
        assertThat(run("import", "--db", dbUrl, "--prices", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("1 instrument the workspace does not know (APPL)")
                .contains("--create-instruments");
        assertThat(Json.mapper().readTree(out.toString()).get("unknown_instruments").get(0).asText()).isEqualTo("APPL");
        assertThat(Json.mapper().readTree(out.toString()).get("written").asBoolean()).isFalse();
    }
}
