package com.positionlab.report;

import java.io.IOException;
import java.io.OutputStream;

import com.positionlab.engine.task.Progress;

/** Writes a report in one format. One writer per {@link ReportFormat}. */
public interface ReportWriter {

    /** Writes {@code report} to {@code out}; checks {@code progress} for a cancel between parts. */
    void write(Report report, OutputStream out, Progress progress) throws IOException;
}
