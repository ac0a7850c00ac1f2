package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;
import com.positionlab.service.Json;

/**
 * The {@code frontier} command: points evenly spaced in return from the minimum-volatility portfolio to the
 * highest return, each fully invested, within its limits and of the least variance at its return (checked
 * against an independent convex program), by the critical line and, with a sector row, point by point.
 */
class FrontierCommandTest {

    private static final double[] MU = {0.06, 0.10, 0.14, 0.08};
    private static final double[][] COV = {
            {0.040, 0.006, 0.010, 0.004},
            {0.006, 0.090, 0.020, 0.010},
            {0.010, 0.020, 0.160, 0.012},
            {0.004, 0.010, 0.012, 0.0625}};
    private static final List<String> TICKERS = List.of("A", "B", "C", "D");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int frontier(String json, String... extra) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path f = Files.writeString(dir.resolve("request.json"), json);
        String[] args = new String[2 + extra.length];
        args[0] = "frontier";
        args[1] = f.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static String request(String constraints) throws Exception {
        StringBuilder mu = new StringBuilder("{");
        for (int i = 0; i < 4; i++) {
            mu.append(i > 0 ? ", " : "").append('"').append(TICKERS.get(i)).append("\": ").append(MU[i]);
        }
        return "{\"mu\": " + mu + "}, \"cov\": {\"tickers\": [\"A\", \"B\", \"C\", \"D\"], \"matrix\": "
                + Json.mapper().writeValueAsString(COV) + "}" + constraints + "}";
    }

