package com.positionlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.kinds.ReportKind;

/**
 * Each kind's PDF, read back with PDFBox: its text holds the inputs that reproduce the result and the key
 * figures (recomputed here from the result, not copied), every page is numbered "Page i of n", the fonts
 * are embedded, and the charts are drawn (vector paths on their pages).
 */
class PdfReportTest {

    @TempDir
    Path dir;

    @Test
    void aKellyReportWithItsSimulationStatesItsInputsFiguresAndCharts() throws IOException {
        JsonNode kelly = Results.kelly();
        JsonNode sim = Results.simulation();
        Report report = ReportKind.KELLY.build(kelly, Results.context().withSimulation(sim));
        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = text(pdf);
            // Inputs, in percent where they are shares, and the defaults the calculation used.
            assertThat(text).contains("Win probability", "55.00%", "Average win", "150", "Average loss", "100",
                    "Kelly multiplier", "0.25", "Kelly cap", "50.00%", "Random seed", "42", "Paths", "2,000");
            // f* = 0.55 - 0.45 / 1.5 = 25%, sized at 25% x 0.25 = 6.25%.
            assertThat(kelly.get("kelly_fraction").asDouble()).isEqualTo(0.25, org.assertj.core.data.Offset
                    .offset(1e-9));
            assertThat(text).contains("Kelly calculation: f* = 25.00%, size at 6.25%");
            // The simulation's figures as the result gives them.
            for (JsonNode f : sim.get("fractions")) {
                assertThat(text).contains(ReportText.percent(f.get("probability_of_ruin").asDouble()),
                        ReportText.number(f.get("terminal_wealth_percentiles").get("p50").asDouble()));
            }
            assertThat(text).contains("Growth paths staking 5.00% a bet", "Growth paths staking 20.00% a bet",
                    "Wealth (log scale)", "Bets", "ruin level", "Final wealth (log scale)");
            assertThat(text).contains("Created 2026-12-03 10:15:30 UTC", "Workspace: /data/trader/workspace");
            assertNumberedWithEmbeddedFonts(pdf, text);
            assertThat(maxPathOperations(pdf)).as("a page of fan charts draws paths").isGreaterThan(500);
        }
    }

    @Test
    void aSizingReportNamesTheRequestTheLimitsThatBoundAndEveryMethod() throws IOException {
        JsonNode r = Results.sizingAllMethods();
        Report report = ReportKind.SIZING.build(r, Results.context());
        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = text(pdf);
            assertThat(text).contains("Trading decision: instrument", "trading_decision.instrument_id", "NEW",
                    "Trading decision: entry price", "100", "Trading decision: stop price", "95",
                    "Sizing parameters: sizing method", "KELLY_CRITERION", "Risk constraints: max portfolio risk",
                    "30.00%", "Return history: new", "a list of 260 values");
            JsonNode pos = r.get("optimal_position");
            assertThat(text).contains("Sizing: LONG " + ReportText.format(pos.get("recommended_size").decimalValue(),
                    Unit.UNITS) + " NEW", ReportText.format(pos.get("recommended_notional").decimalValue(), Unit.MONEY),
                    ReportText.percent(pos.get("recommended_weight").asDouble()));
            for (JsonNode b : r.get("binding_constraints")) {
                assertThat(text.replace("\n", " ")).contains(b.get("reason").asText());
            }
            assertThat(text).contains("Every method compared", "Kelly", "Fixed %", "Vol target", "Risk parity",
                    "Equal weight", "Fixed risk", "Optimal f", "Weight of equity by method");
            for (JsonNode s : r.get("stress_tests")) {
                assertThat(text).contains(s.get("scenario").asText());
            }
            assertNumberedWithEmbeddedFonts(pdf, text);
        }
    }

    @Test
    void portfolioAndEdgeReportsOfTheDemoWorkspace() throws IOException {
        JsonNode[] both = Results.portfolioAndEdge(dir);
        try (PDDocument pdf = Loader.loadPDF(Results.write(ReportKind.PORTFOLIO.build(both[0], Results.context()),
                ReportFormat.PDF))) {
            String text = text(pdf);
            for (JsonNode h : both[0].get("holdings")) {
                assertThat(text).contains(h.get("instrument_id").asText(),
                        ReportText.format(h.get("market_value").decimalValue(), Unit.MONEY),
                        ReportText.percent(h.get("weight").asDouble()));
            }
            assertThat(text).contains("Demo portfolio: 1,000,000.00 USD", "Weight by sector");
            assertNumberedWithEmbeddedFonts(pdf, text);
        }
        try (PDDocument pdf = Loader.loadPDF(Results.write(ReportKind.EDGE.build(both[1], Results.context()),
                ReportFormat.PDF))) {
            String text = text(pdf);
            for (JsonNode s : both[1]) {
                assertThat(text).contains(s.get("name").asText(), ReportText.percent(s.get("all").get("win_rate")
                        .asDouble()), "Kelly from " + s.get("all").get("trades").asInt() + " trades");
            }
            assertThat(text).contains("Last 20 trades", "Last 30 days", "Bootstrap resamples", "2,000");
            assertNumberedWithEmbeddedFonts(pdf, text);
        }
    }

    @Test
    void hostileTextIsDrawnSafelyAndALongTableRepeatsItsHeaderOnEveryPage() throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(List.of(Cell.text("row " + i + " \u0000\u0007 中 " + "x".repeat(i % 7 == 0 ? 300 : 3)),
                    Cell.num((double) i, Unit.FRACTION)));
        }
        Report report = new Report("test", "Title with 中 and a tab\tand\nnewline", "", Results.AT, "ws 中",
                List.of(new Section.Table("Long", "long", List.of(Section.Column.text("Name"),
                        Section.Column.of("Share", Unit.FRACTION)), rows, true)), null);
        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = text(pdf);
            assertThat(pdf.getNumberOfPages()).isGreaterThan(5);
            assertThat(text).contains("Title with ? and a tab and", "row 399", "39,900.00%");
            int headers = text.split("Share \\(%\\)", -1).length - 1;
            assertThat(headers).isEqualTo(pdf.getNumberOfPages());
        }
    }

    @Test
    void aTableCutShortInThePdfSaysHowManyRowsItLeftOutAndTheCsvHasThemAll() throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(List.of(Cell.text("row " + i), Cell.count(i)));
        }
        Section.Table table = new Section.Table("Rows", "rows", List.of(Section.Column.text("Name"),
                Section.Column.of("N", Unit.COUNT)), rows, true).printingAtMost(12);
        assertThat(table.rowsLeftOut()).isEqualTo(18);
        Report report = new Report("test", "t", "", Results.AT, "ws", List.of(table), null);
        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = text(pdf);
            assertThat(text).contains("row 11", "The first 12 of 30 rows; the other 18 are left out here")
                    .doesNotContain("row 12");
        }
        String csv = new String(Results.write(report, ReportFormat.CSV), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(31).contains("row 29,29");
    }

    @Test
    void aHugeWordIsCutQuicklyAndOnlyTwelveFractionsAreCharted() throws IOException {
        // One 1 MB word: shown cut to its first 2,000 characters, at bisection speed.
        String huge = "A".repeat(1 << 20);
        Report report = new Report("test", "t", "", Results.AT, "ws", List.of(new Section.Fields("F",
                List.of(new Section.Field("Huge", Cell.text(huge), "huge")))), null);
        long start = System.nanoTime();
        byte[] pdf = Results.write(report, ReportFormat.PDF);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to lay out a 1 MB word").isLessThan(5);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(text(doc).replace("\n", "").chars().filter(c -> c == 'A').count()).isEqualTo(2_000);
        }
        // Twenty fractions: a table row each, charts for the first twelve, and a note saying so.
        double[] twenty = new double[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = 0.01 * (i + 1);
        }
        JsonNode sim = Results.tree(com.positionlab.service.Calculators.create().simulation().simulate(
                new com.positionlab.service.kelly.SimulationRequest(0.55, 1.0, null, twenty, 20, 200, null, null, null,
                        1L, null, null), 1, com.positionlab.engine.task.Progress.NONE));
        Report many = ReportKind.SIMULATION.build(sim, Results.context());
        assertThat(many.sections().stream().filter(Section.Chart.class::isInstance).count()).isEqualTo(36);
        assertThat(many.mainTable().orElseThrow().rows()).hasSize(20);
        try (PDDocument doc = Loader.loadPDF(Results.write(many, ReportFormat.PDF))) {
            assertThat(text(doc)).contains("The charts show the first 12 of the 20 fractions simulated");
        }
    }

    static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf);
    }

    static void assertNumberedWithEmbeddedFonts(PDDocument pdf, String text) throws IOException {
        int n = pdf.getNumberOfPages();
        for (int i = 1; i <= n; i++) {
            assertThat(text).contains("Page " + i + " of " + n);
        }
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
        }
    }

    /** The most path-drawing operators (move, line, rectangle) on any one page. */
    static int maxPathOperations(PDDocument pdf) throws IOException {
        int most = 0;
        for (PDPage page : pdf.getPages()) {
            int n = 0;
            for (Object token : new PDFStreamParser(page).parse()) {
                if (token instanceof Operator op && List.of("m", "l", "re").contains(op.getName())) {
                    n++;
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }
}
