package com.positionlab.service.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Strategy;

import com.positionlab.domain.WorkspaceKind;
import java.math.BigDecimal;
import java.util.List;

import com.positionlab.domain.Portfolio;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.sizing.RuleService;
import com.positionlab.store.Store;

/**
 * Sets up a workspace (the demo on first start, a fresh demo, or an empty one) and says what it holds: its
 * kind, instruments with their latest prices, strategies and their trade counts.
 */
public final class WorkspaceService {

    /** What a workspace holds, for the status bar and the Data view. */
    public record Summary(WorkspaceKind kind, int instruments, int prices, int strategies, int trades,
                          int portfolios) {
    }

    private final Store store;

    public WorkspaceService(Store store) {
        this.store = store;
    }

    /**
     * On first start (nothing recorded and nothing stored) creates the demo workspace; otherwise leaves
     * the store alone. Returns the workspace's kind.
     */
    public WorkspaceKind ensureInitialised(Progress progress) {
        var kind = store.workspaceKind();
        if (kind.isPresent()) {
            return kind.get();
        }
        if (store.isEmpty()) {
            createDemo(progress);
            return WorkspaceKind.DEMO;
        }
        store.setWorkspaceKind(WorkspaceKind.USER);
        return WorkspaceKind.USER;
    }

    /** Replaces everything in the store with the deterministic demo workspace and the starter sizing rules. */
    public DemoWorkspace.Data createDemo(Progress progress) {
        progress.update(0.0, "Generating demo prices");
        DemoWorkspace.Data data = DemoWorkspace.generate(DemoWorkspace.SEED, scaled(progress, 0.0, 0.3));
        progress.checkCancelled();
        progress.update(0.3, "Saving demo workspace");
        store.clearAll();
        store.instruments().saveAll(data.instruments());
        progress.update(0.4, "Saving demo prices");
        // Into the store just emptied: no bar is replaced, and a start killed here starts the demo again (the
        // workspace is marked a demo last).
        store.prices().insertNew(data.prices());
        progress.checkCancelled();
        progress.update(0.85, "Saving demo trades");
        store.trades().saveStrategies(data.strategies());
        store.trades().saveAll(data.trades());
        store.portfolios().replace(data.portfolio(), data.holdings());
        new RuleService(store).ensureDefaults();
        store.setWorkspaceKind(WorkspaceKind.DEMO);
        progress.update(1.0, "Demo workspace ready");
        return data;
    }

    /** Empties the store and leaves one empty portfolio with no cash, and the starter sizing rules. */
    public void createEmpty() {
        store.clearAll();
        store.portfolios().replace(new Portfolio(PortfolioService.DEFAULT_PORTFOLIO_ID, "My portfolio", "USD",
                BigDecimal.ZERO.setScale(2)), List.of());
        new RuleService(store).ensureDefaults();
        store.setWorkspaceKind(WorkspaceKind.EMPTY);
    }

    public Summary summary() {
        return new Summary(store.workspaceKind().orElse(WorkspaceKind.EMPTY), store.instruments().count(),
                store.prices().count(), store.trades().strategies().size(), store.trades().count(),
                store.portfolios().findAll().size());
    }

    /** The workspace's kind, when one was recorded. */
    public Optional<WorkspaceKind> kind() {
        return store.workspaceKind();
    }

    public List<Instrument> instruments() {
        return store.instruments().findAll();
    }

    /** How many instruments the workspace holds: a cheap question that tells whether it answers. */
    public int instrumentCount() {
        return store.instruments().count();
    }

    /** The latest bar of each of {@code instrumentIds} that has one. */
    public Map<String, PriceBar> latestPrices(List<String> instrumentIds) {
        return store.prices().latest(instrumentIds);
    }

    /** Each instrument's average daily volume, in units, over its last {@code days} bars with a volume. */
    public Map<String, Double> averageDailyVolumes(List<String> instrumentIds, int days) {
        return store.prices().averageVolumes(instrumentIds, days);
    }

    public List<Strategy> strategies() {
        return store.trades().strategies();
    }

    /** Closed trades per strategy id. */
    public Map<String, Integer> tradeCounts() {
        return store.trades().tradeCounts();
    }

    private static Progress scaled(Progress p, double from, double to) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                p.update(from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }
}
