package com.positionlab.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.task.Progress;

/**
 * A table in the PDF: a shaded header row (repeated on each page the table runs onto), numbers right-aligned
 * and never cut (their columns get their full width first), text wrapped within what is left.
 */
final class PdfTable {

    static final float[] INK = {0.10f, 0.12f, 0.16f};
    static final float[] MUTED = {0.40f, 0.43f, 0.48f};
    private static final float[] HEADER_FILL = {0.90f, 0.92f, 0.95f};
    private static final float[] STRIPE_FILL = {0.97f, 0.975f, 0.985f};
    private static final float PAD = 4;
    private static final float MIN_TEXT_WIDTH = 48;

    private static final float SMALLEST = 5.5f;

    private final PdfPages pages;
    private float size;

    PdfTable(PdfPages pages, float size) {
        this.pages = pages;
        this.size = size;
    }

    /** Draws {@code table}'s title, header and rows from the cursor down, across pages as needed. */
    void draw(Section.Table table, Progress progress) throws IOException {
        List<String> headers = new ArrayList<>();
        for (Section.Column c : table.columns()) {
            headers.add(header(c));
        }
        // Numbers are never cut and words only when they must: while the numbers and each text column's
        // longest word do not fit across the page, the table's type shrinks.
        while (required(table, headers) > PdfPages.WIDTH && size > SMALLEST) {
            size = Math.max(SMALLEST, size - 0.5f);
        }
        float[] widths = widths(table, headers);
        float lineHeight = size * 1.35f;
        List<List<String>> headerLines = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            headerLines.add(pages.wrap(pages.bold, size, headers.get(i), widths[i] - 2 * PAD));
        }
        float headerHeight = maxLines(headerLines) * lineHeight + 2 * PAD;
        pages.ensure(headerHeight + lineHeight * 2 + 24);
        PdfReportWriter.heading(pages, table.title());
        drawHeader(widths, headerLines, headerHeight, lineHeight);
        int n = 0;
        for (List<Cell> row : table.rows().subList(0, table.rows().size() - table.rowsLeftOut())) {
            if (++n % 50 == 0) {
                progress.checkCancelled();
            }
            List<List<String>> lines = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String text = ReportText.format(row.get(i));
                lines.add(row.get(i) instanceof Cell.Num ? List.of(text)
                        : pages.wrap(pages.regular, size, text, widths[i] - 2 * PAD));
            }
            float height = maxLines(lines) * lineHeight + PAD;
            if (pages.y() - height < PdfPages.BOTTOM) {
                pages.newPage();
                drawHeader(widths, headerLines, headerHeight, lineHeight);
            }
            if (n % 2 == 0) {
                fill(STRIPE_FILL, PdfPages.MARGIN, pages.y() - height, PdfPages.WIDTH, height);
            }
            float x = PdfPages.MARGIN;
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = row.get(i) instanceof Cell.Num;
                float baseline = pages.y() - PAD / 2 - size;
                for (String line : lines.get(i)) {
                    float tx = numeric ? x + widths[i] - PAD - pages.width(pages.regular, size, line) : x + PAD;
                    pages.text(pages.regular, size, tx, baseline, line, INK);
                    baseline -= lineHeight;
                }
                x += widths[i];
            }
            pages.down(height);
        }
        if (table.rowsLeftOut() > 0) {
            leftOut(table);
        }
        pages.down(10);
    }

    /** The line under a table cut short: how many rows are not printed, and where they are. */
    private void leftOut(Section.Table table) throws IOException {
        String note = "The first " + (table.rows().size() - table.rowsLeftOut()) + " of " + table.rows().size()
                + " rows; the other " + table.rowsLeftOut() + " are left out here (the CSV export holds every row).";
        for (String line : pages.wrap(pages.regular, size, note, PdfPages.WIDTH - 2 * PAD)) {
            pages.ensure(size * 1.35f + PAD);
            pages.text(pages.regular, size, PdfPages.MARGIN + PAD, pages.y() - PAD / 2 - size, line, MUTED);
            pages.down(size * 1.35f);
        }
    }

    /**
     * Labelled values in two columns: the label (with the contract's field name in grey beneath it) and the
     * value, wrapped.
     */
    void drawFields(Section.Fields fields) throws IOException {
        float labelWidth = PdfPages.WIDTH * 0.42f;
        float valueWidth = PdfPages.WIDTH - labelWidth;
        float lineHeight = size * 1.35f;
        pages.ensure(lineHeight * 3 + 24);
        PdfReportWriter.heading(pages, fields.title());
        int n = 0;
        for (Section.Field f : fields.fields()) {
            List<String> value = pages.wrap(pages.regular, size, ReportText.format(f.value()), valueWidth - 2 * PAD);
            int labelLines = f.apiName().isEmpty() ? 1 : 2;
            float height = Math.max(labelLines, value.size()) * lineHeight + PAD;
            pages.ensure(height);
            if (++n % 2 == 0) {
                fill(STRIPE_FILL, PdfPages.MARGIN, pages.y() - height, PdfPages.WIDTH, height);
            }
            float baseline = pages.y() - PAD / 2 - size;
            pages.text(pages.regular, size, PdfPages.MARGIN + PAD, baseline, f.label(), INK);
            if (!f.apiName().isEmpty()) {
                pages.text(pages.regular, size * 0.85f, PdfPages.MARGIN + PAD, baseline - lineHeight, f.apiName(),
                        MUTED);
            }
            for (String line : value) {
                pages.text(pages.regular, size, PdfPages.MARGIN + labelWidth + PAD, baseline, line, INK);
                baseline -= lineHeight;
            }
            pages.down(height);
        }
        pages.down(10);
    }

    private void drawHeader(float[] widths, List<List<String>> headerLines, float height, float lineHeight)
            throws IOException {
        fill(HEADER_FILL, PdfPages.MARGIN, pages.y() - height, PdfPages.WIDTH, height);
        float x = PdfPages.MARGIN;
        for (int i = 0; i < widths.length; i++) {
            float baseline = pages.y() - PAD - size;
            for (String line : headerLines.get(i)) {
                pages.text(pages.bold, size, x + PAD, baseline, line, INK);
                baseline -= lineHeight;
            }
            x += widths[i];
        }
        pages.down(height);
    }

    /**
     * Column widths: each column's widest cell; when they do not fit, numeric columns keep their width and
     * text columns share the rest in proportion (at least {@value #MIN_TEXT_WIDTH} pt each, then wrapped).
     */
    private float[] widths(Section.Table table, List<String> headers) {
        int n = headers.size();
        float[] natural = new float[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            numeric[i] = table.columns().get(i).unit() != null;
            float longestWord = 0;
            for (String word : headers.get(i).split(" ")) {
                longestWord = Math.max(longestWord, pages.width(pages.bold, size, word));
            }
            natural[i] = longestWord + 2 * PAD;
        }
        for (List<Cell> row : table.rows()) {
            for (int i = 0; i < n; i++) {
                natural[i] = Math.max(natural[i], pages.width(pages.regular, size, ReportText.format(row.get(i)))
                        + 2 * PAD);
            }
        }
        float total = 0;
        for (float w : natural) {
            total += w;
        }
        if (total <= PdfPages.WIDTH) {
            float extra = (PdfPages.WIDTH - total) / n;
            for (int i = 0; i < n; i++) {
                natural[i] += extra;
            }
            return natural;
        }
        // Text columns: at least their longest word where the page allows, the rest shared in proportion to
        // how much more each needs.
        float fixed = 0;
        for (int i = 0; i < n; i++) {
            if (numeric[i]) {
                fixed += natural[i];
            }
        }
        float[] least = new float[n];
        float leastSum = 0;
        float more = 0;
        for (int i = 0; i < n; i++) {
            if (!numeric[i]) {
                least[i] = Math.min(natural[i], Math.max(MIN_TEXT_WIDTH, longestWord(table, i, headers.get(i))));
                leastSum += least[i];
                more += natural[i] - least[i];
            }
        }
        float room = Math.max(PdfPages.WIDTH - fixed, 0);
        for (int i = 0; i < n; i++) {
            if (numeric[i]) {
                continue;
            }
            natural[i] = leastSum >= room || more <= 0 ? Math.max(MIN_TEXT_WIDTH, least[i] * room / leastSum)
                    : least[i] + (natural[i] - least[i]) * (room - leastSum) / more;
        }
        return natural;
    }

    private float longestWord(Section.Table table, int column, String header) {
        float w = 0;
        for (String word : header.split(" ")) {
            w = Math.max(w, pages.width(pages.bold, size, word));
        }
        for (List<Cell> row : table.rows()) {
            for (String word : ReportText.format(row.get(column)).split(" ")) {
                w = Math.max(w, pages.width(pages.regular, size, word));
            }
        }
        return w + 2 * PAD;
    }

    /**
     * The width the table needs at least: each column's longest word (a number is one word, so numeric
     * columns are counted whole).
     */
    private float required(Section.Table table, List<String> headers) {
        float w = 0;
        for (int i = 0; i < headers.size(); i++) {
            w += longestWord(table, i, headers.get(i));
        }
        return w;
    }

    private static String header(Section.Column c) {
        if (c.unit() == Unit.FRACTION) {
            return c.header() + " (%)";
        }
        return c.unitLabel() == null || c.unitLabel().isEmpty() ? c.header() : c.header() + " (" + c.unitLabel() + ")";
    }

    private static int maxLines(List<List<String>> lines) {
        int m = 1;
        for (List<String> l : lines) {
            m = Math.max(m, l.size());
        }
        return m;
    }

    private void fill(float[] rgb, float x, float y, float w, float h) throws IOException {
        pages.content().setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        pages.content().addRect(x, y, w, h);
        pages.content().fill();
    }
}
