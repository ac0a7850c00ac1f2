package com.positionlab.ui.size;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Strategy;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.workspace.WorkspaceService;

/** What the ticket offers to choose from: instruments with a price, strategies, and the active rules. */
record TicketData(List<InstrumentChoice> instruments, List<Strategy> strategies, List<SizingRule> rules) {

    /** Reads the choices from the workspace (run it on a background task). */
    static TicketData load(WorkspaceService workspace, PortfolioService portfolio,
                           Supplier<List<SizingRule>> activeRules) {
        List<Instrument> all = workspace.instruments();
        Map<String, PriceBar> last = workspace.latestPrices(all.stream().map(Instrument::id).toList());
        Map<String, Double> held = new HashMap<>();
        portfolio.firstPortfolioHoldings().forEach((Holding h) -> held.put(h.instrumentId(), h.quantity().doubleValue()));
        List<InstrumentChoice> choices = new ArrayList<>();
        for (Instrument i : all) {
            PriceBar bar = last.get(i.id());
            if (bar != null) {
                choices.add(new InstrumentChoice(i.id(), i.name(), i.sector(), i.currency(), bar.close(),
                        held.getOrDefault(i.id(), 0.0)));
            }
        }
        return new TicketData(choices, workspace.strategies(), List.copyOf(activeRules.get()));
    }

    /** The instrument with {@code id}; else the first not held (a new trade); else the first; null when none. */
    InstrumentChoice instrumentOr(String id) {
        return instruments.stream().filter(i -> i.id().equals(id)).findFirst()
                .or(() -> instruments.stream().filter(i -> i.held() == 0).findFirst())
                .or(() -> instruments.stream().findFirst()).orElse(null);
    }
}