    @Test
    void theCriticalLineFrontierIsEvenlySpacedFeasibleAndOfLeastVariance() throws Exception {
        assertThat(frontier(request(""), "--points", "11")).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        checkPoints(r, 11, null);
        // long only: the top of the frontier is all in C, the highest expected return
        assertThat(r.at("/points/10/weights/C").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(r.at("/points/0/expected_return").asDouble())
                .isCloseTo(r.at("/min_volatility/expected_return").asDouble(), within(1e-12));
        assertThat(r.get("turning_points").size()).isGreaterThan(1);
        assertThat(r.at("/solver/name").asText()).isEqualTo("critical line");
        double best = r.at("/max_sharpe/sharpe_ratio").asDouble();
        for (JsonNode p : r.get("points")) {
            assertThat(p.get("sharpe_ratio").asDouble()).isLessThanOrEqualTo(best + 1e-12);
        }
    }

    @Test
    void aSectorRowIsOnTheExactFrontierWithItsTurningPoints() throws Exception {
        String sectors = ", \"constraints\": {\"sector_mapper\": {\"A\": \"x\", \"B\": \"x\", \"C\": \"y\", \"D\": \"y\"}, "
                + "\"sector_upper\": {\"y\": 0.6}}";
        assertThat(frontier(request(sectors), "--points", "6")).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        checkPoints(r, 6, new double[] {0, 0, 1, 1});
        assertThat(r.at("/solver/name").asText()).isEqualTo("critical line");
        assertThat(r.get("turning_points").size()).isGreaterThan(1);
        for (JsonNode t : r.get("turning_points")) {
            assertThat(t.at("/weights/C").asDouble() + t.at("/weights/D").asDouble()).isLessThanOrEqualTo(0.6 + 1e-12);
        }
        assertThat(r.at("/points/5/weights/C").asDouble() + r.at("/points/5/weights/D").asDouble())
                .isCloseTo(0.6, within(1e-9));
    }

    /**
     * From holdings all in A, each turnover limit's maximum-Sharpe portfolio: the first is the holdings
     * themselves (no turnover allowed), the last the unconstrained maximum-Sharpe portfolio; in between each
     * uses its whole allowance, and no portfolio on the turnover-limited frontier has a better Sharpe ratio.
     */
    @Test
    void theTurnoverParetoSetBuysSharpeWithTrading() throws Exception {
        String current = ", \"constraints\": {\"current_weights\": {\"A\": 1, \"B\": 0, \"C\": 0, \"D\": 0}}, "
                + "\"pareto_levels\": 5";
        assertThat(frontier(request(current), "--points", "5")).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        JsonNode points = r.at("/turnover_pareto/points");
        assertThat(points.size()).isEqualTo(5);
        assertThat(points.get(0).get("turnover_limit").asDouble()).isCloseTo(0, within(1e-9));
        assertThat(points.get(0).at("/weights/A").asDouble()).isCloseTo(1, within(1e-9));
        JsonNode last = points.get(4);
        for (String t : TICKERS) {
            assertThat(last.at("/weights/" + t).asDouble()).isCloseTo(r.at("/max_sharpe/weights/" + t).asDouble(),
                    within(1e-9));
        }
        for (int k = 1; k < 5; k++) {
            JsonNode p = points.get(k);
            assertThat(p.get("sharpe_ratio").asDouble()).isGreaterThanOrEqualTo(
                    points.get(k - 1).get("sharpe_ratio").asDouble() - 1e-12);
            assertThat(p.get("turnover").asDouble()).isLessThanOrEqualTo(p.get("turnover_limit").asDouble() + 1e-9);
            if (k < 4) {
                assertThat(p.get("turnover").asDouble()).isCloseTo(p.get("turnover_limit").asDouble(), within(1e-7));
                assertThat(p.get("sharpe_ratio").asDouble()).isGreaterThanOrEqualTo(
                        bestSharpeScanned(p.get("turnover_limit").asDouble()) - 1e-12);
            }
        }
        assertThat(r.at("/turnover_pareto/trade_off").asText()).startsWith("Allowing turnover from 0.0% to ");
    }

    /** The best Sharpe ratio (rf 0.02) of 400 portfolios on the turnover-limited frontier, each an independent QP. */
    private static double bestSharpeScanned(double limit) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= 400; k++) {
            double target = 0.06 + 0.08 * k / 400;
            // variables: 4 weights, then 4 trades t_i >= |w_i - w0_i| with sum t <= limit
            QuadraticProgram.Builder b = QuadraticProgram.builder(8).quadratic(padded(COV), 2);
            double[] budget = {1, 1, 1, 1, 0, 0, 0, 0};
            b.equal("budget", budget, 1);
            b.atLeast("return", new double[] {MU[0], MU[1], MU[2], MU[3], 0, 0, 0, 0}, target);
            b.atMost("turnover", new double[] {0, 0, 0, 0, 1, 1, 1, 1}, limit);
            for (int i = 0; i < 4; i++) {
                b.bounds(i, 0, 1).bounds(4 + i, 0, Double.POSITIVE_INFINITY);
                double[] up = new double[8];
                up[i] = 1;
                up[4 + i] = -1;
                b.atMost("up" + i, up, i == 0 ? 1 : 0);
                double[] down = new double[8];
                down[i] = -1;
                down[4 + i] = -1;
                b.atMost("down" + i, down, i == 0 ? -1 : 0);
            }
            double[] w;
            try {
                w = java.util.Arrays.copyOf(QpSolver.solve(b.build()).x(), 4);
            } catch (RuntimeException infeasible) {
                continue;
            }
            double ret = 0;
            double var = 0;
            for (int i = 0; i < 4; i++) {
                ret += MU[i] * w[i];
                for (int j = 0; j < 4; j++) {
                    var += w[i] * COV[i][j] * w[j];
                }
            }
            best = Math.max(best, (ret - 0.02) / Math.sqrt(var));
        }
        return best;
    }

    private static double[][] padded(double[][] cov) {
        double[][] m = new double[8][8];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(cov[i], 0, m[i], 0, 4);
        }
        return m;
    }

    @Test
    void theEsgParetoSetTradesSharpeForAHigherScoreStepByStep() throws Exception {
        String esg = ", \"constraints\": {\"esg_scores\": {\"A\": 80, \"B\": 40, \"C\": 20, \"D\": 60}}, "
                + "\"pareto_levels\": 5";
        assertThat(frontier(request(esg), "--points", "5")).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        JsonNode pareto = r.at("/pareto/points");
        assertThat(pareto.size()).isEqualTo(5);
        assertThat(pareto.get(0).get("sharpe_ratio").asDouble())
                .isCloseTo(r.at("/max_sharpe/sharpe_ratio").asDouble(), within(1e-9));
        double last = Double.POSITIVE_INFINITY;
        for (JsonNode p : pareto) {
            assertThat(p.get("esg_score").asDouble()).isGreaterThanOrEqualTo(p.get("esg_floor").asDouble() - 1e-9);
            assertThat(p.get("sharpe_ratio").asDouble()).isLessThanOrEqualTo(last + 1e-12);
            last = p.get("sharpe_ratio").asDouble();
        }
        // the highest attainable score is all in A (80)
        assertThat(pareto.get(4).get("esg_score").asDouble()).isCloseTo(80, within(1e-6));
        assertThat(r.at("/pareto/trade_off").asText()).startsWith("Raising the ESG score from");
    }

    @Test
    void tooFewPointsExitTwoNamingTheOption() throws Exception {
        assertThat(frontier(request(""), "--points", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--points");
    }

    /** Every point: weights sum to 1, long only, within the sector cap, and of least variance at its return. */
    private static void checkPoints(JsonNode r, int count, double[] capRow) {
        JsonNode points = r.get("points");
        assertThat(points.size()).isEqualTo(count);
        double first = points.get(0).get("expected_return").asDouble();
        double step = (points.get(count - 1).get("expected_return").asDouble() - first) / (count - 1);
        double lastVol = 0;
        for (int k = 0; k < count; k++) {
            JsonNode p = points.get(k);
            double[] w = new double[4];
            double sum = 0;
            double capped = 0;
            for (int i = 0; i < 4; i++) {
                w[i] = p.get("weights").get(TICKERS.get(i)).asDouble();
                assertThat(w[i]).isGreaterThanOrEqualTo(-1e-12);
                sum += w[i];
                capped += capRow == null ? 0 : capRow[i] * w[i];
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
            assertThat(capped).isLessThanOrEqualTo(0.6 + 1e-9);
            double ret = p.get("expected_return").asDouble();
            assertThat(ret).isCloseTo(first + k * step, within(1e-10));
            double vol = p.get("volatility").asDouble();
            assertThat(vol).isGreaterThanOrEqualTo(lastVol - 1e-12);
            lastVol = vol;
            assertThat(vol * vol).isCloseTo(leastVariance(ret, capRow), within(1e-10));
        }
    }

    private static double leastVariance(double target, double[] capRow) {
        QuadraticProgram.Builder b = QuadraticProgram.builder(4).quadratic(COV, 2)
                .equal("budget", new double[] {1, 1, 1, 1}, 1).equal("return", MU, target);
        for (int i = 0; i < 4; i++) {
            b.bounds(i, 0, 1);
        }
        if (capRow != null) {
            b.atMost("cap", capRow, 0.6);
        }
        return QpSolver.solve(b.build()).objective();
    }
}
