package com.positionlab.ui.kelly;

import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.service.kelly.SimulationService;
import com.positionlab.ui.common.ReportButton;

/**
 * The Kelly Lab's result as a report: the calculation on screen with the simulation of the same bets, as
 * {@code report --kind kelly --simulation} makes it from the two commands' output.
 */
final class KellyLabReport {

    private KellyLabReport() {
    }

    static Report of(KellyLabViewModel model, ReportContext context) {
        ReportContext withSimulation = context;
        if (model.simulationProperty().get() != null && model.simulatedWith() != null) {
            withSimulation = context.withSimulation(ReportButton.json(SimulationService.response(
                    model.simulationProperty().get(), model.simulatedWith())));
        }
        return ReportKind.KELLY.build(ReportButton.json(model.resultProperty().get()), withSimulation);
    }
}
