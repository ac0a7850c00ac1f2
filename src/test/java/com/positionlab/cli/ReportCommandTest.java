package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;

/**
 * {@code report}: what a command printed, in, a report file out; every bad input is one line naming the
 * option, with exit code 2, and no file is written.
 */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private Path printed(String name, String... command) throws Exception {
        assertThat(run(command)).as(err.toString()).isZero();
        Path p = dir.resolve(name);
        Files.writeString(p, out.toString());
        return p;
    }

    @Test
    void aKellyResultAndItsSimulationBecomeOnePdf() throws Exception {
        Path kelly = printed("kelly.json", "kelly", file("k.json", GoldenCliTest.KELLY_DISCRETE).toString());
        Path sim = printed("sim.json", "simulate", file("s.json", GoldenCliTest.SIMULATE).toString());
        Path pdf = dir.resolve("kelly report.pdf");
        assertThat(run("report", "--kind", "kelly", "--in", kelly.toString(), "--simulation", sim.toString(),
                "--out", pdf.toString(), "--workspace", "desk A")).as(err.toString()).isZero();
        JsonNode summary = Json.mapper().readTree(out.toString());
        assertThat(summary.get("kind").asText()).isEqualTo("kelly");
        assertThat(summary.get("format").asText()).isEqualTo("pdf");
        assertThat(summary.get("file").asText()).isEqualTo(pdf.toAbsolutePath().toString());
        assertThat(summary.get("bytes").asLong()).isEqualTo(Files.size(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            // KELLY_DISCRETE: p 0.55, b 1.5, multiplier 0.5, cap 0.4: f* = 25%, sized at 25% x 0.5.
            assertThat(text).contains("f* = 25.00%, size at 12.50%", "Workspace: desk A", "Random seed", "7",
                    "Growth paths staking 12.50% a bet");
        }
    }

    @Test
    void everyBadInputIsOneLineNamingTheOptionAndWritesNothing() throws Exception {
        Path kelly = printed("kelly.json", "kelly", file("k.json", GoldenCliTest.KELLY_DISCRETE).toString());
        Path target = dir.resolve("r.pdf");
        expectRefused("--kind: \"sizes\" must be one of sizing, kelly, simulation, edge, portfolio, history, "
                + "optimization, frontier, backtest",
                "report", "--kind", "sizes", "--in", kelly.toString(), "--out", target.toString());
        expectRefused("--out: the file name must end in .pdf, .csv, .zip or .json",
                "report", "--kind", "kelly", "--in", kelly.toString(), "--out", dir.resolve("r.docx").toString());
        expectRefused("--in: is not what `size` prints: it has no \"optimal_position\"",
                "report", "--kind", "sizing", "--in", kelly.toString(), "--out", target.toString());
        Path broken = file("broken.json", "{\"kelly_fraction\": 0.25,\n \"method\": }");
        expectRefused("--in: malformed JSON at line 2, column 12: Unexpected character ('}'): expected a value",
                "report", "--kind", "kelly", "--in", broken.toString(), "--out", target.toString());
        expectRefused("--in: \"" + dir.resolve("nope.json") + "\": no such file",
                "report", "--kind", "kelly", "--in", dir.resolve("nope.json").toString(), "--out", target.toString());
        expectRefused("--simulation: only a kelly report has a simulation", "report", "--kind", "simulation",
                "--in", kelly.toString(), "--simulation", kelly.toString(), "--out", target.toString());
        expectRefused("--simulation: is not what `simulate` prints: it has no \"fractions\"", "report", "--kind",
                "kelly", "--in", kelly.toString(), "--simulation", kelly.toString(), "--out", target.toString());
        assertThat(Files.exists(target)).isFalse();
        // A folder that does not exist: a failure to write (exit 1), naming the path.
        Path nowhere = dir.resolve("missing/r.pdf");
        assertThat(run("report", "--kind", "kelly", "--in", kelly.toString(), "--out", nowhere.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: cannot write " + nowhere.toAbsolutePath()
                + ": the folder " + nowhere.toAbsolutePath().getParent() + " does not exist");
    }

    @Test
    void theJsonExportIsTheResultAsPrintedNumbersKeptExactly() throws Exception {
        Path kelly = printed("kelly.json", "kelly", file("k.json", GoldenCliTest.KELLY_DISCRETE).toString());
        Path json = dir.resolve("again.json");
        assertThat(run("report", "--kind", "kelly", "--in", kelly.toString(), "--out", json.toString())).isZero();
        assertThat(Files.readString(json).strip()).isEqualTo(Files.readString(kelly).strip());
        Path csv = dir.resolve("growth.csv");
        assertThat(run("report", "--kind", "kelly", "--in", kelly.toString(), "--out", csv.toString())).isZero();
        assertThat(Files.readString(csv)).startsWith("Multiple of f*,Fraction staked (fraction),"
                + "Expected log growth per bet,Growth relative to f* (fraction)\r\n0.25,0.0625,");
    }

    @Test
    void aHistoryReportReadsTheWorkspaceAndRefusesBadDates() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        assertThat(run("demo", "--db", db)).isZero();
        Path pdf = dir.resolve("history.pdf");
        assertThat(run("report", "--kind", "history", "--from", "2026-01-01", "--to", "2026-01-31", "--db", db,
                "--out", pdf.toString())).as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Accepted sizings, 2026-01-01 to 2026-01-31", "0 sizings",
                    "No sizing was accepted from 2026-01-01 to 2026-01-31.", "Workspace: " + dir.resolve("ws"));
        }
        Path target = dir.resolve("h.pdf");
        expectRefused("--from: is required for a history report (YYYY-MM-DD)", "report", "--kind", "history",
                "--to", "2026-01-31", "--db", db, "--out", target.toString());
        expectRefused("--to: \"31/01/2026\" is not a date (YYYY-MM-DD)", "report", "--kind", "history", "--from",
                "2026-01-01", "--to", "31/01/2026", "--db", db, "--out", target.toString());
        expectRefused("--to: 2025-12-31 is before from (2026-01-01)", "report", "--kind", "history", "--from",
                "2026-01-01", "--to", "2025-12-31", "--db", db, "--out", target.toString());
        expectRefused("--from: only a history report has dates", "report", "--kind", "kelly", "--from",
                "2026-01-01", "--in", pdf.toString(), "--out", target.toString());
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void theHelpNamesEveryKind() {
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString()).contains("sizing", "kelly", "simulation", "edge", "portfolio", "--simulation",
                "FILE.pdf", "FILE.csv", "FILE.zip", "(the full result)");
    }

    private void expectRefused(String message, String... args) {
        assertThat(run(args)).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: " + message);
        assertThat(out.toString()).isEmpty();
    }

    private Path file(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }
}
