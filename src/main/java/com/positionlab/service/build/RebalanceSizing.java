package com.positionlab.service.build;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.positionlab.domain.Side;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingRequest.PortfolioState;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.sizing.RuleService;
import com.positionlab.service.sizing.SizingRule;

/**
 * Rebalancing trades through the sizing service, so that each is checked against the stored limits before it
 * is accepted: a buy is a long decision and a sale a short one (which reduces the holding when accepted),
 * each sized as a fixed percentage of equity equal to the trade's value, under the workspace's first active
 * rule (its limits and constraints; the sizing defaults without one). A limit may cut a trade down; the
 * response says which. Accepting stores each sizing in the history and fills it into the holdings and cash.
 */
public final class RebalanceSizing {

    /** A trade as rounded, and as the sizing service sized it under the limits. */
    public record SizedTrade(AllocateResponse.TradeOut trade, PositionSizingRequest request,
                             PositionSizingResponse response) {

        /** The units the sizing service allows (at most the trade's). */
        public long allowedUnits() {
            return response.optimalPosition().recommendedSize().longValue();
        }

        /** Why it was cut, or "" when the whole trade is allowed. */
        public String note() {
            if (allowedUnits() >= trade.quantity()) {
                return "";
            }
            String reason = response.optimalPosition().reason();
            String limits = response.bindingConstraints() == null ? "" : String.join(", ",
                    response.bindingConstraints().stream().map(b -> b.name()).toList());
            return reason != null ? reason : limits.isEmpty() ? "reduced by the sizing limits" : "limited by " + limits;
        }
    }

    private final PositionSizingService sizing;
    private final RuleService rules;

    public RebalanceSizing(PositionSizingService sizing, RuleService rules) {
        this.sizing = sizing;
        this.rules = rules;
    }

    /** Sizes every trade of a rebalance against the portfolio as it stands. */
    public List<SizedTrade> size(BuildResult r, AllocateResponse trades) {
        String rule = rules.list().stream().filter(SizingRule::active).map(SizingRule::ruleId).findFirst()
                .orElse(null);
        double equity = r.portfolioValue() > 0 ? r.portfolioValue() : PortfolioBuilder.EMPTY_PORTFOLIO_VALUE;
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<SizedTrade> out = new ArrayList<>();
        for (AllocateResponse.TradeOut t : trades.trades()) {
            int i = r.tickers().indexOf(t.ticker());
            double price = r.latestPrices()[i];
            double weight = Math.min(1, t.quantity() * price / equity);
            TradingDecision d = new TradingDecision("rebalance-" + batch + "-" + t.ticker(), t.ticker(),
                    t.side().equalsIgnoreCase("buy") ? Side.LONG : Side.SHORT, price, null, null, null, null, null,
                    r.sectors().get(i), BigDecimal.valueOf(r.lotSizes()[i]));
            SizingParameters p = new SizingParameters(SizingMethod.FIXED_PERCENTAGE, null, null, null, null, null,
                    null, weight, null, null, null, null, null, null, null, null, null);
            PortfolioState book = r.setup().portfolioId() == null ? null
                    : new PortfolioState(r.setup().portfolioId(), null, null, null, null, null, null);
            PositionSizingRequest request = new PositionSizingRequest(d, book, p, null, null, null, rule);
            out.add(new SizedTrade(t, request, sizing.size(request)));
        }
        return out;
    }

    /** Accepts each sized trade (its allowed units) into the history and the holdings; returns how many. */
    public int accept(List<SizedTrade> trades) {
        int accepted = 0;
        for (SizedTrade t : trades) {
            if (t.allowedUnits() > 0) {
                sizing.acceptance().accept(t.request(), t.response(), true);
                accepted++;
            }
        }
        return accepted;
    }
}
