package com.positionlab.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.positionlab.engine.task.Progress;

/**
 * CSV as a spreadsheet or a script reads it: a header row whose headers name the unit ("weight (fraction)",
 * "notional (USD)"), plain numbers (no thousands separators, fractions as decimals), ISO dates as the result
 * gives them, RFC 4180 quoting, and text cells that begin with {@code =}, {@code +}, {@code -}, {@code @}
 * (or a tab or carriage return) prefixed with an apostrophe so that a spreadsheet shows them instead of
 * running them as a formula. One table per file: the report's main table, or with {@code zip} every table
 * (the inputs included) as its own file in a zip.
 */
public final class CsvReportWriter implements ReportWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final boolean zip;

    CsvReportWriter(boolean zip) {
        this.zip = zip;
    }

    @Override
    public void write(Report report, OutputStream out, Progress progress) throws IOException {
        if (!zip) {
            Section.Table table = report.mainTable().orElseThrow(() -> new IOException("the " + report.kind()
                    + " report has no table to write as CSV"));
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeTable(table, w, progress);
            w.flush();
            return;
        }
        ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer w = new OutputStreamWriter(z, StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        for (Section.Table table : tablesOf(report)) {
            progress.checkCancelled();
            z.putNextEntry(new ZipEntry(unique(names, table.name()) + ".csv"));
            writeTable(table, w, progress);
            w.flush();
            z.closeEntry();
        }
        z.finish();
    }

    /** The report's tables, each set of labelled values as a table of its own first. */
    static List<Section.Table> tablesOf(Report report) {
        List<Section.Table> tables = new ArrayList<>();
        for (Section s : report.sections()) {
            if (s instanceof Section.Table t) {
                tables.add(t);
            } else if (s instanceof Section.Fields f) {
                tables.add(fieldsTable(f));
            }
        }
        return tables;
    }

    /** Labelled values as a table: field, name in the JSON contract, value, unit. */
    static Section.Table fieldsTable(Section.Fields f) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Section.Field field : f.fields()) {
            String unit = field.value() instanceof Cell.Num n && n.unit() != null ? n.unit().csvLabel() : "";
            rows.add(List.of(Cell.text(field.label()), Cell.text(field.apiName()), field.value(), Cell.text(unit)));
        }
        return new Section.Table(f.title(), slug(f.title()), List.of(Section.Column.text("field"),
                Section.Column.text("api_name"), Section.Column.text("value"), Section.Column.text("unit")), rows,
                true);
    }

    public static void writeTable(Section.Table table, Writer w, Progress progress) throws IOException {
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        List<String> header = new ArrayList<>();
        for (Section.Column c : table.columns()) {
            header.add(c.unitLabel() == null || c.unitLabel().isEmpty() ? c.header()
                    : c.header() + " (" + c.unitLabel() + ")");
        }
        printer.printRecord(header);
        int n = 0;
        for (List<Cell> row : table.rows()) {
            if (++n % 1000 == 0) {
                progress.checkCancelled();
            }
            List<String> values = new ArrayList<>(row.size());
            for (Cell cell : row) {
                values.add(plain(cell));
            }
            printer.printRecord(values);
        }
        printer.flush();
    }

    /** A cell as CSV text: numbers plain, text with formula-like starts neutralised. */
    static String plain(Cell cell) {
        if (cell instanceof Cell.Num num) {
            BigDecimal v = num.value();
            if (v != null && num.unit() == Unit.DATE) {
                return ReportText.date(v.doubleValue());
            }
            return v == null ? "" : v.stripTrailingZeros().toPlainString();
        }
        if (cell instanceof Cell.UnitName u) {
            return escapeFormula(u.written());
        }
        return escapeFormula(((Cell.Text) cell).text());
    }

    /** Prefixes an apostrophe to text a spreadsheet would take for a formula. */
    public static String escapeFormula(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    static String slug(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return s.isEmpty() ? "table" : s;
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
