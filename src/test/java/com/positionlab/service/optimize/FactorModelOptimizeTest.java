package com.positionlab.service.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.optimize.CriticalLine;
import com.positionlab.engine.optimize.Frontier;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.service.Json;

/**
 * {@code optimize} and {@code frontier} requests with {@code risk_model.estimator = factor_model} go through
 * the factor structure of the covariance and give the weights of the same problem solved on the dense matrix
 * (to 1e-9), on 40 synthetic assets driven by three factors; a Black-Litterman posterior replaces the
 * covariance and so drops the factor form.
 */
class FactorModelOptimizeTest {

    /** Weights agree with the dense answer to this. */
    static final double SAME = 1e-9;
    static final int ASSETS = 40;
    static final int DAYS = 400;

    @TempDir
    static Path dir;
    private static Path prices;
    private static Path factors;

    /** Daily prices of 40 assets, returns 0.0003 + B f + e with three N(0, 1%) factors f, and the factors. */
    @BeforeAll
    static void writePrices() throws Exception {
        Random rnd = new Random(41);
        double[][] b = new double[ASSETS][3];
        double[] noise = new double[ASSETS];
        double[] price = new double[ASSETS];
        StringBuilder csv = new StringBuilder("date");
        for (int i = 0; i < ASSETS; i++) {
            csv.append(",T").append(i);
            for (int a = 0; a < 3; a++) {
                b[i][a] = (a == 0 ? 1 : 0) + 0.5 * rnd.nextGaussian();
            }
            noise[i] = 0.005 + 0.01 * rnd.nextDouble();
            price[i] = 20 + 80 * rnd.nextDouble();
        }
        StringBuilder fcsv = new StringBuilder("date,MKT,SMB,HML\n");
        csv.append('\n');
        LocalDate day = LocalDate.of(2023, 1, 2);
        for (int t = 0; t < DAYS; t++) {
            double[] f = {0.01 * rnd.nextGaussian(), 0.01 * rnd.nextGaussian(), 0.01 * rnd.nextGaussian()};
            if (t > 0) {
                fcsv.append(day.plusDays(t)).append(',').append(f[0]).append(',').append(f[1]).append(',')
                        .append(f[2]).append('\n');
                for (int i = 0; i < ASSETS; i++) {
                    double r = 0.0003 + 0.0002 * (i % 7) + b[i][0] * f[0] + b[i][1] * f[1] + b[i][2] * f[2]
                            + noise[i] * rnd.nextGaussian();
                    price[i] *= 1 + r;
                }
            }
            csv.append(day.plusDays(t));
            for (double p : price) {
                csv.append(',').append(p);
            }
            csv.append('\n');
        }
        prices = Files.writeString(dir.resolve("prices.csv"), csv);
        factors = Files.writeString(dir.resolve("factors.csv"), fcsv);
    }

    /** A request on the prices with a factor model (principal components, or regression on the factors). */
    private static ObjectNode request(boolean regression, String method) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("prices", prices.toString());
        ObjectNode rm = r.putObject("risk_model").put("estimator", "factor_model");
        if (regression) {
            rm.put("factors", factors.toString());
        } else {
            rm.put("components", 3);
        }
        if (method != null) {
            r.putObject("objective").put("method", method).put("risk_free_rate", 0.02);
        }
        ObjectNode c = r.putObject("constraints");
        c.putArray("weight_bounds").add(0).add(0.1);
        ObjectNode sectors = c.putObject("sector_mapper");
        for (int i = 0; i < ASSETS; i++) {
            sectors.put("T" + i, "S" + i % 3);
        }
        c.putObject("sector_upper").put("S0", 0.3);
        return r;
    }

    private static OptimizeRequest parse(ObjectNode r) throws Exception {
        return Json.requestMapper().treeToValue(r, OptimizeRequest.class);
    }

    /**
     * The request's problem with the dense matrix only, having checked that the factor form reached the problem
     * and that the critical line takes it (the service would otherwise fall back to the dense matrix silently).
     */
    private static PortfolioProblem dense(OptimizeRequest request) {
        PortfolioProblem p = OptimizeService.prepareAny(request, false, PriceSource.NONE).problem();
        assertThat(p.factors()).as("the factor form reaches the problem").isNotNull();
        assertThat(p.factors().factors()).isEqualTo(3);
        List<CriticalLine.Row> rows = p.rows().stream()
                .map(r -> new CriticalLine.Row(r.name(), r.coefficients(), r.lower(), r.upper())).toList();
        assertThat(CriticalLine.solve(p.mu(), p.factors(), p.lower(), p.upper(), rows, p.budget()).points())
                .isNotEmpty();
        return p.withFactors(null);
    }

    private static void sameWeights(Map<String, Double> actual, double[] expected, String what) {
        for (int i = 0; i < ASSETS; i++) {
            assertThat(actual.get("T" + i)).as(what + " T" + i).isCloseTo(expected[i], within(SAME));
        }
    }

    @Test
    void maxSharpeWithPrincipalComponentsIsTheDenseAnswer() throws Exception {
        OptimizeRequest request = parse(request(false, "max_sharpe"));
        OptimizeResponse r = new OptimizeService().optimize(request);
        assertThat(r.solver().name()).isEqualTo("critical line");
        sameWeights(r.weights(), new MeanVariance(dense(request)).maxSharpe(0.02).weights(), "max_sharpe");
    }

    @Test
    void minVolatilityAndEfficientReturnWithFactorRegressionAreTheDenseAnswers() throws Exception {
        OptimizeRequest minVol = parse(request(true, "min_volatility"));
        OptimizeResponse a = new OptimizeService().optimize(minVol);
        sameWeights(a.weights(), new MeanVariance(dense(minVol)).minVolatility().weights(), "min_volatility");
        ObjectNode target = request(true, "efficient_return");
        ((ObjectNode) target.get("objective")).put("target_return", 0.2);
        OptimizeRequest efficient = parse(target);
        OptimizeResponse b = new OptimizeService().optimize(efficient);
        sameWeights(b.weights(), new MeanVariance(dense(efficient)).efficientReturn(0.2).weights(),
                "efficient_return");
    }

    @Test
    void theFrontierWithAFactorModelIsTheDenseOne() throws Exception {
        OptimizeRequest request = parse(request(false, null));
        FrontierResponse r = new FrontierService().frontier(request);
        MeanVariance mv = new MeanVariance(dense(request));
        Frontier f = mv.exactFrontier();
        List<FrontierResponse.Point> points = r.points();
        double low = dense(request).expectedReturn(mv.minVolatility().weights());
        double high = f.points().get(0).expectedReturn();
        for (int k = 0; k < points.size(); k++) {
            double target = k == points.size() - 1 ? high : low + (high - low) * k / (points.size() - 1);
            sameWeights(points.get(k).weights(), f.efficientReturn(target), "point " + k);
        }
        sameWeights(r.maxSharpe().weights(), f.maxSharpe(0.02), "max Sharpe");
    }

    @Test
    void aBlackLittermanPosteriorDropsTheFactorForm() throws Exception {
        ObjectNode r = request(false, "max_sharpe");
        r.putObject("black_litterman").putObject("views").put("T0", 0.2).put("T1", -0.1);
        OptimizeRequest request = parse(r);
        assertThat(Estimates.of(request).factors()).isNotNull();
        assertThat(OptimizeService.prepareAny(request, false, PriceSource.NONE).problem().factors()).isNull();
        assertThat(new OptimizeService().optimize(request).weights()).hasSize(ASSETS);
    }
}
