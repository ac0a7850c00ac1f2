package com.positionlab.ui.kelly;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.kelly.SizingResult;
import com.positionlab.service.kelly.EdgeReport;
import com.positionlab.service.kelly.KellyCalculationResponse;
import com.positionlab.ui.common.Formats;
import com.positionlab.service.Names;

/**
 * The lines of the Kelly Lab's "Sizing and sensitivity" panel, built from one calculation and the strategy
 * edge and sizing that were current when it was asked for, so that the panel never mixes one calculation's
 * sensitivities with another's inputs.
 */
final class ResultNotes {

    private ResultNotes() {
    }

    /** The panel's lines; {@code edge} and {@code sized} are null for typed inputs. */
    static List<String> of(KellyCalculationResponse r, EdgeReport edge, SizingResult sized, String bootstrapWarning) {
        List<String> lines = new ArrayList<>();
        if (r == null) {
            return lines;
        }
        lines.add("Adjusted = min(max(f*, 0), max Kelly) x multiplier = " + Formats.decimal4(r.adjustedKelly()));
        if (r.kellyFraction() <= 0) {
            lines.add("Negative edge: sized to zero, never short by accident.");
        }
        if (!bootstrapWarning.isEmpty()) {
            lines.add(bootstrapWarning);
        }
        if (edge != null && sized != null) {
            strategyLines(edge, sized, lines);
        }
        var s = r.sensitivityAnalysis();
        if (s.dKellyDWinProbability() != null) {
            lines.add("df*/dp = " + Formats.decimal2(s.dKellyDWinProbability()) + ", df*/db = "
                    + Formats.decimal4(s.dKellyDPayoff()) + " (at p = " + Formats.percent(winProbability(r))
                    + ", b = " + Formats.decimal2(r.winLossRatio()) + ")");
        }
        for (var g : s.growthTable()) {
            lines.add(Formats.decimal2(g.kellyMultiple()) + " x Kelly: growth " + (g.relativeGrowth() == null ? "—"
                    : Formats.percent(g.relativeGrowth())) + " of the maximum");
        }
        return lines;
    }

    private static void strategyLines(EdgeReport edge, SizingResult sized, List<String> lines) {
        lines.add(edge.name() + ": " + sized.basis());
        var all = edge.all();
        if (all.kelly() != null && all.logOptimalKelly() != null) {
            lines.add("Kelly from the averages, p - q/b: " + Formats.decimal4(all.kelly())
                    + "; from the trade list (max mean ln(1 + f r)): " + Formats.decimal4(all.logOptimalKelly())
                    + "; sizing starts from the smaller.");
        }
        lines.add("Sized: " + Formats.percent(sized.fraction()) + " of capital (conviction "
                + Names.conviction(sized.appliedConviction()) + ")");
        sized.adjustments().forEach(a -> lines.add(a.name() + " x" + Formats.decimal2(a.multiplier()) + ": "
                + a.reason()));
        sized.bindingLimits().forEach(l -> lines.add("Limit " + l.name() + ": " + Formats.decimal4(l.before())
                + " -> " + Formats.decimal4(l.after()) + (l.reason() == null ? "" : " (" + l.reason() + ")")));
    }

    /** The win probability behind a win-rate-and-payoff result: f* = p - (1 - p) / b, so p = (f* b + 1) / (b + 1). */
    static double winProbability(KellyCalculationResponse r) {
        return (r.kellyFraction() * r.winLossRatio() + 1) / (r.winLossRatio() + 1);
    }
}
