package com.positionlab.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A result as a document: what it is ({@code kind}, a title and a line saying what it is about), when it was
 * made and on which workspace, its sections (inputs, tables, charts, notes), and the result itself as JSON,
 * which the JSON export writes whole. Built by a {@link com.positionlab.report.kinds.ReportKind}; written by a
 * {@link ReportWriter}.
 */
public record Report(String kind, String title, String subtitle, Instant createdAt, String workspace,
                     List<Section> sections, JsonNode result) {

    public Report {
        sections = List.copyOf(sections);
    }

    /** The tables, printed or not, in order. */
    public List<Section.Table> tables() {
        return sections.stream().filter(Section.Table.class::isInstance).map(Section.Table.class::cast).toList();
    }

    /** The table a single CSV file holds: the first printed table, else the first. */
    public Optional<Section.Table> mainTable() {
        return tables().stream().filter(Section.Table::printed).findFirst().or(() -> tables().stream().findFirst());
    }
}
