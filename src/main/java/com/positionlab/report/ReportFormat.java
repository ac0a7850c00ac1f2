package com.positionlab.report;

import java.nio.file.Path;
import java.util.Locale;

/** The formats a report is written in, chosen by the file's extension. */
public enum ReportFormat {
    /** A document to file: inputs, tables, charts, binding limits, page numbers, embedded fonts. */
    PDF("pdf"),
    /** The report's main table as one CSV file. */
    CSV("csv"),
    /** Every table of the report (inputs included), one CSV file each, in a zip. */
    ZIP("zip"),
    /** The full result, as the command printed it. */
    JSON("json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format a file name asks for.
     *
     * @throws IllegalArgumentException naming the file when its extension is none of pdf, csv, zip, json
     */
    public static ReportFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (name.endsWith("." + f.extension)) {
                return f;
            }
        }
        throw new IllegalArgumentException("the file name must end in .pdf, .csv, .zip or .json");
    }

    /** This format's writer. */
    public ReportWriter writer() {
        return switch (this) {
            case PDF -> new PdfReportWriter();
            case CSV -> new CsvReportWriter(false);
            case ZIP -> new CsvReportWriter(true);
            case JSON -> new JsonReportWriter();
        };
    }
}
