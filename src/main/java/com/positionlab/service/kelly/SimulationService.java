package com.positionlab.service.kelly;

import java.util.List;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.sim.growth.FractionResult;
import com.positionlab.engine.sim.growth.GrowthSimulationRequest;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.engine.sim.growth.GrowthSimulator;
import com.positionlab.engine.sim.growth.Histogram;
import com.positionlab.engine.sim.growth.Percentiles;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.ValidationException;

/**
 * The {@code simulate} use case: Monte Carlo growth paths for several betting fractions, with exact lattice
 * answers for two-outcome bets. Same seed, same numbers, whatever the number of threads.
 */
public final class SimulationService {

    public static final int DEFAULT_BETS = 250;
    public static final int DEFAULT_PATHS = 10_000;
    public static final double DEFAULT_INITIAL_CAPITAL = 100_000;
    public static final double DEFAULT_RUIN_LEVEL = 0.5;
    public static final double DEFAULT_TARGET_MULTIPLE = 2.0;
    public static final long DEFAULT_SEED = 42;

    /** Runs the simulation the request describes on {@code threads} threads. */
    public SimulationResponse simulate(SimulationRequest r, int threads, Progress progress) {
        long start = System.nanoTime();
        try {
            GrowthSimulationResult result = GrowthSimulator.simulate(toEngine(r), threads, progress);
            return toResponse(result, (System.nanoTime() - start) / 1e6, effective(r));
        } catch (InvalidParameterException e) {
            throw new ValidationException(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    /** The request's first problem, without simulating; empty when it can be simulated. */
    public static List<ValidationException.FieldError> check(SimulationRequest r) {
        try {
            toEngine(r);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        } catch (InvalidParameterException e) {
            return List.of(new ValidationException.FieldError(e.field(), e.getMessage().substring(e.field().length()
                    + 2)));
        }
    }

    /** The engine request, with defaults for missing optional fields. */
    public static GrowthSimulationRequest toEngine(SimulationRequest r) {
        if (r.fractions() == null) {
            throw new ValidationException("fractions", "is required: the shares of capital staked on each bet, "
                    + "e.g. [0.05, 0.1]");
        }
        boolean tradeList = r.outcomes() != null;
        if (!tradeList && r.winProbability() == null) {
            throw new ValidationException("win_probability", "is required (with win_loss_ratio), or give outcomes");
        }
        if (!tradeList && r.winLossRatio() == null) {
            throw new ValidationException("win_loss_ratio", "is required with win_probability");
        }
        return new GrowthSimulationRequest(tradeList ? Double.NaN : r.winProbability(),
                tradeList ? Double.NaN : r.winLossRatio(), r.outcomes(), r.fractions(), or(r.bets(), DEFAULT_BETS),
                or(r.paths(), DEFAULT_PATHS), or(r.initialCapital(), DEFAULT_INITIAL_CAPITAL),
                or(r.ruinLevel(), DEFAULT_RUIN_LEVEL), or(r.targetMultiple(), DEFAULT_TARGET_MULTIPLE),
                r.seed() == null ? DEFAULT_SEED : r.seed(), r.stopRuinedPaths() != null && r.stopRuinedPaths(),
                or(r.ruinProbabilityLimit(), GrowthSimulationRequest.DEFAULT_RUIN_PROBABILITY_LIMIT));
    }

    /**
     * The response to {@code request} of a simulation already run ({@code result}), as {@code simulate} prints
     * it: for a view's report of the simulation it shows.
     */
    public static SimulationResponse response(GrowthSimulationResult result, SimulationRequest request) {
        return toResponse(result, 0, effective(request));
    }

    /** The request with the defaults the simulation used (the seed among them) filled in. */
    static SimulationRequest effective(SimulationRequest r) {
        boolean tradeList = r.outcomes() != null;
        return new SimulationRequest(tradeList ? null : r.winProbability(), tradeList ? null : r.winLossRatio(),
                r.outcomes(), r.fractions(), or(r.bets(), DEFAULT_BETS), or(r.paths(), DEFAULT_PATHS),
                or(r.initialCapital(), DEFAULT_INITIAL_CAPITAL), or(r.ruinLevel(), DEFAULT_RUIN_LEVEL),
                or(r.targetMultiple(), DEFAULT_TARGET_MULTIPLE), r.seed() == null ? DEFAULT_SEED : r.seed(),
                r.stopRuinedPaths() != null && r.stopRuinedPaths(),
                or(r.ruinProbabilityLimit(), GrowthSimulationRequest.DEFAULT_RUIN_PROBABILITY_LIMIT));
    }

    static SimulationResponse toResponse(GrowthSimulationResult result, double ms, SimulationRequest request) {
        return new SimulationResponse(result.fractions().stream().map(SimulationService::fraction).toList(),
                finite(result.recommendedFraction()), result.ruinProbabilityLimit(), result.ruinedPathsStopped(), ms,
                request);
    }

    private static SimulationResponse.FractionJson fraction(FractionResult f) {
        return new SimulationResponse.FractionJson(f.fraction(), finite(f.kellyMultiple()),
                percentiles(f.terminalWealthPercentiles()),
                percentiles(f.terminalLogWealthPercentiles()), f.meanTerminalWealth(), finite(f.meanLogGrowth()),
                finite(f.meanLogGrowthStandardError()), f.probabilityOfRuin(), f.probabilityOfTarget(),
                f.maxDrawdownMedian(), f.maxDrawdownP95(), finite(f.exactProbabilityOfRuin()),
                percentiles(f.exactTerminalWealthPercentiles()),
                f.bands().stream().map(b -> new SimulationResponse.BandJson(b.bet(), percentiles(b.wealth()))).toList(),
                f.samplePaths().stream().map(p -> new SimulationResponse.PathJson(p.path(), p.wealth())).toList(),
                histogram(f.terminalWealthHistogram()), histogram(f.maxDrawdownHistogram()));
    }

    private static SimulationResponse.HistogramJson histogram(Histogram h) {
        return new SimulationResponse.HistogramJson(h.edges(), h.counts());
    }

    private static SimulationResponse.PercentilesJson percentiles(Percentiles p) {
        return p == null ? null : new SimulationResponse.PercentilesJson(p.p5(), p.p25(), p.p50(), p.p75(), p.p95());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static int or(Integer v, int fallback) {
        return v == null ? fallback : v;
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }
}
