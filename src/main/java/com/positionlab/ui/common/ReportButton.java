package com.positionlab.ui.common;

import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.service.Json;

/** The "Export…" button of a view's result: enabled while the result on screen is current. */
public final class ReportButton {

    /** Keeps BigDecimals as they are (99973.10 stays 99973.10, as the command prints it). */
    private static final ObjectMapper EXACT = Json.mapper().copy()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ReportButton() {
    }

    /**
     * A button that exports the result on screen: {@code source} gives, when clicked, the report to make of
     * it (made in the background); {@code name} names the file. Enabled while {@code available}: a result
     * that is missing or out of date is not exported.
     */
    public static Button of(String id, ReportExporter exporter, ObservableBooleanValue available, String what,
                            Supplier<String> name, Supplier<Function<ReportContext, Report>> source) {
        Button b = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        b.setId(id);
        b.setTooltip(new Tooltip("Export " + what + ": a PDF with the inputs, tables, charts and binding limits; "
                + "or the main table as CSV, every table as a zip of CSV files, the full result as JSON "
                + "(choose by the file's extension)"));
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> !available.get(), available));
        b.setOnAction(e -> exporter.export(what, name.get(), source.get()));
        return b;
    }

    /** A result as JSON, as the command that computes it prints it. */
    public static JsonNode json(Object result) {
        return EXACT.valueToTree(result);
    }
}
