package com.positionlab.ui.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.StoredBacktest;
import com.positionlab.domain.Strategy;
import com.positionlab.service.backtest.BacktestHistory;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.ui.backtest.BacktestChoices.UniverseChoice;

/**
 * What the Backtest view reads from the workspace before it runs, off the JavaFX thread: the universes it offers
 * (the default portfolio's holdings, every instrument, each sector), the trading days of the stored prices, the
 * strategies with closed trades, and the stored backtests.
 *
 * @param currency the instruments' one currency, or "" when they mix currencies
 * @param dates    every day on which an instrument of the workspace has a price, oldest first
 */
record Workspace(List<UniverseChoice> universes, List<LocalDate> dates, String currency,
                 List<StrategyChoice> strategies, List<StoredBacktest> recent) {

    /** Years of prices the default period covers (fewer when the data holds fewer). */
    static final int DEFAULT_YEARS = 5;

    /** A workspace strategy and how many closed trades it has. */
    record StrategyChoice(Strategy strategy, int trades) {
        @Override
        public String toString() {
            return strategy.name() + " (" + trades + " trades)";
        }
    }

    static Workspace of(WorkspaceService workspace, PortfolioService portfolio, BacktestHistory history,
                        int recentLimit) {
        List<Instrument> instruments = workspace.instruments();
        TreeSet<LocalDate> days = new TreeSet<>();
        List<String> priced = new ArrayList<>();
        for (Instrument i : instruments) {
            List<PriceBar> bars = portfolio.priceHistory(i.id());
            bars.forEach(b -> days.add(b.date()));
            if (!bars.isEmpty()) {
                priced.add(i.id());
            }
        }
        List<String> held = new ArrayList<>();
        portfolio.snapshot(portfolio.defaultPortfolio().id()).holdings().forEach(h -> {
            if (priced.contains(h.instrumentId())) {
                held.add(h.instrumentId());
            }
        });
        List<UniverseChoice> universes = new ArrayList<>();
        universes.add(new UniverseChoice("Portfolio holdings", held));
        universes.add(new UniverseChoice("All instruments", priced));
        Map<String, List<String>> bySector = new LinkedHashMap<>();
        instruments.stream().filter(i -> priced.contains(i.id()))
                .sorted(java.util.Comparator.comparing(Instrument::sector))
                .forEach(i -> bySector.computeIfAbsent(i.sector(), s -> new ArrayList<>()).add(i.id()));
        bySector.forEach((sector, ids) -> universes.add(new UniverseChoice("Sector: " + sector, ids)));
        List<String> currencies = instruments.stream().map(Instrument::currency).distinct().toList();
        Map<String, Integer> counts = workspace.tradeCounts();
        List<StrategyChoice> strategies = workspace.strategies().stream()
                .map(s -> new StrategyChoice(s, counts.getOrDefault(s.id(), 0))).filter(s -> s.trades() > 0).toList();
        return new Workspace(universes, List.copyOf(days), currencies.size() == 1 ? currencies.get(0) : "",
                strategies, history.recent(recentLimit));
    }

    /** The first universe with two instruments or more: the holdings, else every instrument. */
    UniverseChoice defaultUniverse() {
        return universes.stream().filter(u -> u.ids().size() >= 2).findFirst().orElse(universes.get(1));
    }

    /**
     * The default period: the last {@value #DEFAULT_YEARS} years of prices, starting no earlier than the first day
     * after {@code lookback} days of history (so every strategy has its lookback from the first day).
     */
    LocalDate defaultStart(int lookback) {
        if (dates.isEmpty()) {
            return null;
        }
        LocalDate afterLookback = dates.get(Math.min(lookback, dates.size() - 1));
        LocalDate yearsBack = last().minusYears(DEFAULT_YEARS);
        return afterLookback.isAfter(yearsBack) ? afterLookback : yearsBack;
    }

    LocalDate first() {
        return dates.isEmpty() ? null : dates.get(0);
    }

    LocalDate last() {
        return dates.isEmpty() ? null : dates.get(dates.size() - 1);
    }
}
