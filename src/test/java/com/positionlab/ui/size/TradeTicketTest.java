package com.positionlab.ui.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest;

/** Parsing the ticket's texts into the service's request, and naming the field of a service error. */
class TradeTicketTest {

    private static final double EXACT = 1e-15;

    private static Map<String, String> texts(String... pairs) {
        Map<String, String> t = TradeTicket.defaults();
        for (int i = 0; i < pairs.length; i += 2) {
            t.put(pairs[i], pairs[i + 1]);
        }
        return t;
    }

    @Test
    void aTargetAndAWinProbabilityGoToTheDecisionAndRiskPerTradeToTheParameters() {
        TradeTicket t = TradeTicket.parse(texts(TradeTicket.ENTRY, "100", TradeTicket.STOP, "95", TradeTicket.TARGET,
                "115", TradeTicket.WIN_PROBABILITY, "55", TradeTicket.RISK_PER_TRADE, "0.5")).ticket();
        PositionSizingRequest q = t.request(new TradeTicket.Choices("SEMI", "Technology", Side.LONG, null,
                Conviction.MEDIUM, null, SizingMethod.KELLY_CRITERION, RiskModel.HISTORICAL_VAR));
        assertThat(q.tradingDecision().targetPrice()).isEqualTo(115.0);
        assertThat(q.tradingDecision().winProbability()).isEqualTo(0.55);
        assertThat(q.sizingParameters().riskPerTrade()).isEqualTo(0.005);
        assertThat(TradeTicket.parse(texts(TradeTicket.ENTRY, "100", TradeTicket.WIN_PROBABILITY, "101")).errors())
                .containsEntry(TradeTicket.WIN_PROBABILITY, "must be at least 0 and at most 100, got 101");
        assertThat(TradeTicket.parse(texts(TradeTicket.ENTRY, "100", TradeTicket.RISK_PER_TRADE, "25")).errors())
                .containsEntry(TradeTicket.RISK_PER_TRADE, "must be above 0 and at most 20, got 25");
    }

    @Test
    void percentFieldsBecomeFractionsAndBlankOptionalsStayUnset() {
        TradeTicket t = TradeTicket.parse(texts(TradeTicket.ENTRY, "1,052.5", TradeTicket.EXPECTED_RETURN, "12%",
                TradeTicket.LEVERAGE, "2x", TradeTicket.MAX_SECTOR, "", TradeTicket.SECTOR_SHOCK, "")).ticket();
        assertThat(t.entry()).isEqualTo(1052.5);
        assertThat(t.expectedReturn()).isCloseTo(0.12, within(EXACT));
        assertThat(t.confidence()).isCloseTo(0.95, within(EXACT));
        assertThat(t.maxPosition()).isCloseTo(0.10, within(EXACT));
        assertThat(t.leverage()).isEqualTo(2.0);
        assertThat(t.stop()).isNull();
        assertThat(t.maxSector()).isNull();

        PositionSizingRequest q = t.request(new TradeTicket.Choices("SEMI", "Technology", Side.SHORT, "TREND",
                Conviction.LOW, null, SizingMethod.RISK_PARITY, RiskModel.GARCH));
        assertThat(q.tradingDecision().direction()).isEqualTo(Side.SHORT);
        assertThat(q.tradingDecision().strategyId()).isEqualTo("TREND");
        assertThat(q.sizingParameters().sizingMethod()).isEqualTo(SizingMethod.RISK_PARITY);
        assertThat(q.sizingParameters().riskModel()).isEqualTo(RiskModel.GARCH);
        assertThat(q.riskConstraints().maxSectorWeight()).isNull();
        assertThat(q.riskBudgets().sectorShares()).containsOnlyKeys("Technology");
        assertThat(q.stressScenarios()).isNull();
        assertThat(q.portfolioState()).as("the workspace's portfolio").isNull();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        TradeTicket.Parsed p = TradeTicket.parse(texts(TradeTicket.ENTRY, "", TradeTicket.CONFIDENCE, "100",
                TradeTicket.HORIZON, "1.5", TradeTicket.STOP, "12d", TradeTicket.BUDGET_VOLATILITY, ""));
        assertThat(p.ticket()).isNull();
        assertThat(p.errors()).containsEntry(TradeTicket.ENTRY, "enter a value")
                .containsEntry(TradeTicket.CONFIDENCE, "must be above 0 and below 100, got 100")
                .containsEntry(TradeTicket.HORIZON, "\"1.5\" is not a whole number")
                .containsEntry(TradeTicket.STOP, "\"12d\" is not a number")
                .containsEntry(TradeTicket.BUDGET_SECTOR_SHARE, "needs a portfolio risk budget above");
    }

    @Test
    void serviceErrorsMapToTheirTicketFields() {
        assertThat(TradeTicket.fieldFor("trading_decision.entry_price")).isEqualTo(TradeTicket.ENTRY);
        assertThat(TradeTicket.fieldFor("risk_constraints.leverage_limit")).isEqualTo(TradeTicket.LEVERAGE);
        assertThat(TradeTicket.fieldFor("sizing_parameters.trade_returns[3]")).isEqualTo(TradeTicket.STRATEGY);
        assertThat(TradeTicket.fieldFor("risk_budgets.sector_shares.Energy")).isEqualTo(TradeTicket.BUDGET_SECTOR_SHARE);
        assertThat(TradeTicket.fieldFor("portfolio_state")).isEqualTo(TradeTicket.GENERAL);
    }

    @Test
    void theVolatilityToggleAsksForTheAdjustmentWithItsDefaults() {
        TradeTicket t = TradeTicket.parse(texts(TradeTicket.ENTRY, "100")).ticket();
        PositionSizingRequest off = t.request(new TradeTicket.Choices("SEMI", "Technology", Side.LONG, null,
                Conviction.MEDIUM, null, SizingMethod.KELLY_CRITERION, RiskModel.HISTORICAL_VAR));
        PositionSizingRequest on = t.request(new TradeTicket.Choices("SEMI", "Technology", Side.LONG, null,
                Conviction.MEDIUM, null, SizingMethod.KELLY_CRITERION, RiskModel.HISTORICAL_VAR, true));
        assertThat(off.volatilityAdjustment()).isNull();
        assertThat(on.volatilityAdjustment()).isEqualTo(new PositionSizingRequest.VolatilityAdjustment(null, null,
                null, null));
        assertThat(TradeTicket.fieldFor("volatility_adjustment")).isEqualTo(TradeTicket.VOLATILITY_ADJUSTMENT);
    }

    @Test
    void percentBecomesAFractionByADecimalShiftWithoutBinaryNoise() {
        TradeTicket t = TradeTicket.parse(texts(TradeTicket.ENTRY, "100", TradeTicket.EXPECTED_RETURN, "0.07",
                TradeTicket.MAX_POSITION, "12.3", TradeTicket.CONFIDENCE, "99.9")).ticket();
        assertThat(t.expectedReturn()).isEqualTo(0.0007);
        assertThat(t.maxPosition()).isEqualTo(0.123);
        assertThat(t.confidence()).isEqualTo(0.999);
    }
}
