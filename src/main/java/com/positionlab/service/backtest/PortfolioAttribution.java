package com.positionlab.service.backtest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.backtest.BacktestResult;
import com.positionlab.engine.backtest.PriceHistory;
import com.positionlab.engine.backtest.attribution.BrinsonAttribution;
import com.positionlab.engine.backtest.attribution.BrinsonFachler;
import com.positionlab.engine.backtest.attribution.CarinoLinking;
import com.positionlab.engine.backtest.attribution.InstrumentInput;
import com.positionlab.engine.backtest.attribution.LinkedAttribution;
import com.positionlab.engine.backtest.attribution.SectorInput;
import com.positionlab.engine.backtest.attribution.SectorInputs;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestResponse.Attribution;
import com.positionlab.service.backtest.BacktestResponse.SectorEffect;

/**
 * A portfolio backtest's Brinson-Fachler attribution by sector against a benchmark, month by month: each
 * calendar month (the first from the backtest's first day) uses the portfolio's weights after that day's trades
 * at its start, the benchmark's weights over the instruments priced then, and each instrument's price return over
 * the month; cash is a sector of its own, earning the cash rate. The months are linked by Carino's method, so
 * the effects add up to the compounded holdings-based active return. A portfolio with short positions is not
 * attributed (the method needs weights of at least zero), nor is one that borrows cash.
 */
final class PortfolioAttribution {

    private PortfolioAttribution() {
    }

    /** The benchmark's weights over all instruments (null: equal weight over those priced). */
    static double[] benchmark(JsonNode spec, BacktestData data) {
        if (spec == null || spec.isNull() || spec.isTextual() && spec.asText().equals("equal_weight")
                || spec.isObject() && spec.has("ticker") && spec.size() == 1) {
            return null; // equal weight, or a benchmark series kept apart in the data
        }
        JsonNode w = spec.path("weights");
        if (!w.isObject() || w.isEmpty()) {
            throw new ValidationException("benchmark", "must be \"equal_weight\", {\"weights\": {ticker: weight}} or "
                    + "{\"ticker\": TICKER} (a column of the prices held as the benchmark, not traded)");
        }
        double[] out = new double[data.tickers().size()];
        w.fields().forEachRemaining(e -> {
            int i = data.tickers().indexOf(e.getKey());
            double v = e.getValue().asDouble(Double.NaN);
            if (i < 0 || !(v >= 0 && v <= 1)) {
                throw new ValidationException("benchmark.weights." + ValidationException.clip(e.getKey()),
                        i < 0 ? "is not one of the tickers" : "must be a number from 0 to 1");
            }
            out[i] = v;
        });
        return out;
    }

    static Attribution of(BacktestData data, BacktestResult r, int offset, double[] benchmark, double cashDaily) {
        List<Integer> ends = monthEnds(r);
        List<BrinsonAttribution> periods = new ArrayList<>();
        int from = 0;
        for (int end : ends) {
            double[] w = r.weightsAt(from);
            for (double x : w) {
                if (x < -1e-12) {
                    return null;
                }
            }
            BrinsonAttribution p = period(data, w, offset + from, offset + end, benchmark,
                    Math.pow(1 + cashDaily, end - from) - 1);
            if (p == null) {
                return null;
            }
            periods.add(p);
            from = end;
        }
        if (periods.isEmpty()) {
            return null;
        }
        LinkedAttribution linked = CarinoLinking.link(periods);
        List<SectorEffect> sectors = linked.sectors().stream().map(s -> new SectorEffect(s.sector(), s.allocation(),
                s.selection(), s.interaction(), s.total())).toList();
        double actual = r.finalEquity() / r.equityAt(0) - 1; // from the first day's holdings, as the statistics
        return new Attribution(data.benchmark() != null ? data.benchmark().ticker() : benchmark == null
                ? "equal_weight" : "weights", "Brinson-Fachler by sector, monthly, "
                + "linked by Carino", periods.size(), sectors, linked.allocation(), linked.selection(),
                linked.interaction(), linked.activeReturn(), linked.portfolioReturn(), linked.benchmarkReturn(),
                actual - linked.portfolioReturn());
    }

    /** The last day of each calendar month of the backtest after its first day, and its last day. */
    private static List<Integer> monthEnds(BacktestResult r) {
        List<Integer> ends = new ArrayList<>();
        for (int d = 1; d < r.size(); d++) {
            boolean last = d == r.size() - 1 || r.dates()[d + 1].getMonthValue() != r.dates()[d].getMonthValue();
            if (last) {
                ends.add(d);
            }
        }
        return ends;
    }

    private static BrinsonAttribution period(BacktestData data, double[] w, int a, int b, double[] benchmark,
                                             double cashReturn) {
        PriceHistory h = data.history();
        List<InstrumentInput> inputs = new ArrayList<>();
        double invested = 0;
        double bench = 0;
        for (int i = 0; i < w.length; i++) {
            if (!Double.isNaN(h.price(a, i))) {
                bench += benchmark == null ? 1 : benchmark[i];
            }
        }
        for (int i = 0; i < w.length; i++) {
            double pa = h.price(a, i);
            if (Double.isNaN(pa)) {
                continue;
            }
            double wb = bench > 0 ? (benchmark == null ? 1 : benchmark[i]) / bench : 0;
            double wp = Math.max(0, w[i]);
            invested += wp;
            inputs.add(new InstrumentInput(data.tickers().get(i), data.sectors()[i], wp, wb, h.price(b, i) / pa - 1));
        }
        if (data.benchmark() != null) {
            double[] x = data.benchmark().prices();
            if (!(x[a] > 0) || !(x[b] > 0)) {
                return null;
            }
            inputs.replaceAll(in -> new InstrumentInput(in.instrument(), in.sector(), in.portfolioWeight(), 0,
                    in.periodReturn()));
            inputs.add(new InstrumentInput(data.benchmark().ticker(), data.benchmark().sector(), 0, 1,
                    x[b] / x[a] - 1));
        }
        List<SectorInput> sectors = new ArrayList<>(SectorInputs.fromInstruments(inputs));
        double cash = 1 - invested;
        if (cash < -1e-9 || bench <= 0 && data.benchmark() == null) {
            return null; // borrowing, or nothing priced to benchmark against
        }
        if (cash > 1e-12) {
            sectors.add(SectorInput.portfolioOnly("Cash", cash, cashReturn));
        }
        return BrinsonFachler.attribute(sectors);
    }
}
