package com.positionlab.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.positionlab.engine.task.Progress;

/**
 * The PDF a risk manager files: the title, when and on which workspace it was made, then each section in
 * order (inputs, tables, charts as vector graphics, binding limits and notes), with the report's title and
 * time on every page and "Page i of n" at the foot. Fonts are embedded (DejaVu Sans, subset), so the text can
 * be searched and copied.
 */
public final class PdfReportWriter implements ReportWriter {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final float BODY = 8.5f;

    @Override
    public void write(Report report, OutputStream out, Progress progress) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            info(doc, report);
            try (PdfPages pages = new PdfPages(doc)) {
                title(pages, report);
                int done = 0;
                for (Section s : report.sections()) {
                    progress.checkCancelled();
                    progress.update((double) done++ / Math.max(1, report.sections().size()), "Writing " + s.title());
                    section(pages, s, progress);
                }
                pages.close();
                furniture(pages, report);
            }
            progress.checkCancelled();
            doc.save(out);
        }
    }

    private static void section(PdfPages pages, Section s, Progress progress) throws IOException {
        if (s instanceof Section.Fields f) {
            new PdfTable(pages, BODY).drawFields(f);
        } else if (s instanceof Section.Table t && t.printed()) {
            new PdfTable(pages, BODY).draw(t, progress);
        } else if (s instanceof Section.Chart c) {
            new PdfChart(pages).draw(c);
        } else if (s instanceof Section.Notes n) {
            notes(pages, n);
        } else if (s instanceof Section.PageBreak) {
            if (pages.y() < PdfPages.TOP) {
                pages.newPage();
            }
        }
    }

    private static void title(PdfPages pages, Report report) throws IOException {
        for (String line : pages.wrap(pages.bold, 17, report.title(), PdfPages.WIDTH)) {
            pages.text(pages.bold, 17, PdfPages.MARGIN, pages.y() - 17, line, PdfTable.INK);
            pages.down(22);
        }
        if (!report.subtitle().isEmpty()) {
            for (String line : pages.wrap(pages.regular, 10.5f, report.subtitle(), PdfPages.WIDTH)) {
                pages.text(pages.regular, 10.5f, PdfPages.MARGIN, pages.y() - 11, line, PdfTable.INK);
                pages.down(14);
            }
        }
        String meta = "Created " + STAMP.format(report.createdAt()) + "   ·   Workspace: " + report.workspace()
                + "   ·   PositionLab " + report.kind() + " report";
        for (String line : pages.wrap(pages.regular, 8, meta, PdfPages.WIDTH)) {
            pages.text(pages.regular, 8, PdfPages.MARGIN, pages.y() - 10, line, PdfTable.MUTED);
            pages.down(11);
        }
        pages.down(10);
    }

    /** A section's title in bold, with a rule under it. */
    static void heading(PdfPages pages, String title) throws IOException {
        pages.text(pages.bold, 11, PdfPages.MARGIN, pages.y() - 12, title, PdfTable.INK);
        pages.down(16);
        PDPageContentStream c = pages.content();
        c.setStrokingColor(0.75f, 0.77f, 0.80f);
        c.setLineWidth(0.6f);
        c.moveTo(PdfPages.MARGIN, pages.y());
        c.lineTo(PdfPages.MARGIN + PdfPages.WIDTH, pages.y());
        c.stroke();
        pages.down(4);
    }

    private static void notes(PdfPages pages, Section.Notes n) throws IOException {
        pages.ensure(40);
        heading(pages, n.title());
        for (String note : n.lines()) {
            List<String> lines = pages.wrap(pages.regular, BODY + 0.5f, note, PdfPages.WIDTH - 14);
            pages.ensure(lines.size() * 12 + 4);
            pages.text(pages.regular, BODY + 0.5f, PdfPages.MARGIN + 2, pages.y() - 10, "•", PdfTable.INK);
            for (String line : lines) {
                pages.text(pages.regular, BODY + 0.5f, PdfPages.MARGIN + 14, pages.y() - 10, line, PdfTable.INK);
                pages.down(12);
            }
            pages.down(3);
        }
        pages.down(8);
    }

    /** The running head and the page numbers, on every page once their number is known. */
    private static void furniture(PdfPages pages, Report report) throws IOException {
        int total = pages.pages().size();
        for (int i = 0; i < total; i++) {
            PDPage page = pages.pages().get(i);
            try (PDPageContentStream c = new PDPageContentStream(pages.doc, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float top = page.getMediaBox().getHeight() - PdfPages.MARGIN + 12;
                String head = report.title() + "  ·  " + STAMP.format(report.createdAt());
                draw(c, pages, 7, PdfPages.MARGIN, top, clip(pages, head, PdfPages.WIDTH));
                String foot = "Page " + (i + 1) + " of " + total;
                float w = pages.width(pages.regular, 7.5f, foot);
                draw(c, pages, 7.5f, PdfPages.MARGIN + PdfPages.WIDTH - w, PdfPages.MARGIN - 8, foot);
                draw(c, pages, 7.5f, PdfPages.MARGIN, PdfPages.MARGIN - 8,
                        clip(pages, "Workspace: " + report.workspace(), PdfPages.WIDTH - w - 20));
            }
        }
    }

    private static String clip(PdfPages pages, String text, float width) {
        if (pages.width(pages.regular, 7.5f, text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && pages.width(pages.regular, 7.5f, t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static void draw(PDPageContentStream c, PdfPages pages, float size, float x, float y, String text)
            throws IOException {
        c.beginText();
        c.setNonStrokingColor(PdfTable.MUTED[0], PdfTable.MUTED[1], PdfTable.MUTED[2]);
        c.setFont(pages.regular, size);
        c.newLineAtOffset(x, y);
        c.showText(pages.printable(pages.regular, text));
        c.endText();
    }

    private static void info(PDDocument doc, Report report) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(report.title());
        info.setSubject(report.subtitle());
        info.setCreator("PositionLab");
        info.setProducer("PositionLab with Apache PDFBox");
        info.setKeywords("PositionLab, " + report.kind());
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(report.createdAt().toEpochMilli());
        info.setCreationDate(created);
    }
}
