package com.positionlab.ui.size;

import com.positionlab.service.sizing.PositionSizingResponse.ExpectedReturnEstimate;
import com.positionlab.service.sizing.PositionSizingResponse.OptimalPosition;
import com.positionlab.service.sizing.PositionSizingResponse.OptimizationDetails;
import com.positionlab.service.sizing.PositionSizingResponse.SizingAnalysis;
import com.positionlab.service.sizing.PositionSizingResponse.TradeKellyFigures;
import com.positionlab.ui.common.Formats;

/** The sentences that say where a sizing's Kelly figure and its expected return came from. */
final class KellyExplanation {

    private KellyExplanation() {
    }

    /** How Kelly became the method's weight (or what f* means when another method sized the trade). */
    static String path(OptimalPosition p, SizingAnalysis a, OptimizationDetails d) {
        TradeKellyFigures t = d.tradeKelly();
        if (t != null) {
            return trade(p, t, d);
        }
        if (!"KELLY_CRITERION".equals(p.sizingMethodUsed()) || a.kellyFraction() == null || d.kellyCap() == null) {
            return a.kellyFraction() == null ? "" : "f* is the growth-optimal weight (mu - cov with book) / sigma², "
                    + "shown for reference.";
        }
        return "f* = (mu - cov with book) / sigma² = " + Formats.percent(a.kellyFraction()) + "; capped at "
                + Formats.percent(d.kellyCap()) + ", x " + Formats.decimal2(d.kellyMultiplier())
                + " (fractional Kelly) x " + Formats.decimal2(d.convictionMultiplier())
                + " (conviction) = " + Formats.percent(d.rawWeight()) + " before the limits.";
    }

    /** The trade's own Kelly: reward:risk, f*, what is put at risk, and the amount at risk for the units. */
    private static String trade(OptimalPosition p, TradeKellyFigures t, OptimizationDetails d) {
        String rr = "Reward:risk " + Formats.decimal2(t.rewardToRisk()) + " : 1 (the target is +"
                + Formats.decimal2(t.rewardToRisk()) + "R). ";
        String fStar = "Trade Kelly f* = p - q/b = " + Formats.percent(t.winProbability()) + " - "
                + Formats.percent(1 - t.winProbability()) + " / " + Formats.decimal2(t.rewardToRisk()) + " = "
                + Formats.percent(t.kellyFraction()) + " of equity at risk to the stop";
        if (!"KELLY_CRITERION".equals(p.sizingMethodUsed()) || t.riskFraction() == null) {
            return rr + fStar + " (shown for reference). At risk: " + Formats.money(t.amountAtRisk(), p.currency())
                    + ".";
        }
        return rr + fStar + "; capped at " + Formats.percent(d.kellyCap()) + ", x "
                + Formats.decimal2(d.kellyMultiplier()) + " x " + Formats.decimal2(d.convictionMultiplier())
                + " = " + Formats.percent(t.riskFraction()) + " at risk. At risk for these units: "
                + Formats.money(t.amountAtRisk(), p.currency()) + ".";
    }

    /** Where the expected return came from when the trader gave none; empty when given. */
    static String returnEstimate(ExpectedReturnEstimate e) {
        if (e == null) {
            return "";
        }
        return "Historical mean " + Formats.percent(e.historicalMean()) + " ± " + Formats.percent(e.standardError())
                + " (standard error) over " + e.days() + " days, shrunk toward 0: " + Formats.percent(e.kept())
                + " of it kept.";
    }
}
