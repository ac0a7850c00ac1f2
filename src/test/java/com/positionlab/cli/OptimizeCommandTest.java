package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;

/**
 * The {@code optimize} command: a two-asset problem worked by hand, estimates from a price file, and bad
 * requests that exit 2 with one line naming the field.
 */
class OptimizeCommandTest {

    /** Two uncorrelated assets with variances 0.04 and 0.09: minimum variance puts 9/13 in the first. */
    private static final String TWO_ASSETS = "{\"mu\": {\"A\": 0.08, \"B\": 0.12}, \"cov\": {\"tickers\": [\"A\", \"B\"],"
            + " \"matrix\": [[0.04, 0], [0, 0.09]]}, \"objective\": {\"method\": \"%s\"%s}%s}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int optimize(String json) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path f = Files.writeString(dir.resolve("request.json"), json);
        return Cli.run(new String[] {"optimize", f.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void minimumVolatilityOfTwoUncorrelatedAssetsWeightsThemByInverseVariance() throws Exception {
        assertThat(optimize(TWO_ASSETS.formatted("min_volatility", "", ""))).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/weights/A").asDouble()).isCloseTo(9.0 / 13, within(1e-12));
        assertThat(r.at("/weights/B").asDouble()).isCloseTo(4.0 / 13, within(1e-12));
        // variance 1 / (1/0.04 + 1/0.09) = 0.036 / 1.3
        assertThat(r.at("/performance/volatility").asDouble()).isCloseTo(Math.sqrt(0.036 / 1.3), within(1e-12));
        assertThat(r.at("/performance/expected_return").asDouble()).isCloseTo((9 * 0.08 + 4 * 0.12) / 13,
                within(1e-12));
        // at the minimum every asset adds the same marginal variance, so contributions equal the weights
        assertThat(r.at("/risk_contributions/A").asDouble()).isCloseTo(9.0 / 13, within(1e-12));
        assertThat(r.at("/solver/name").asText()).isEqualTo("critical line");
        assertThat(r.at("/solver/status").asText()).isEqualTo("optimal");
        assertThat(r.at("/request/objective/method").asText()).isEqualTo("min_volatility");
    }

    @Test
    void maximumSharpeOfTwoUncorrelatedAssetsIsProportionalToExcessReturnOverVariance() throws Exception {
        assertThat(optimize(TWO_ASSETS.formatted("max_sharpe", ", \"risk_free_rate\": 0.02", ""))).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        // w ~ Sigma^-1 (mu - rf) = (0.06 / 0.04, 0.10 / 0.09) = (1.5, 1.111...)
        double a = 1.5;
        double b = 0.10 / 0.09;
        assertThat(r.at("/weights/A").asDouble()).isCloseTo(a / (a + b), within(1e-10));
        assertThat(r.at("/weights/B").asDouble()).isCloseTo(b / (a + b), within(1e-10));
    }

    @Test
    void riskParityAndMaximumDiversificationOfUncorrelatedAssetsWeightByInverseVolatility() throws Exception {
        for (String method : new String[] {"risk_parity", "max_diversification"}) {
            assertThat(optimize(TWO_ASSETS.formatted(method, "", ""))).as(err.toString()).isZero();
            JsonNode r = Json.mapper().readTree(out.toString());
            // 1/0.2 : 1/0.3 = 0.6 : 0.4
            assertThat(r.at("/weights/A").asDouble()).as(method).isCloseTo(0.6, within(1e-10));
            assertThat(r.at("/weights/B").asDouble()).as(method).isCloseTo(0.4, within(1e-10));
            assertThat(r.at("/risk_contributions/A").asDouble()).as(method).isCloseTo(0.5, within(1e-10));
        }
        assertThat(optimize(TWO_ASSETS.formatted("risk_parity", ", \"risk_budgets\": {\"A\": 0.8, \"B\": 0.2}", "")))
                .as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/risk_contributions/A").asDouble()).isCloseTo(0.8, within(1e-10));
    }

    @Test
    void grossLeverageLimitsALongShortPortfolio() throws Exception {
        // C returns little for much risk: the unconstrained maximum Sharpe shorts it heavily
        String request = "{\"mu\": {\"A\": 0.10, \"B\": 0.12, \"C\": 0.01}, \"cov\": {\"tickers\": [\"A\", \"B\", "
                + "\"C\"], \"matrix\": [[0.04, 0.01, 0.018], [0.01, 0.05, 0.02], [0.018, 0.02, 0.06]]}, \"objective\": "
                + "{\"method\": \"%s\"}, \"constraints\": {\"weight_bounds\": [-1, 1], \"max_leverage\": 1.3}}";
        for (String method : new String[] {"max_sharpe", "max_quadratic_utility"}) {
            assertThat(optimize(request.formatted(method))).as(err.toString()).isZero();
            JsonNode r = Json.mapper().readTree(out.toString());
            double gross = 0;
            double sum = 0;
            for (String t : new String[] {"A", "B", "C"}) {
                gross += Math.abs(r.at("/weights/" + t).asDouble());
                sum += r.at("/weights/" + t).asDouble();
            }
            assertThat(sum).as(method).isCloseTo(1, within(1e-10));
            assertThat(gross).as(method).isCloseTo(1.3, within(1e-9));
            assertThat(r.get("binding_constraints").toString()).as(method).contains("max_leverage");
        }
    }

    @Test
    void aTradeIsLimitedToAShareOfTheDailyVolume() throws Exception {
        // from all in A, B may be bought only up to 10% x 20,000 units x 50 / 1,000,000 = 10% of the book
        String liquidity = ", \"constraints\": {\"current_weights\": {\"A\": 1, \"B\": 0}, \"liquidity\": "
                + "{\"portfolio_value\": 1000000, \"adv\": {\"B\": 20000}, \"latest_prices\": {\"B\": 50}}}";
        assertThat(optimize(TWO_ASSETS.formatted("min_volatility", "", liquidity))).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/weights/B").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(r.get("binding_constraints").toString()).contains("B upper bound");
        // from cash, neither can be bought fast enough to be fully invested
        String stuck = liquidity.replace("{\"B\": 20000}", "{\"A\": 2, \"B\": 2}").replace("{\"B\": 50}",
                "{\"A\": 50, \"B\": 50}").replace("\"A\": 1, \"B\": 0", "\"A\": 0, \"B\": 0");
        assertThat(optimize(TWO_ASSETS.formatted("min_volatility", "", stuck))).isEqualTo(2);
        assertThat(err.toString()).contains("constraints.liquidity");
    }

    @Test
    void aLongOnlyBoxIsTheQuadraticUtilityOfReturnsLoweredByTheUncertainty() throws Exception {
        assertThat(optimize(TWO_ASSETS.formatted("robust", ", \"uncertainty\": {\"A\": 0.01, \"B\": 0.05}, "
                + "\"risk_aversion\": 3", ""))).as(err.toString()).isZero();
        JsonNode robust = Json.mapper().readTree(out.toString());
        // worst case: A 0.07, B 0.07; maximise 0.07 - 1.5 (0.04 a^2 + 0.09 b^2): the minimum variance, 9/13 in A
        assertThat(robust.at("/weights/A").asDouble()).isCloseTo(9.0 / 13, within(1e-10));
        assertThat(optimize(TWO_ASSETS.formatted("robust", ", \"uncertainty_set\": \"ellipsoid\"", "")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("objective.uncertainty_set");
    }

    @Test
    void factorExposureAndEsgLimitsBind() throws Exception {
        String factor = ", \"constraints\": {\"factor_betas\": {\"MKT\": {\"A\": 0.5, \"B\": 1.5}}, "
                + "\"factor_upper\": {\"MKT\": 0.7}}";
        assertThat(optimize(TWO_ASSETS.formatted("max_sharpe", "", factor))).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        // 0.5 a + 1.5 (1 - a) <= 0.7 holds from a = 0.8
        assertThat(r.at("/weights/A").asDouble()).isCloseTo(0.8, within(1e-10));
        assertThat(r.get("binding_constraints").toString()).contains("factor MKT exposure maximum");
        String esg = ", \"constraints\": {\"esg_scores\": {\"A\": 10, \"B\": 90}, \"min_esg\": 50}";
        assertThat(optimize(TWO_ASSETS.formatted("min_volatility", "", esg))).as(err.toString()).isZero();
        r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/weights/B").asDouble()).isCloseTo(0.5, within(1e-10));
    }

    @Test
    void aWeightCapBindsAndIsReportedWithItsSlack() throws Exception {
        String constraints = ", \"constraints\": {\"weight_bounds\": [0, 0.6]}";
        assertThat(optimize(TWO_ASSETS.formatted("min_volatility", "", constraints))).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/weights/A").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(r.at("/binding_constraints/0/name").asText()).isEqualTo("A upper bound");
        assertThat(r.at("/binding_constraints/0/slack").asDouble()).isLessThan(1e-12);
    }

    @Test
    void estimatesFromAPriceFile() throws Exception {
        StringBuilder csv = new StringBuilder("date,X,Y,Z\n");
        java.util.Random random = new java.util.Random(3);
        double x = 100, y = 50, z = 20;
        java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 1);
        for (int t = 0; t < 300; t++) {
            csv.append(d.plusDays(t)).append(',').append(x).append(',').append(y).append(',')
                    .append(t < 10 ? "" : String.valueOf(z)).append('\n');
            x *= 1 + 0.0005 + 0.01 * random.nextGaussian();
            y *= 1 + 0.0003 + 0.02 * random.nextGaussian();
            z *= 1 + 0.0008 + 0.015 * random.nextGaussian();
        }
        Path prices = Files.writeString(dir.resolve("prices.csv"), csv);
        String request = "{\"prices\": \"" + prices + "\", \"objective\": {\"method\": \"efficient_risk\","
                + " \"target_volatility\": 0.2}}";
        assertThat(optimize(request)).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        double sum = r.at("/weights/X").asDouble() + r.at("/weights/Y").asDouble() + r.at("/weights/Z").asDouble();
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(r.at("/performance/volatility").asDouble()).isLessThanOrEqualTo(0.2 + 1e-12);
    }

    /**
     * A gains 2% when B loses 1% and the other way round, period after period: at confidence 0.5 the CVaR is
     * the worse of the two losses {@code 0.01 - 0.03 w} and {@code 0.03 w - 0.02}, least at w = 1/2 where the
     * portfolio earns 0.5% every period (a CVaR of -0.5%, a gain) and nothing falls below the benchmark 0.
     */
    @Test
    void downsideObjectivesHedgeTwoAssetsThatTakeTurns() throws Exception {
        StringBuilder csv = new StringBuilder("date,A,B\n");
        double a = 100, b = 100;
        for (int t = 0; t <= 20; t++) {
            csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(t)).append(',').append(a).append(',').append(b)
                    .append('\n');
            a *= t % 2 == 0 ? 1.02 : 0.99;
            b *= t % 2 == 0 ? 0.99 : 1.02;
        }
        Path prices = Files.writeString(dir.resolve("prices.csv"), csv);
        assertThat(optimize("{\"prices\": \"" + prices + "\", \"objective\": {\"method\": \"min_cvar\", "
                + "\"beta\": 0.5}}")).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/weights/A").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.at("/performance/cvar").asDouble()).isCloseTo(-0.005, within(1e-9));
        assertThat(optimize("{\"prices\": \"" + prices + "\", \"objective\": {\"method\": "
                + "\"min_semivariance\"}, \"constraints\": {\"l2_gamma\": 0.001}}")).as(err.toString()).isZero();
        r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/weights/B").asDouble()).isCloseTo(0.5, within(1e-7));
        assertThat(r.at("/performance/semideviation").asDouble()).isCloseTo(0, within(1e-9));
        assertThat(optimize("{\"prices\": \"" + prices + "\", \"objective\": {\"method\": \"min_cdar\"}, "
                + "\"constraints\": {\"max_turnover\": 0.1, \"current_weights\": {\"A\": 1, \"B\": 0}}}"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("constraints.max_turnover");
        assertThat(optimize("{\"prices\": \"" + prices + "\", \"objective\": {\"method\": \"efficient_risk\", "
                + "\"risk_measure\": \"cvar\"}}")).isEqualTo(2);
        assertThat(err.toString()).contains("objective.target_cvar");
    }

    @Test
    void aFactorModelOnAFactorThatIsOneAssetsReturnsGivesThatAssetItsSampleVariance() throws Exception {
        StringBuilder csv = new StringBuilder("date,X,Y,Z\n");
        StringBuilder factors = new StringBuilder("date,MKT\n");
        java.util.Random random = new java.util.Random(8);
        double x = 100, y = 50, z = 20;
        java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 1);
        java.util.List<Double> complete = new java.util.ArrayList<>();
        for (int t = 0; t < 300; t++) {
            csv.append(d.plusDays(t)).append(',').append(x).append(',').append(y).append(',')
                    .append(t < 10 ? "" : String.valueOf(z)).append('\n');
            double rx = 0.0004 + 0.01 * random.nextGaussian();
            if (t + 1 < 300) {
                // the factor on day t + 1 is exactly X's return from day t to t + 1
                factors.append(d.plusDays(t + 1)).append(',').append(rx).append('\n');
                if (t + 1 >= 11) {
                    complete.add(rx);
                }
            }
            x *= 1 + rx;
            y *= 1 + 0.0003 + 0.02 * random.nextGaussian();
            z *= 1 + 0.0008 + 0.015 * random.nextGaussian();
        }
        Path prices = Files.writeString(dir.resolve("prices.csv"), csv);
        Path ff = Files.writeString(dir.resolve("factors.csv"), factors);
        String request = "{\"prices\": \"" + prices + "\", \"risk_model\": {\"estimator\": \"factor_model\", "
                + "\"factors\": \"" + ff + "\"}, \"objective\": {\"method\": \"min_volatility\"}, \"constraints\": "
                + "{\"weight_bounds\": {\"X\": [1, 1], \"Y\": [0, 0], \"Z\": [0, 0]}}}";
        assertThat(optimize(request)).as(err.toString()).isZero();
        double mean = complete.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = complete.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (complete.size() - 1);
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/performance/volatility").asDouble()).isCloseTo(Math.sqrt(var * 252), within(1e-9));
    }

    @Test
    void badRequestsExitTwoWithOneLineNamingTheField() throws Exception {
        assertThat(optimize(TWO_ASSETS.formatted("max_fun", "", ""))).isEqualTo(2);
        assertThat(err.toString().strip()).contains("objective.method").doesNotContain("\n");
        assertThat(optimize(TWO_ASSETS.formatted("min_volatility", "", ", \"constraints\": {\"weight_bounds\": "
                + "[0, 0.3]}"))).isEqualTo(2);
        assertThat(err.toString()).contains("constraints.weight_bounds");
        assertThat(optimize("{\"prices\": \"" + dir.resolve("missing.csv") + "\", \"objective\": {\"method\": "
                + "\"min_volatility\"}}")).isEqualTo(2);
        assertThat(err.toString()).contains("prices").contains("no such file");
        assertThat(optimize("{\"mu\": {\"A\": 0.1, \"B\": 0.1}, \"cov\": {\"tickers\": [\"A\", \"B\"], \"matrix\": "
                + "[[0.04, 0.04], [0.04, 0.04]]}, \"objective\": {\"method\": \"min_volatility\"}}")).isEqualTo(2);
        assertThat(err.toString()).contains("cov.matrix").contains("singular");
        assertThat(optimize(TWO_ASSETS.formatted("efficient_return", ", \"target_return\": 0.5", "")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("objective.target_return").contains("highest attainable");
        assertThat(optimize(TWO_ASSETS.formatted("efficient_risk", ", \"target_volatility\": 0.01", "")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("objective.target_volatility").contains("minimum volatility");
    }
}
