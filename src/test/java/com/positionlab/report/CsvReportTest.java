package com.positionlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.kinds.ReportKind;

/**
 * CSV read back with a CSV parser: a header row naming units, plain numbers (fractions as decimals, no
 * thousands separators), text a spreadsheet would run as a formula escaped, and a zip with every table.
 */
class CsvReportTest {

    @Test
    void theMainTableRoundTripsWithUnitsInTheHeaderAndPlainNumbers() throws IOException {
        JsonNode r = Results.sizingAllMethods();
        Report report = ReportKind.SIZING.build(r, Results.context());
        List<CSVRecord> rows = parse(new String(Results.write(report, ReportFormat.CSV), StandardCharsets.UTF_8));
        // With every method compared, the comparison is the main table.
        assertThat(rows.get(0).values()).containsExactly("Method", "Units (units)", "Notional (USD)",
                "Weight (fraction)", "Before limits (fraction)", "Limits that bound it", "Reason");
        assertThat(rows).hasSize(1 + r.get("comparison").size());
        for (int i = 0; i < r.get("comparison").size(); i++) {
            JsonNode c = r.get("comparison").get(i);
            CSVRecord row = rows.get(i + 1);
            assertThat(new BigDecimal(row.get(1))).isEqualByComparingTo(c.get("recommended_size").decimalValue());
            assertThat(new BigDecimal(row.get(2))).isEqualByComparingTo(c.get("recommended_notional").decimalValue());
            assertThat(Double.parseDouble(row.get(3))).isEqualTo(c.get("recommended_weight").asDouble());
            assertThat(row.get(2)).doesNotContain(",").doesNotContain("E");
        }
    }

    @Test
    void textThatASpreadsheetWouldRunIsEscapedAndNumbersAreNot() throws IOException {
        List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB",
                "\rCR", "plain, with \"quotes\"", "multi\nline", "");
        List<List<Cell>> rows = new ArrayList<>();
        for (String h : hostile) {
            rows.add(List.of(Cell.text(h), Cell.num(-1234567.5, Unit.MONEY), Cell.num(0.000012, Unit.FRACTION)));
        }
        Report report = new Report("test", "t", "", Results.AT, "ws", List.of(new Section.Table("T", "t",
                List.of(Section.Column.text("Note"), Section.Column.money("P&L", "EUR"),
                        Section.Column.of("Share", Unit.FRACTION)), rows, true)), null);
        List<CSVRecord> back = parse(new String(Results.write(report, ReportFormat.CSV), StandardCharsets.UTF_8));
        assertThat(back.get(0).values()).containsExactly("Note", "P&L (EUR)", "Share (fraction)");
        List<String> expected = List.of("'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTAB",
                "'\rCR", "plain, with \"quotes\"", "multi\nline", "");
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(back.get(i + 1).get(0)).isEqualTo(expected.get(i));
            assertThat(back.get(i + 1).get(1)).isEqualTo("-1234567.5");
            assertThat(back.get(i + 1).get(2)).isEqualTo("0.000012");
        }
    }

    @Test
    void theZipHoldsEveryTableInputsIncludedAndDataBehindTheCharts() throws IOException {
        Report report = ReportKind.SIMULATION.build(Results.simulation(), Results.context());
        Map<String, List<CSVRecord>> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Results.write(report,
                ReportFormat.ZIP)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        assertThat(files).containsOnlyKeys("simulation_inputs.csv", "results_by_fraction.csv",
                "percentile_bands.csv");
        List<CSVRecord> inputs = files.get("simulation_inputs.csv");
        assertThat(inputs.get(0).values()).containsExactly("field", "api_name", "value", "unit");
        assertThat(inputs).anySatisfy(row -> assertThat(row.values()).containsExactly("Random seed", "seed", "42", ""));
        assertThat(inputs).anySatisfy(row -> assertThat(row.values()).containsExactly("Ruin level", "ruin_level",
                "0.7", "fraction"));
        // 3 fractions x the band time points, each with its five percentiles.
        int points = Results.simulation().get("fractions").get(0).get("bands").size();
        assertThat(files.get("percentile_bands.csv")).hasSize(1 + 3 * points);
        assertThat(files.get("percentile_bands.csv").get(0).values()).containsExactly("fraction (fraction)", "bet",
                "wealth p5", "wealth p25", "wealth p50", "wealth p75", "wealth p95");
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    static List<CSVRecord> parse(InputStreamReader in) throws IOException {
        return CSVFormat.RFC4180.parse(in).getRecords();
    }
}
