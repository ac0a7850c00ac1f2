package com.positionlab.report;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;

/** The full result, indented, exactly as the command printed it: it can be read back by {@code report}. */
final class JsonReportWriter implements ReportWriter {

    @Override
    public void write(Report report, OutputStream out, Progress progress) throws IOException {
        progress.checkCancelled();
        Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, report.result());
    }
}
