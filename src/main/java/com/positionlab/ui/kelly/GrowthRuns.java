package com.positionlab.ui.kelly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;

import com.positionlab.engine.sim.growth.FractionResult;
import com.positionlab.engine.sim.growth.GrowthSimulationRequest;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.engine.sim.growth.GrowthSimulator;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;

/**
 * The Kelly Lab's growth simulations: the newest request wins (an older one still running is cancelled), and
 * the fractions already simulated for the same bets are kept, so that moving the slider simulates only the
 * newly chosen fraction, not half, full and double Kelly again. A fraction's paths depend only on the bets,
 * the seed and the fraction, so a kept result is exactly what simulating it again would give.
 */
final class GrowthRuns {

    /** Fractions kept for one set of bets; more are dropped (a trader sliding back and forth reuses few). */
    static final int KEPT = 64;

    private final LatestRun runs;
    private final Map<Double, FractionResult> kept = new HashMap<>();
    private GrowthSimulationRequest keptFor;

    GrowthRuns(TaskRunner runner) {
        this.runs = new LatestRun(runner, java.time.Duration.ZERO, LatestRun.WhileRunning.CANCEL);
    }

    ReadOnlyBooleanProperty busyProperty() {
        return runs.busyProperty();
    }

    void cancel() {
        runs.cancel();
    }

    /** Simulates {@code request}'s fractions not kept yet, in the background; call on the JavaFX thread. */
    void request(GrowthSimulationRequest request, Consumer<GrowthSimulationResult> onResult,
                 Consumer<Throwable> onFailure) {
        if (!request.sameBetsAs(keptFor) || kept.size() > KEPT) {
            kept.clear();
            keptFor = request;
        }
        double[] fractions = request.fractions();
        Map<Double, FractionResult> known = new HashMap<>(kept);
        double[] missing = Arrays.stream(fractions).filter(f -> !known.containsKey(f)).toArray();
        int threads = Runtime.getRuntime().availableProcessors();
        runs.request("Simulating growth paths", p -> {
            if (missing.length > 0) {
                for (FractionResult r : GrowthSimulator.simulate(request.withFractions(missing), threads, p)
                        .fractions()) {
                    known.put(r.fraction(), r);
                }
            }
            List<FractionResult> all = new ArrayList<>(fractions.length);
            for (double f : fractions) {
                all.add(known.get(f));
            }
            return GrowthSimulator.combine(request, all);
        }, result -> {
            if (request.sameBetsAs(keptFor)) {
                result.fractions().forEach(r -> kept.put(r.fraction(), r));
            }
            onResult.accept(result);
        }, onFailure);
    }
}
