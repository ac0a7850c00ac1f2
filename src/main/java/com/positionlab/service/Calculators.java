package com.positionlab.service;

import com.positionlab.service.backtest.AttributionService;
import com.positionlab.service.kelly.KellyService;
import com.positionlab.service.kelly.SimulationService;
import com.positionlab.service.optimize.AllocateService;
import com.positionlab.service.optimize.FrontierService;
import com.positionlab.service.optimize.OptimizeService;
import com.positionlab.service.risk.RiskService;
import com.positionlab.service.sizing.PositionSizingService;

/**
 * The use cases that need no workspace: a request carries everything they read, and nothing is stored.
 * The API's Kelly endpoint and the Kelly Lab's live preview use {@link #kelly()} so that what-ifs do not
 * fill the workspace's history; {@link #sizing()} sizes requests that carry their book and return history.
 */
public record Calculators(KellyService kelly, SimulationService simulation, RiskService risk,
                          PositionSizingService sizing, OptimizeService optimize,
                          FrontierService frontier, AllocateService allocate, AttributionService attribution) {

    /** Backtests of prices files and given trades (no workspace). */
    public com.positionlab.service.backtest.BacktestService backtest() {
        return new com.positionlab.service.backtest.BacktestService(optimize(), null, null);
    }

    public static Calculators create() {
        return new Calculators(new KellyService(), new SimulationService(), new RiskService(),
                new PositionSizingService(), new OptimizeService(), new FrontierService(),
                new AllocateService(), new AttributionService());
    }
}
