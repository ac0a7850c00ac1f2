package com.positionlab.ui.kelly;

import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.service.kelly.SimulationService;
import com.positionlab.ui.common.ReportButton;
import java.util.function.Function;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.service.kelly.KellyCalculationResponse;
import com.positionlab.service.kelly.SimulationRequest;
import java.util.List;
import com.positionlab.service.kelly.EdgeReport;

/**
 * The Kelly Lab's result as a report: the calculation on screen with the simulation of the same bets, as
 * {@code report --kind kelly --simulation} makes it from the two commands' output.
 */
final class KellyLabReport {

    private KellyLabReport() {
    }

    /** The chosen strategy's edge on screen now, as `edge --strategy` prints it, as a report to make. */
    static Function<ReportContext, Report> edge(KellyLabViewModel model) {
        EdgeReport shown = model.edgeProperty().get();
        return context -> ReportKind.EDGE.build(ReportButton.json(List.of(shown)), context);
    }

    /** The calculation and simulation on screen now, as a report to make (in the background). */
    static Function<ReportContext, Report> of(KellyLabViewModel model) {
        KellyCalculationResponse calculation = model.resultProperty().get();
        GrowthSimulationResult simulation = model.simulationProperty().get();
        SimulationRequest request = model.simulatedWith();
        return context -> {
            ReportContext withSimulation = simulation == null || request == null ? context
                    : context.withSimulation(ReportButton.json(SimulationService.response(simulation, request)));
            return ReportKind.KELLY.build(ReportButton.json(calculation), withSimulation);
        };
    }
}
