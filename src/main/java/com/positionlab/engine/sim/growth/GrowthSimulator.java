package com.positionlab.engine.sim.growth;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.task.Progress;

/**
 * Monte Carlo simulation of wealth under fixed-fraction betting, with exact lattice answers for
 * two-outcome bets.
 *
 * <p>For each fraction f, every path starts at W0 and bets f of its current wealth {@code bets} times:
 * {@code W <- max(0, W (1 + f x))} (see {@link GrowthSimulationRequest}). Ruin, target and drawdown are path
 * statistics: a path is ruined once it touches {@code W <= ruinLevel W0}, reaches the target once it touches
 * {@code W >= targetMultiple W0} (both compared in log space, {@code ln(W / W0)}).
 *
 * <p>Paths are cut into blocks of {@value SimulationPlan#BLOCK}; each block has its own random stream derived
 * from the seed and the block index (see {@link SimulationPlan}), blocks run on {@code threads} threads, and
 * the merge does not depend on which thread ran which block: the same request gives bit-identical results for
 * any thread count. Progress is reported after each block; cancellation (or an interrupt of the calling
 * thread) is checked between blocks and every 4096 bets inside them, and ends the run with
 * {@link com.positionlab.engine.task.CancelledException}.
 */
public final class GrowthSimulator {

    private GrowthSimulator() {
    }

    /** Simulates every fraction of the request on {@code threads} threads (1 runs on the calling thread). */
    public static GrowthSimulationResult simulate(GrowthSimulationRequest request, int threads, Progress progress) {
        if (threads < 1) {
            throw new InvalidParameterException("threads", "must be at least 1, got " + threads);
        }
        SimulationPlan plan = SimulationPlan.of(request);
        double[] fractions = request.fractions();
        double kelly = request.kellyFraction();
        List<FractionResult> results = new ArrayList<>(fractions.length);
        ParallelBlocks runner = new ParallelBlocks(threads);
        for (int i = 0; i < fractions.length; i++) {
            progress.checkCancelled();
            double f = fractions[i];
            String message = "Simulating fraction " + f + " (" + (i + 1) + " of " + fractions.length + ")";
            double from = (double) i / fractions.length;
            double to = (double) (i + 1) / fractions.length;
            PathStatistics stats = simulateFraction(request, plan, f, runner, progress, from, to, message);
            BinomialLattice.Exact exact = request.isTwoOutcome()
                    ? BinomialLattice.solve(plan, request.winProbability(), request.winLossRatio(), f,
                            request.stopRuinedPaths(), progress)
                    : null;
            double multiple = kelly > 0 ? f / kelly : Double.NaN;
            results.add(new FractionResult(f, multiple, stats.terminalWealth(), stats.terminalLogWealth(),
                    stats.meanTerminalWealth(),
                    stats.bands(), stats.probabilityOfRuin(), stats.probabilityOfTarget(),
                    stats.maxDrawdownMedian(), stats.maxDrawdownP95(), stats.meanLogGrowth(),
                    stats.meanLogGrowthStandardError(), stats.samplePaths(),
                    exact == null ? Double.NaN : exact.probabilityOfRuin(),
                    exact == null ? null : exact.terminalWealth(), stats.terminalWealthHistogram(),
                    stats.maxDrawdownHistogram()));
        }
        progress.update(1, "Simulation complete");
        return combine(request, results);
    }

    /**
     * The result of {@code request} from its fractions' results, simulated together or apart (for requests
     * that {@link GrowthSimulationRequest#sameBetsAs same bets}): what {@link #simulate} would return.
     */
    public static GrowthSimulationResult combine(GrowthSimulationRequest request, List<FractionResult> results) {
        return new GrowthSimulationResult(results, recommend(results, request.ruinProbabilityLimit()),
                request.ruinProbabilityLimit(), request.stopRuinedPaths());
    }

    /**
     * The fraction with the highest median terminal wealth among those whose ruin probability is below
     * {@code limit}, using exact values where the lattice gives them; ties go to the smaller fraction. NaN
     * when none qualifies.
     */
    static double recommend(List<FractionResult> results, double limit) {
        FractionResult best = null;
        for (FractionResult r : results) {
            if (!(r.bestProbabilityOfRuin() < limit)) {
                continue;
            }
            if (best == null || r.bestMedianTerminalWealth() > best.bestMedianTerminalWealth()
                    || r.bestMedianTerminalWealth() == best.bestMedianTerminalWealth() && r.fraction() < best.fraction()) {
                best = r;
            }
        }
        return best == null ? Double.NaN : best.fraction();
    }

    private static PathStatistics simulateFraction(GrowthSimulationRequest request, SimulationPlan plan, double f,
            ParallelBlocks runner, Progress progress, double from, double to, String message) {
        if (request.isTwoOutcome() && !request.stopRuinedPaths()) {
            WinCountPaths paths = new WinCountPaths(plan, request.winProbability(), request.winLossRatio(), f);
            return paths.summarize(runner.run(plan.blocks(), paths::newWorker, progress, from, to, message));
        }
        LogWealthPaths paths = new LogWealthPaths(plan, request.outcomes(), request.winProbability(),
                request.winLossRatio(), f, request.stopRuinedPaths());
        return paths.summarize(runner.run(plan.blocks(), paths::newWorker, progress, from, to, message));
    }
}
