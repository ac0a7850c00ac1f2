package com.positionlab.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.positionlab.service.kelly.KellyCalculationRequest;
import com.positionlab.service.sizing.PositionSizingRequest;

/**
 * Hostile request documents are refused while being read, in milliseconds, with a short message that names
 * the field: numbers out of the range a price, quantity or fraction can have, over-long or unsafe strings,
 * duplicate keys and documents over the reader's limits.
 */
class HostileRequestTest {

    private static final String DECISION = "\"instrument_id\": \"AAPL\", \"direction\": \"LONG\", \"entry_price\": 100";

    @BeforeAll
    static void warmUp() {
        read("{\"trading_decision\": {" + DECISION + "}}", PositionSizingRequest.class);
    }

    static Stream<Arguments> hostile() {
        String big = "x".repeat(1_000_000);
        return Stream.of(
                sizing("a lot size with a huge negative exponent", "{\"trading_decision\": {" + DECISION
                        + ", \"lot_size\": 1e-9999999}}", "trading_decision.lot_size", "1E-9999999"),
                sizing("an equity with a billion-digit plain form", "{\"trading_decision\": {" + DECISION
                        + "}, \"portfolio_state\": {\"equity\": -1e-999999999}}", "portfolio_state.equity",
                        "-1E-999999999"),
                sizing("an equity of 1e999999999", "{\"trading_decision\": {" + DECISION
                        + "}, \"portfolio_state\": {\"equity\": 1e999999999}}", "portfolio_state.equity", "1E+999999999"),
                sizing("a quantity with 19 significant digits", "{\"trading_decision\": {" + DECISION
                        + "}, \"portfolio_state\": {\"holdings\": [{\"instrument_id\": \"A\", \"quantity\": "
                        + "1.234567890123456789}]}}", "portfolio_state.holdings[0].quantity", "at most 18 significant digits"),
                sizing("a price of 1e308", "{\"trading_decision\": {\"instrument_id\": \"AAPL\", \"entry_price\": "
                        + "1e308}}", "trading_decision.entry_price", "1.0E308"),
                sizing("a price of 1e400 (infinite as a double)", "{\"trading_decision\": {\"instrument_id\": "
                        + "\"AAPL\", \"entry_price\": 1e400}}", "trading_decision.entry_price", "Infinity"),
                sizing("a NaN price given as a string", "{\"trading_decision\": {\"instrument_id\": \"AAPL\", "
                        + "\"entry_price\": \"NaN\"}}", "trading_decision.entry_price", "finite"),
                sizing("a NaN token", "{\"trading_decision\": {\"instrument_id\": \"AAPL\", \"entry_price\": NaN}}",
                        "request", "malformed"),
                sizing("a number of 41 digits", "{\"trading_decision\": {" + DECISION + ", \"stop_price\": "
                        + "1".repeat(41)
                        + "}}", "trading_decision.stop_price", "Number value length (41) exceeds the maximum allowed (40)"),
                sizing("a trade return of 1e300", "{\"trading_decision\": {" + DECISION + "}, \"sizing_parameters\": "
                        + "{\"trade_returns\": [0.1, -0.05, 1e300]}}", "sizing_parameters.trade_returns[2]", "1.0E300"),
                sizing("a return history value of -1e200", "{\"trading_decision\": {" + DECISION + "}, "
                        + "\"portfolio_state\": {\"return_history\": {\"AAPL\": [0.01, -1e200]}}}",
                        "portfolio_state.return_history.AAPL[1]", "-1.0E200"),
                sizing("a sector share of 1e20", "{\"trading_decision\": {" + DECISION + "}, \"risk_budgets\": "
                        + "{\"sector_shares\": {\"Tech\": 1e20}}}", "risk_budgets.sector_shares.Tech", "1.0E20"),
                sizing("an unquoted 100 KB token", "{\"trading_decision\": {\"instrument_id\": "
                        + "y".repeat(100_000) + "}}", "request", "malformed JSON"),
                sizing("a 50 KB enum value", "{\"trading_decision\": {" + DECISION + ", \"conviction\": \""
                        + "z".repeat(50_000) + "\"}}", "trading_decision.conviction", "expected one of"),
                sizing("a duplicate key", "{\"trading_decision\": {\"instrument_id\": \"AAPL\", \"entry_price\": -1, "
                        + "\"entry_price\": 52.5}}", "trading_decision.entry_price", "appears twice"),
                sizing("a duplicate key in a list", "{\"trading_decision\": {" + DECISION + "}, \"portfolio_state\": "
                        + "{\"holdings\": [{\"instrument_id\": \"A\"}, {\"instrument_id\": \"B\", \"instrument_id\": "
                        + "\"C\"}]}}", "portfolio_state.holdings[1].instrument_id", "appears twice"),
                sizing("a 100-character decision id", "{\"trading_decision\": {" + DECISION + ", \"decision_id\": \""
                        + "d".repeat(100) + "\"}}", "trading_decision.decision_id", "at most 64 characters"),
                sizing("a 1 MB decision id", "{\"trading_decision\": {" + DECISION + ", \"decision_id\": \"" + big
                        + "\"}}", "request|trading_decision.*", "too large"),
                sizing("a formula as an instrument id", "{\"trading_decision\": {\"instrument_id\": "
                        + "\"=cmd|' /C calc'!A0\", \"entry_price\": 100}}", "trading_decision.instrument_id",
                        "\"=cmd|' /C calc'!A0\""),
                sizing("a control character in a sector", "{\"trading_decision\": {" + DECISION
                        + ", \"sector\": \"Tech\\u0007\"}}", "trading_decision.sector", "\\u0007"),
                sizing("a 300-character sector", "{\"trading_decision\": {" + DECISION + ", \"sector\": \""
                        + "s".repeat(300) + "\"}}", "trading_decision.sector", "at most 200"),
                sizing("a 300-character map key", "{\"trading_decision\": {" + DECISION + "}, \"risk_budgets\": "
                        + "{\"sector_shares\": {\"" + "k".repeat(300) + "\": 0.5}}}", "request|risk_budgets.*",
                        "too large|at most"),
                sizing("a map key that is a formula", "{\"trading_decision\": {" + DECISION + "}, "
                        + "\"stress_scenarios\": [{\"name\": \"crash\", \"instrument_shocks\": {\"=1+1\": -0.2}}]}",
                        "stress_scenarios\\[0\\].instrument_shocks.*", "a key may hold only visible characters"),
                kelly("a correlation of 1e300", "{\"expected_returns\": [0.1, 0.1], \"volatilities\": [0.2, 0.2], "
                        + "\"correlation_matrix\": [[1, 0.5], [0.5, 1e300]]}", "correlation_matrix\\[1\\]\\[1\\]",
                        "1.0E300"),
                kelly("a win probability of -1e309", "{\"win_probability\": -1e309, \"average_win\": 1, "
                        + "\"average_loss\": 1}", "win_probability", "Infinity"));
    }

