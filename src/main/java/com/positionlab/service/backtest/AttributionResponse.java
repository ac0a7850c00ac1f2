package com.positionlab.service.backtest;

import java.util.List;

import com.positionlab.engine.backtest.attribution.BrinsonAttribution;
import com.positionlab.engine.backtest.attribution.SectorAttribution;

/**
 * A single-period Brinson-Fachler attribution: each sector's weights, the returns its effects used, and its
 * allocation, selection and interaction effects with their sum; then the totals, which add up to the active
 * return R_p - R_b. Every figure is a fraction of the portfolio's value (0.001 is 10 basis points).
 */
public record AttributionResponse(List<SectorOut> sectors, double allocation, double selection, double interaction,
                                  double activeReturn, double portfolioReturn, double benchmarkReturn,
                                  String method) {

    /** What {@link #method} says. */
    public static final String METHOD = "Brinson-Fachler (single period)";

    public AttributionResponse {
        sectors = List.copyOf(sectors);
    }

    /** One sector's row; {@code total} is allocation + selection + interaction. */
    public record SectorOut(String sector, double portfolioWeight, double benchmarkWeight, double portfolioReturn,
                            double benchmarkReturn, double allocation, double selection, double interaction,
                            double total) {

        static SectorOut of(SectorAttribution s) {
            return new SectorOut(s.sector(), s.portfolioWeight(), s.benchmarkWeight(), s.portfolioReturn(),
                    s.benchmarkReturn(), s.allocation(), s.selection(), s.interaction(), s.total());
        }
    }

    static AttributionResponse of(BrinsonAttribution a) {
        return new AttributionResponse(a.sectors().stream().map(SectorOut::of).toList(), a.allocation(),
                a.selection(), a.interaction(), a.activeReturn(), a.portfolioReturn(), a.benchmarkReturn(), METHOD);
    }
}
