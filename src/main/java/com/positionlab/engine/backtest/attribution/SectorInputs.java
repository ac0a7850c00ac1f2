package com.positionlab.engine.backtest.attribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.positionlab.engine.InvalidParameterException;

/** Sector inputs for {@link BrinsonFachler} built from instrument-level weights and returns. */
public final class SectorInputs {

    private SectorInputs() {
    }

    /**
     * One {@link SectorInput} per sector label, in order of first appearance. A side's sector weight is the sum
     * of its instrument weights; its sector return is the weight-averaged return of the sector's instruments,
     * sum(w r) / sum(w). Where a side holds none of a sector (sector weight 0):
     * <ul>
     * <li>the benchmark's sector return is the equal-weighted mean return of the sector's instruments, the
     * return a neutral holding of the sector would have earned, so an off-benchmark sector's allocation effect
     * w_p (r_b - R_b) measures the bet on the sector and its interaction the pick within it;</li>
     * <li>the portfolio's sector return is the benchmark's, so a sector the portfolio leaves out has selection
     * and interaction 0 and its whole effect is allocation.</li>
     * </ul>
     * Instrument identifiers must be unique; the weight sums are checked by {@link BrinsonFachler#attribute}.
     */
    public static List<SectorInput> fromInstruments(List<InstrumentInput> instruments) {
        if (instruments == null || instruments.isEmpty()) {
            throw new InvalidParameterException("instruments", "need at least 1 instrument, got 0");
        }
        Set<String> seen = new HashSet<>();
        Map<String, List<InstrumentInput>> bySector = new LinkedHashMap<>();
        for (InstrumentInput i : instruments) {
            if (!seen.add(i.instrument())) {
                throw new InvalidParameterException("instruments", "instrument " + i.instrument()
                        + " appears twice");
            }
            bySector.computeIfAbsent(i.sector(), s -> new ArrayList<>()).add(i);
        }
        List<SectorInput> sectors = new ArrayList<>(bySector.size());
        for (Map.Entry<String, List<InstrumentInput>> e : bySector.entrySet()) {
            sectors.add(sector(e.getKey(), e.getValue()));
        }
        return sectors;
    }

    private static SectorInput sector(String name, List<InstrumentInput> members) {
        double wp = 0;
        double wb = 0;
        double weightedP = 0;
        double weightedB = 0;
        double plain = 0;
        for (InstrumentInput i : members) {
            wp += i.portfolioWeight();
            wb += i.benchmarkWeight();
            weightedP += i.portfolioWeight() * i.periodReturn();
            weightedB += i.benchmarkWeight() * i.periodReturn();
            plain += i.periodReturn();
        }
        double rb = wb > 0 ? weightedB / wb : plain / members.size();
        double rp = wp > 0 ? weightedP / wp : rb;
        return new SectorInput(name, wp, wb, rp, rb);
    }
}