    private static Arguments sizing(String what, String body, String field, String reason) {
        return Arguments.of(what, body, PositionSizingRequest.class, field, reason);
    }

    private static Arguments kelly(String what, String body, String field, String reason) {
        return Arguments.of(what, body, KellyCalculationRequest.class, field, reason);
    }

    /**
     * Timed as the fastest of five readings after a first one, which also loads classes (up to ~150 ms once
     * per JVM); the fastest filters out a busy machine's scheduling pauses, not the work (minutes before).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileInputIsRefusedQuicklyWithAShortMessage(String what, String body, Class<?> type, String field,
                                                       String reason) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> read(body, type));
        double ms = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            catchThrowableOfType(ValidationException.class, () -> read(body, type));
            ms = Math.min(ms, (System.nanoTime() - start) / 1e6);
        }

        assertThat(e).as(what).isNotNull();
        if (field.contains("\\") || field.contains("|") || field.contains(".*")) {
            assertThat(e.field()).as(what + ": " + e.getMessage()).matches(field);
        } else {
            assertThat(e.field()).as(what + ": " + e.getMessage()).isEqualTo(field);
        }
        assertThat(e.reason()).as(what).containsPattern(reason.contains("|") ? reason
                : java.util.regex.Pattern.quote(reason));
        assertThat(e.getMessage().length()).as(what + ": " + e.getMessage()).isLessThan(300);
        assertThat(ms).as(what + " took " + ms + " ms").isLessThan(50);
    }

    @Test
    void aDuplicateKeyIsNamedWithItsPath() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> read("{\"trading_decision\": "
                + "{\"entry_price\": -1, \"entry_price\": 52.5}}", PositionSizingRequest.class));

        assertThat(e.getMessage()).isEqualTo("trading_decision.entry_price: appears twice");
    }

    /**
     * A document over 1 MiB is refused once 1 MiB has been read; 1 MiB of numbers is a legitimate size, so
     * this is bounded, but not by the 50 ms of a small request.
     */
    @Test
    void aDocumentOver1MiBOfNumbersIsRefusedWithinASecond() {
        String body = "{\"trading_decision\": {" + DECISION + "}, \"sizing_parameters\": {\"trade_returns\": ["
                + "0.01,".repeat(250_000) + "0.01]}}";
        long start = System.nanoTime();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> read(body, PositionSizingRequest.class));
        double ms = (System.nanoTime() - start) / 1e6;

        assertThat(e.field()).isEqualTo("request");
        assertThat(e.reason()).matches("is too large: Document length \\(\\d+\\) exceeds the maximum allowed \\(1048576\\)");
        assertThat(ms).as("took " + ms + " ms").isLessThan(1_000);
    }

    @Test
    void nestingDeeperThan32IsRefused() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);

        assertThat(catchThrowableOfType(ValidationException.class, () -> read(deep, Object.class)).getMessage())
                .startsWith("request: is too large: Document nesting depth (33) exceeds the maximum allowed (32");
        assertThat(read("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH), Object.class)).isNotNull();
    }

    @Test
    void boundedValuesStillRead() {
        PositionSizingRequest r = read("{\"trading_decision\": {" + DECISION + ", \"decision_id\": \"ord-2024/07#1\", "
                + "\"lot_size\": 0.000000000001, \"sector\": \"Health Care & Pharma\", \"strategy_id\": \"mom_20d\"}, "
                + "\"portfolio_state\": {\"equity\": 999999999999999, \"holdings\": [{\"instrument_id\": \"BRK.B\", "
                + "\"quantity\": -12345.678901234567}]}}", PositionSizingRequest.class);

        assertThat(r.tradingDecision().lotSize()).isEqualByComparingTo("1e-12");
        assertThat(r.tradingDecision().sector()).isEqualTo("Health Care & Pharma");
        assertThat(r.portfolioState().equity()).isEqualByComparingTo("999999999999999");
        assertThat(r.portfolioState().holdings().get(0).quantity()).isEqualByComparingTo("-12345.678901234567");
    }

    private static <T> T read(String body, Class<T> type) {
        return JsonRequests.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), type);
    }
}
