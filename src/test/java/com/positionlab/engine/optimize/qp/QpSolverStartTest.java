package com.positionlab.engine.optimize.qp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A quadratic program solved from a feasible start (ojAlgo's convex solver called directly) has the same answer. */
class QpSolverStartTest {

    private static final double EXACT = 1e-10;

    @Test
    void aFeasibleStartGivesTheSameOptimum() {
        // minimise x^2 + y^2 - x with x + y = 1, x <= 0.6, y >= 0: the bound binds, (0.6, 0.4)
        QuadraticProgram p = QuadraticProgram.builder(2).quadratic(0, 2).quadratic(1, 2).linear(0, -1)
                .equal("budget", new double[] {1, 1}, 1).atMost("cap", new double[] {1, 0}, 0.6)
                .bounds(1, 0, Double.POSITIVE_INFINITY).build();
        QpResult cold = QpSolver.solve(p);
        QpResult warm = QpSolver.solve(p, new double[] {0.2, 0.8});
        assertThat(warm.x()[0]).isCloseTo(0.6, within(EXACT));
        assertThat(warm.x()[1]).isCloseTo(0.4, within(EXACT));
        assertThat(warm.objective()).isCloseTo(cold.objective(), within(EXACT));
    }
}
