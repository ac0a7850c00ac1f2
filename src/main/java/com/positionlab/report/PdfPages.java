package com.positionlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The page the PDF writer draws on and where on it: A4 portrait, margins, a cursor that moves down the page
 * and starts a new page when what comes next does not fit; text in the embedded DejaVu Sans (subset, so the
 * text is searchable and copyable), with any character the font lacks shown as "?".
 */
final class PdfPages implements AutoCloseable {

    static final float MARGIN = 48;
    static final float TOP = PDRectangle.A4.getHeight() - MARGIN - 14;
    static final float BOTTOM = MARGIN + 16;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    final PDDocument doc;
    final PDType0Font regular;
    final PDType0Font bold;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font(doc, "DejaVuSans.ttf");
        this.bold = font(doc, "DejaVuSans-Bold.ttf");
        newPage();
    }

    private static PDType0Font font(PDDocument doc, String file) throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IOException("the report font " + file + " is missing from the application");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    PDPageContentStream content() {
        return content;
    }

    float y() {
        return y;
    }

    void down(float by) {
        y -= by;
    }

    List<PDPage> pages() {
        return pages;
    }

    /** Starts a new page when less than {@code height} is left on this one. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Draws {@code text} with its baseline at (x, y). */
    void text(PDType0Font font, float size, float x, float baseline, String text, float[] rgb) throws IOException {
        String safe = printable(font, text);
        if (safe.isEmpty()) {
            return;
        }
        content.beginText();
        content.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safe);
        content.endText();
    }

    float width(PDType0Font font, float size, String text) {
        try {
            return font.getStringWidth(printable(font, text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Longest text drawn in one cell or line; longer text ends in "…" (the CSV and JSON exports keep it). */
    static final int MAX_TEXT = 2_000;

    /**
     * Breaks {@code text} into lines no wider than {@code maxWidth}, at spaces where it can; a word wider than
     * a line is cut where it must be. Text beyond {@value #MAX_TEXT} characters is left out.
     */
    List<String> wrap(PDType0Font font, float size, String text, float maxWidth) {
        // A column sized to a word's width must not break that word on rounding.
        float width = maxWidth + 0.5f;
        String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        List<String> lines = new ArrayList<>();
        for (String paragraph : bounded.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (rest.length() > 1 && width(font, size, rest) > width) {
                    int cut = longestFitting(font, size, rest, width);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many leading characters of {@code word} fit in {@code width} (at least one), by bisection. */
    private int longestFitting(PDType0Font font, float size, String word, float width) {
        int lo = 1;
        int hi = word.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(font, size, word.substring(0, mid)) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The text with characters the font cannot draw (and control characters) replaced. */
    String printable(PDType0Font font, String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(' ');
            } else if (glyphs.computeIfAbsent(cp * 2 + (font == bold ? 1 : 0), k -> canShow(font, cp))) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private static boolean canShow(PDType0Font font, int codePoint) {
        try {
            // PDType0Font.encode refuses a character the font has no glyph for.
            return font.encode(new String(Character.toChars(codePoint))).length > 0;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
