package com.positionlab.ui.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingService;

/**
 * The ticket never accepts what the service refuses, nor refuses what it accepts: for each number field,
 * values at and just beyond each end of the range are typed into the ticket, and every value the ticket
 * accepts is sent to the service, which must not name that field; every value it refuses would be refused
 * by the service too (sent directly).
 */
class TicketAndServiceRangesTest {

    private static final TradeTicket.Choices CHOICES = new TradeTicket.Choices("NEW", "Energy", Side.LONG, null,
            Conviction.MEDIUM, null, SizingMethod.FIXED_PERCENTAGE, RiskModel.HISTORICAL_VAR);

    static List<String> fields() {
        return List.of(TradeTicket.EXPECTED_RETURN, TradeTicket.CONFIDENCE, TradeTicket.MAX_POSITION,
                TradeTicket.MAX_VOLATILITY, TradeTicket.MAX_SECTOR, TradeTicket.LEVERAGE,
                TradeTicket.BUDGET_VOLATILITY, TradeTicket.BUDGET_SECTOR_SHARE, TradeTicket.SECTOR_SHOCK);
    }

    @ParameterizedTest
    @MethodSource("fields")
    void theTicketAcceptsExactlyWhatTheServiceAccepts(String field) {
        for (String typed : List.of("-1000", "-100.01", "-100", "-1", "-0.0001", "0", "0.0001", "1", "20", "20.01",
                "99.99", "100", "100.01", "199.99", "200", "200.01", "999.99", "1000", "1000.01", "100000")) {
            Map<String, String> texts = TradeTicket.defaults();
            texts.put(TradeTicket.ENTRY, "100");
            texts.put(field, typed);
            if (field.equals(TradeTicket.BUDGET_SECTOR_SHARE)) {
                texts.put(TradeTicket.BUDGET_VOLATILITY, "20");
            }
            TradeTicket.Parsed parsed = TradeTicket.parse(texts);
            boolean ticketAccepts = !parsed.errors().containsKey(field);
            texts.put(field, TradeTicket.defaults().get(field));
            TradeTicket base = TradeTicket.parse(texts).ticket();
            assertThat(base).as("the defaults parse").isNotNull();
            boolean serviceAccepts = serviceAccepts(field, ticketAccepts ? parsed.ticket() : base, typed);
            assertThat(ticketAccepts).as("%s typed as %s: the ticket %s, the service %s", field, typed,
                    ticketAccepts ? "accepts" : "refuses", serviceAccepts ? "accepts" : "refuses")
                    .isEqualTo(serviceAccepts);
        }
    }

    /** Whether the service's check of {@code field} passes with the typed value (in request units). */
    private static boolean serviceAccepts(String field, TradeTicket ticket, String typed) {
        PositionSizingRequest q = ticket.request(CHOICES);
        q = TicketRequests.with(q, field, Double.parseDouble(typed) * (field.equals(TradeTicket.LEVERAGE) ? 1 : 0.01));
        try (PositionSizingService service = new PositionSizingService()) {
            service.size(q);
            return true;
        } catch (ValidationException e) {
            return e.errors().stream().noneMatch(f -> TradeTicket.fieldFor(f.field()).equals(field));
        }
    }

    /** A request with one ticket field's value set directly, in request units, as a client might send it. */
    static final class TicketRequests {

        private TicketRequests() {
        }

        static PositionSizingRequest with(PositionSizingRequest q, String field, double v) {
            var d = q.tradingDecision();
            var p = q.sizingParameters();
            var k = q.riskConstraints() != null ? q.riskConstraints()
                    : new PositionSizingRequest.RiskConstraints(null, null, null, null, null, null);
            var b = q.riskBudgets();
            var stress = q.stressScenarios();
            switch (field) {
                case TradeTicket.EXPECTED_RETURN -> d = new PositionSizingRequest.TradingDecision(d.decisionId(),
                        d.instrumentId(), d.direction(), d.entryPrice(), d.stopPrice(), v, d.winProbability(),
                        d.strategyId(), d.conviction(), d.sector(), d.lotSize());
                case TradeTicket.CONFIDENCE -> p = new PositionSizingRequest.SizingParameters(p.sizingMethod(),
                        p.riskModel(), v, p.lookbackPeriod(), p.maxPositionSize(), p.minPositionSize(),
                        p.volatilityTarget(), p.fixedPercentage(), p.riskPerTrade(), p.kellyMultiplier(),
                        p.maxKellyFraction(), p.optimalFFraction(), p.tradeReturns(), p.horizonDays(),
                        p.cornishFisher(), p.monteCarloScenarios(), p.seed());
                case TradeTicket.MAX_POSITION -> p = new PositionSizingRequest.SizingParameters(p.sizingMethod(),
                        p.riskModel(), p.confidenceLevel(), p.lookbackPeriod(), v, p.minPositionSize(),
                        p.volatilityTarget(), p.fixedPercentage(), p.riskPerTrade(), p.kellyMultiplier(),
                        p.maxKellyFraction(), p.optimalFFraction(), p.tradeReturns(), p.horizonDays(),
                        p.cornishFisher(), p.monteCarloScenarios(), p.seed());
                case TradeTicket.MAX_VOLATILITY -> k = new PositionSizingRequest.RiskConstraints(v,
                        k.riskLimitMeasure(), k.maxInstrumentWeight(), k.maxSectorWeight(), k.correlationLimit(),
                        k.leverageLimit());
                case TradeTicket.MAX_SECTOR -> k = new PositionSizingRequest.RiskConstraints(k.maxPortfolioRisk(),
                        k.riskLimitMeasure(), k.maxInstrumentWeight(), v, k.correlationLimit(), k.leverageLimit());
                case TradeTicket.LEVERAGE -> k = new PositionSizingRequest.RiskConstraints(k.maxPortfolioRisk(),
                        k.riskLimitMeasure(), k.maxInstrumentWeight(), k.maxSectorWeight(), k.correlationLimit(), v);
                case TradeTicket.BUDGET_VOLATILITY -> b = new PositionSizingRequest.RiskBudgets(v, Map.of(), Map.of(),
                        null, null);
                case TradeTicket.BUDGET_SECTOR_SHARE -> b = new PositionSizingRequest.RiskBudgets(0.2,
                        Map.of("Energy", v), Map.of(), null, null);
                case TradeTicket.SECTOR_SHOCK -> stress = List.of(new PositionSizingRequest.StressScenario("shock",
                        null, Map.of("Energy", v)));
                default -> throw new IllegalArgumentException(field);
            }
            return new PositionSizingRequest(d, q.portfolioState(), p, k, b, stress, q.ruleId());
        }
    }
}
