package com.positionlab.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;
import com.positionlab.service.JsonRequests;
import com.positionlab.service.ValidationException;

/**
 * The attribution use case read from its JSON request: Carl Bacon's Brinson-Fachler example (<i>Practical
 * Portfolio Performance Measurement and Attribution</i>, 2nd ed., 2008, table 5.3, as the engine's
 * {@code BrinsonFachlerTest} reproduces it), sectors held by one side only, the response's contract, and each
 * kind of bad input refused naming its field.
 */
class AttributionServiceTest {

    /** Table 5.3 has exact decimal inputs and results: agreement up to floating-point rounding. */
    private static final double EXACT = 1e-12;

    /** Bacon's table 5.3: one quarter, three sectors. */
    static final String BACON_TABLE_5_3 = """
            {"portfolio_weights": {"UK equities": 0.4, "Japanese equities": 0.3, "US equities": 0.3},
             "benchmark_weights": {"UK equities": 0.4, "Japanese equities": 0.2, "US equities": 0.4},
             "portfolio_returns": {"UK equities": 0.20, "Japanese equities": -0.05, "US equities": 0.06},
             "benchmark_returns": {"UK equities": 0.10, "Japanese equities": -0.04, "US equities": 0.08}}""";

    private final AttributionService service = new AttributionService();

    static AttributionRequest read(String json) {
        return JsonRequests.readChecked(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                AttributionRequest.class, AttributionService::check);
    }

    @Test
    void baconTable53ByTheJsonRequest() {
        AttributionResponse a = service.attribute(read(BACON_TABLE_5_3));

        assertThat(a.sectors()).extracting(AttributionResponse.SectorOut::sector)
                .containsExactly("UK equities", "Japanese equities", "US equities");
        assertThat(column(a, "allocation")).containsExactly(new double[] {0, -0.0104, -0.0016}, within(EXACT));
        assertThat(column(a, "selection")).containsExactly(new double[] {0.04, -0.002, -0.008}, within(EXACT));
        assertThat(column(a, "interaction")).containsExactly(new double[] {0, -0.001, 0.002}, within(EXACT));
        assertThat(column(a, "total")).containsExactly(new double[] {0.04, -0.0134, -0.0076}, within(EXACT));
        assertThat(a.allocation()).isCloseTo(-0.012, within(EXACT));
        assertThat(a.selection()).isCloseTo(0.03, within(EXACT));
        assertThat(a.interaction()).isCloseTo(0.001, within(EXACT));
        assertThat(a.portfolioReturn()).isCloseTo(0.083, within(EXACT));
        assertThat(a.benchmarkReturn()).isCloseTo(0.064, within(EXACT));
        assertThat(a.activeReturn()).isCloseTo(0.019, within(EXACT));
        assertThat(a.allocation() + a.selection() + a.interaction()).isCloseTo(a.activeReturn(), within(EXACT));
        assertThat(a.sectors().stream().mapToDouble(AttributionResponse.SectorOut::total).sum())
                .isCloseTo(a.activeReturn(), within(EXACT));
        assertThat(a.method()).isEqualTo("Brinson-Fachler (single period)");
    }

    @Test
    void theResponseIsTheContractInSnakeCase() throws Exception {
        JsonNode r = Json.mapper().valueToTree(service.attribute(read(BACON_TABLE_5_3)));

        assertThat(names(r)).containsExactly("sectors", "allocation", "selection", "interaction", "active_return",
                "portfolio_return", "benchmark_return", "method");
        assertThat(names(r.get("sectors").get(0))).containsExactly("sector", "portfolio_weight", "benchmark_weight",
                "portfolio_return", "benchmark_return", "allocation", "selection", "interaction", "total");
        assertThat(r.at("/sectors/1/allocation").asDouble()).isCloseTo(-0.0104, within(EXACT));
    }

