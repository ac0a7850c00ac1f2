package com.positionlab.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.FrontierCases.Case;

/**
 * Properties of the frontier on seeded random problems of ten kinds (long only, tied and equal means,
 * near-singular and rank-deficient covariances, tight bounds, long-short, sector rows, an equality row,
 * market neutral) with 2 to 100 assets: every turning point is feasible; returns and volatilities fall
 * together down the frontier; every turning point and every segment's midpoint has the least variance an
 * independent convex program finds at its return.
 */
class CriticalLinePropertyTest {

    /** Budget, bounds and rows hold to this (weight units). */
    static final double FEASIBLE = 1e-9;
    /** Variances (of order 1e-2) and weights agree with the convex program to this. */
    static final double AGREE = 1e-8;
    /** About this many turning points (and the segments after them) per problem go to the convex program. */
    static final int COMPARED = 8;

    @Test
    void turningPointsAreFeasibleOnThreeHundredRandomProblems() {
        Random rnd = new Random(750);
        for (int trial = 0; trial < 300; trial++) {
            Case c = FrontierCases.random(rnd, trial, 60);
            for (TurningPoint t : c.solve().points()) {
                feasible(c, t.weights(), "trial " + trial + " (" + c.kind() + ")");
            }
        }
    }

    @Test
    void returnsAndVolatilitiesFallTogetherDownTheFrontier() {
        Random rnd = new Random(31);
        for (int trial = 0; trial < 200; trial++) {
            Case c = FrontierCases.random(rnd, trial, 60);
            List<TurningPoint> points = c.solve().points();
            for (int k = 1; k < points.size(); k++) {
                String where = "trial " + trial + " (" + c.kind() + ") point " + k;
                assertThat(points.get(k).expectedReturn()).as(where).isLessThanOrEqualTo(
                        points.get(k - 1).expectedReturn() + FEASIBLE);
                assertThat(points.get(k).variance()).as(where).isLessThanOrEqualTo(
                        points.get(k - 1).variance() + AGREE);
            }
        }
    }

    @Test
    @Tag("slow")
    void everyTurningPointAndMidpointHasTheLeastVarianceAtItsReturn() {
        Random rnd = new Random(2024);
        for (int trial = 0; trial < 60; trial++) {
            Case c = FrontierCases.random(rnd, trial, 100);
            Frontier f = c.solve();
            List<TurningPoint> points = f.points();
            int stride = Math.max(1, points.size() / COMPARED);
            for (int k = 0; k < points.size(); k += stride) {
                String where = "trial " + trial + " (" + c.kind() + ", n = " + c.n() + ") point " + k;
                TurningPoint t = points.get(k);
                agrees(c, t.weights(), t.expectedReturn(), where);
                if (k + 1 < points.size()) {
                    double mid = (t.expectedReturn() + points.get(k + 1).expectedReturn()) / 2;
                    double[] w = f.efficientReturn(mid);
                    feasible(c, w, where + " midpoint");
                    agrees(c, w, mid, where + " midpoint");
                }
            }
        }
    }

    @Test
    void maximumSharpeIsTheConvexProgramsAndNoSampledPointBeatsIt() {
        Random rnd = new Random(99);
        double rf = 0.02;
        for (int trial = 0; trial < 100; trial++) {
            Case c = FrontierCases.random(rnd, trial, 50);
            if (c.budget() != 1) {
                continue;
            }
            Frontier f = c.solve();
            double[] w = f.maxSharpe(rf);
            if (w == null) {
                assertThat(f.points().get(0).expectedReturn()).isLessThanOrEqualTo(rf + FEASIBLE);
                continue;
            }
            String where = "trial " + trial + " (" + c.kind() + ", n = " + c.n() + ")";
            TurningPoint least = f.points().get(f.points().size() - 1);
            if (least.variance() < 1e-12) {
                // A riskless portfolio (singular covariance): the ratio is unbounded near it; not compared.
                continue;
            }
            double best = sharpe(c, w, rf);
            for (int k = 0; k + 1 < f.points().size(); k++) {
                double hi = f.points().get(k).expectedReturn();
                double lo = f.points().get(k + 1).expectedReturn();
                for (int s = 0; s <= 20; s++) {
                    double[] sampled = f.efficientReturn(hi - (hi - lo) * s / 20);
                    assertThat(sharpe(c, sampled, rf)).as(where).isLessThanOrEqualTo(best + 1e-12);
                }
            }
            if (!c.kind().equals("rank-deficient covariance")) {
                assertThat(best).as(where).isCloseTo(sharpe(c, FrontierCases.maxSharpe(c, rf), rf),
                        within(AGREE * Math.max(1, Math.abs(best))));
            }
        }
    }

    static double sharpe(Case c, double[] w, double rf) {
        return (TurningPoint.dot(w, c.mu()) - rf) / Math.sqrt(TurningPoint.quadratic(w, c.cov()));
    }

    static void feasible(Case c, double[] w, String where) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            assertThat(w[i]).as(where + " weight " + i).isBetween(c.lo()[i] - FEASIBLE, c.hi()[i] + FEASIBLE);
        }
        assertThat(sum).as(where + " budget").isCloseTo(c.budget(), within(FEASIBLE));
        for (CriticalLine.Row r : c.rows()) {
            double v = TurningPoint.dot(r.a(), w);
            assertThat(v).as(where + " " + r.name()).isBetween(r.lower() - FEASIBLE, r.upper() + FEASIBLE);
        }
    }

    /** w's variance is the convex program's least variance at its return (and, when unique, its weights). */
    static void agrees(Case c, double[] w, double target, String where) {
        double[] qp = FrontierCases.leastVarianceAt(c, target);
        double v = TurningPoint.quadratic(w, c.cov());
        assertThat(v).as(where + " variance").isCloseTo(TurningPoint.quadratic(qp, c.cov()), within(AGREE));
        if (!c.kind().contains("singular") && !c.kind().contains("deficient")) {
            for (int i = 0; i < w.length; i++) {
                assertThat(w[i]).as(where + " weight " + i).isCloseTo(qp[i], within(1e3 * AGREE));
            }
        }
    }
}
