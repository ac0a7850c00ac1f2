package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.sizing.SizingSpec;
import com.positionlab.service.Money;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest.PortfolioState;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;

/**
 * A caller in code (the UI, a test, a script) that skips the JSON reader still cannot make the sizing or the
 * money rounding spin on a hostile exponent, nor grow a message with a long value.
 */
class ProgrammaticBoundsTest {

    private static final BigDecimal TINY = new BigDecimal("1e-9999999");
    private static final BigDecimal HUGE_NEGATIVE_TINY = new BigDecimal("-1e-999999999");

    private static PositionSizingRequest request(String decisionId, BigDecimal lot, BigDecimal equity) {
        PositionSizingRequest base = PositionSizingServiceTest.selfContained(SizingMethod.FIXED_PERCENTAGE);
        TradingDecision d = new TradingDecision(decisionId, "NEW", Side.LONG, 25.0, null, null, null, null,
                Conviction.MEDIUM, null, lot);
        PortfolioState p = base.portfolioState();
        PortfolioState ps = new PortfolioState(p.portfolioId(), equity, p.cash(), p.currency(), p.holdings(),
                p.returnHistory(), null);
        return new PositionSizingRequest(d, ps, base.sizingParameters(), null, null, null, null);
    }

    @Test
    void aHostileLotSizeOrEquityIsRefusedInMilliseconds() {
        try (PositionSizingService service = new PositionSizingService()) {
            service.size(request("warm", null, null));
            long start = System.nanoTime();
            ValidationException lot = catchThrowableOfType(ValidationException.class,
                    () -> service.size(request("d-1", TINY, null)));
            ValidationException equity = catchThrowableOfType(ValidationException.class,
                    () -> service.size(request("d-2", null, HUGE_NEGATIVE_TINY)));
            double ms = (System.nanoTime() - start) / 1e6;

            assertThat(lot.getMessage()).isEqualTo("trading_decision.lot_size: must be 0 or between 1e-12 and 1e15 "
                    + "in magnitude; got 1E-9999999");
            assertThat(equity.getMessage()).isEqualTo("portfolio_state.equity: must be positive, got -1E-999999999");
            assertThat(ms).as("took " + ms + " ms").isLessThan(100);
        }
    }

    @Test
    void aHostileCashOrQuantityIsRefused() {
        PositionSizingRequest base = request("d-3", null, null);
        PortfolioState p = base.portfolioState();
        PortfolioState hostile = new PortfolioState(p.portfolioId(), null, HUGE_NEGATIVE_TINY, p.currency(),
                List.of(new PositionSizingRequest.HoldingState("AAA", TINY, 200.0, "Tech", null)), p.returnHistory(),
                null);
        try (PositionSizingService service = new PositionSizingService()) {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> service.size(
                    new PositionSizingRequest(base.tradingDecision(), hostile, base.sizingParameters(), null, null,
                            null, null)));

            assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                    .contains("portfolio_state.holdings[0].quantity", "portfolio_state.cash");
            assertThat(e.getMessage()).contains("got 1E-9999999").contains("got -1E-999999999");
        }
    }

    @Test
    void aLongDecisionIdIsRefusedWithoutEchoingIt() {
        try (PositionSizingService service = new PositionSizingService()) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> service.size(request("d".repeat(1_000_000), null, null)));

            assertThat(e.field()).isEqualTo("trading_decision.decision_id");
            assertThat(e.reason()).startsWith("must be at most 64 characters; got 1000000: \"ddd").endsWith("...\"");
            assertThat(e.getMessage().length()).isLessThan(200);
        }
    }

    @Test
    void theEngineRefusesALotSizeThatWouldMakeRoundingSlow() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> trade(TINY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot size must be below 1e15 with at most 12 decimals and 18 significant digits; got a "
                        + "number of magnitude 1e-9999999");
        assertThatThrownBy(() -> trade(new BigDecimal("0.0000000000001"))).isInstanceOf(IllegalArgumentException.class);
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(50);
        assertThat(trade(new BigDecimal("0.000000000001")).lotSize()).isEqualByComparingTo("1e-12");
    }

    @Test
    void moneyRoundingCostsTheSameWhateverTheExponent() {
        long start = System.nanoTime();
        assertThat(Money.round(TINY, "USD")).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.round(HUGE_NEGATIVE_TINY, "JPY")).isEqualTo(new BigDecimal("0"));
        assertThatThrownBy(() -> Money.round(new BigDecimal("1e999999999"), "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1E+999999999");
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(50);
        assertThat(Money.round(new BigDecimal("1234.565"), "USD")).isEqualByComparingTo("1234.56");
        assertThat(Money.round(new BigDecimal("0.005"), "USD")).isEqualByComparingTo("0.00");
        assertThat(Money.round(new BigDecimal("999999999999999999.994"), "USD"))
                .isEqualByComparingTo("999999999999999999.99");
    }

    private static SizingSpec.Trade trade(BigDecimal lot) {
        return new SizingSpec.Trade(1, 100_000, 50, Double.NaN, lot, Double.NaN, Conviction.MEDIUM, null, 60);
    }

    @Test
    void echoedValuesAreCutAtSixtyCharactersAndEscaped() {
        assertThat(ValidationException.quote("a\nb\u0007" + "c".repeat(100))).isEqualTo("\"a\\nb\\u0007"
                + "c".repeat(56) + "...\"");
        assertThat(List.of(ValidationException.quote("AAPL"), ValidationException.quote(null)))
                .containsExactly("\"AAPL\"", "null");
    }
}