    @Test
    void sectorsHeldByOneSideComeAfterThePortfoliosAndPutTheirWholeEffectInAllocation() {
        // The engine's one-sided case: R_b = 0.4 x 0.10 + 0.6 x 0.02 = 0.052, R_p = 0.5 x 0.12 + 0.5 x -0.04 = 0.04.
        // Energy's portfolio return is given but the portfolio holds none: it is not used (r_p := r_b).
        AttributionResponse a = service.attribute(read("""
                {"portfolio_weights": {"Tech": 0.5, "Gold": 0.5},
                 "benchmark_weights": {"Tech": 0.4, "Energy": 0.6},
                 "portfolio_returns": {"Tech": 0.12, "Gold": -0.04, "Energy": 0.5},
                 "benchmark_returns": {"Tech": 0.10, "Energy": 0.02}}"""));

        assertThat(a.sectors()).extracting(AttributionResponse.SectorOut::sector)
                .containsExactly("Tech", "Gold", "Energy");
        // Tech: 0.1 x (0.10 - 0.052); Gold (r_b := r_p): 0.5 x (-0.04 - 0.052); Energy: -0.6 x (0.02 - 0.052)
        assertThat(column(a, "allocation")).containsExactly(new double[] {0.0048, -0.046, 0.0192}, within(EXACT));
        assertThat(column(a, "selection")).containsExactly(new double[] {0.008, 0, 0}, within(EXACT));
        assertThat(column(a, "interaction")).containsExactly(new double[] {0.002, 0, 0}, within(EXACT));
        assertThat(a.sectors().get(2).portfolioReturn()).isEqualTo(0.02);
        assertThat(a.sectors().get(1).benchmarkReturn()).isEqualTo(-0.04);
        assertThat(a.activeReturn()).isCloseTo(-0.012, within(EXACT));
        assertThat(a.allocation() + a.selection() + a.interaction()).isCloseTo(a.activeReturn(), within(EXACT));
    }

    @Test
    void eachSideMustBeGivenAndItsWeightsMustSumToOne() {
        assertRefused("{\"benchmark_weights\": {\"A\": 1}, \"portfolio_returns\": {\"A\": 0.1}, "
                + "\"benchmark_returns\": {\"A\": 0.1}}", "portfolio_weights", "is required");
        assertRefused(request("{\"A\": 1}", "{\"A\": 1}", "{\"A\": 0.1}", null), "benchmark_returns", "is required");
        assertRefused(request("{}", "{\"A\": 1}", "{}", "{\"A\": 0.1}"), "portfolio_weights", "at least 1 sector");
        assertRefused(request("{\"A\": 0.6, \"B\": 0.3}", "{\"A\": 1}", "{\"A\": 0.1, \"B\": 0.1}",
                "{\"A\": 0.1}"), "portfolio_weights", "must sum to 1");
        assertRefused(request("{\"A\": 1}", "{\"A\": 0.5, \"B\": 0.4999}", "{\"A\": 0.1}",
                "{\"A\": 0.1, \"B\": 0.1}"), "benchmark_weights", "must sum to 1");
    }

    @Test
    void weightsAndReturnsOutOfRangeAreRefusedNamingTheSector() {
        assertRefused(request("{\"A\": 1.5}", "{\"A\": 1}", "{\"A\": 0.1}", "{\"A\": 0.1}"),
                "portfolio_weights.A", "from 0 to 1");
        assertRefused(request("{\"A\": 1}", "{\"A\": 1.2, \"B\": -0.2}", "{\"A\": 0.1}", "{\"A\": 0.1, \"B\": 0}"),
                "benchmark_weights.A", "from 0 to 1");
        assertRefused(request("{\"A\": null}", "{\"A\": 1}", "{\"A\": 0.1}", "{\"A\": 0.1}"),
                "portfolio_weights.A", "got null");
        assertRefused(request("{\"A\": 1}", "{\"A\": 1}", "{\"A\": -1}", "{\"A\": 0.1}"),
                "portfolio_returns.A", "above -1");
        assertRefused(request("{\"A\": 1}", "{\"A\": 1}", "{\"A\": 0.1}", "{\"A\": 100.5}"),
                "benchmark_returns.A", "at most 100");
        assertRefused(request("{\"A\": 1}", "{\"A\": 1}", "{\"A\": 0.1}", "{\"A\": 1e400}"),
                "benchmark_returns.A", "");
        ValidationException e = refused(new AttributionRequest(Map.of("A", Double.NaN), Map.of("A", 1.0),
                Map.of("A", 0.1), Map.of("A", 0.1)));
        assertThat(e.field()).isEqualTo("portfolio_weights.A");
    }

    @Test
    void everySectorASideHoldsNeedsThatSidesReturnAndNoReturnIsForAnUnknownSector() {
        assertRefused(request("{\"A\": 0.5, \"B\": 0.5}", "{\"A\": 1}", "{\"A\": 0.1}", "{\"A\": 0.1}"),
                "portfolio_returns.B", "is required");
        assertRefused(request("{\"A\": 1}", "{\"A\": 0.5, \"B\": 0.5}", "{\"A\": 0.1}", "{\"A\": 0.1}"),
                "benchmark_returns.B", "is required");
        assertRefused(request("{\"A\": 1}", "{\"A\": 1}", "{\"A\": 0.1}", "{\"A\": 0.1, \"Tehc\": 0.1}"),
                "benchmark_returns.Tehc", "is not a sector");
        assertRefused(request("{\"A\": 1, \"Cash\": 0}", "{\"A\": 1}", "{\"A\": 0.1}", "{\"A\": 0.1}"),
                "benchmark_returns.Cash", "weight 0 on both sides");
    }

