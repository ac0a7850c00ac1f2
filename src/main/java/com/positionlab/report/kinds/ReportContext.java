package com.positionlab.report.kinds;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a report states beside the result: when it was made, on which workspace (as the trader knows it: a
 * path or a name), and for a Kelly report the simulation that goes with the calculation (null when none).
 */
public record ReportContext(Instant createdAt, String workspace, JsonNode simulation) {

    public ReportContext {
        workspace = workspace == null || workspace.isBlank() ? "not stated" : workspace;
    }

    public static ReportContext now(String workspace) {
        return new ReportContext(Instant.now(), workspace, null);
    }

    public ReportContext withSimulation(JsonNode simulationResult) {
        return new ReportContext(createdAt, workspace, simulationResult);
    }
}