    @Test
    void sectorNamesAreBoundedAndEchoedClipped() {
        String longName = "S".repeat(AttributionService.MAX_SECTOR_NAME + 1);
        ValidationException e = refused(new AttributionRequest(Map.of(longName, 1.0), Map.of(longName, 1.0),
                Map.of(longName, 0.1), Map.of(longName, 0.1)));
        assertThat(e.field()).isEqualTo("portfolio_weights");
        assertThat(e.reason()).contains("1 to 100 characters", "(101 characters)", "...")
                .doesNotContain(longName);
        e = refused(new AttributionRequest(Map.of("Te\u0007ch", 1.0), Map.of("A", 1.0), Map.of(), Map.of("A", 0.1)));
        assertThat(e.field()).isEqualTo("portfolio_weights");
        assertThat(e.reason()).contains("control characters", "Te\\u0007ch");
        assertThat(e.getMessage()).doesNotContain("\u0007");
        e = refused(new AttributionRequest(Map.of(" ", 1.0), Map.of("A", 1.0), Map.of(), Map.of("A", 0.1)));
        assertThat(e.field()).isEqualTo("portfolio_weights");
    }

    @Test
    void atMostAThousandSectors() {
        Map<String, Double> many = new LinkedHashMap<>();
        Map<String, Double> returns = new LinkedHashMap<>();
        for (int i = 0; i <= AttributionService.MAX_SECTORS; i++) {
            many.put("S" + i, 1.0 / (AttributionService.MAX_SECTORS + 1));
            returns.put("S" + i, 0.01);
        }
        ValidationException e = refused(new AttributionRequest(many, Map.of("S0", 1.0), returns, returns));
        assertThat(e.field()).isEqualTo("portfolio_weights");
        assertThat(e.reason()).contains("1001 sectors; at most 1000");
        // 600 on each side, 1,200 together
        Map<String, Double> mine = new LinkedHashMap<>();
        Map<String, Double> theirs = new LinkedHashMap<>();
        Map<String, Double> myReturns = new LinkedHashMap<>();
        Map<String, Double> theirReturns = new LinkedHashMap<>();
        for (int i = 0; i < 600; i++) {
            mine.put("P" + i, 1.0 / 600);
            theirs.put("B" + i, 1.0 / 600);
            myReturns.put("P" + i, 0.01);
            theirReturns.put("B" + i, 0.01);
        }
        e = refused(new AttributionRequest(mine, theirs, myReturns, theirReturns));
        assertThat(e.field()).isEqualTo("benchmark_weights");
        assertThat(e.reason()).contains("1200 sectors together");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ValidationException e = refused(read(request("{\"A\": 2, \"B\": -1}", "{\"A\": 1}", "{\"A\": -3}",
                "{\"A\": 0.1}")));
        assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                .contains("portfolio_weights.A", "portfolio_weights.B", "portfolio_returns.A");
    }

    private static String request(String pw, String bw, String pr, String br) {
        StringBuilder sb = new StringBuilder("{\"portfolio_weights\": " + pw + ", \"benchmark_weights\": " + bw
                + ", \"portfolio_returns\": " + pr);
        if (br != null) {
            sb.append(", \"benchmark_returns\": ").append(br);
        }
        return sb.append('}').toString();
    }

    private void assertRefused(String json, String field, String reason) {
        ValidationException e = catchThrowableOfType(() -> service.attribute(read(json)), ValidationException.class);
        assertThat(e).as(json).isNotNull();
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.reason()).as(e.getMessage()).contains(reason);
    }

    private ValidationException refused(Object request) {
        ValidationException e = catchThrowableOfType(() -> service.attribute(request instanceof String s ? read(s)
                : (AttributionRequest) request), ValidationException.class);
        assertThat(e).isNotNull();
        return e;
    }

    private static double[] column(AttributionResponse a, String effect) {
        return a.sectors().stream().mapToDouble(s -> switch (effect) {
            case "allocation" -> s.allocation();
            case "selection" -> s.selection();
            case "interaction" -> s.interaction();
            default -> s.total();
        }).toArray();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
