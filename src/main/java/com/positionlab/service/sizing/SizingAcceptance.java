package com.positionlab.service.sizing;

import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredSizing;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.positionlab.domain.Holding;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingResponse.OptimalPosition;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;

/**
 * The "accept a sizing" use case: the accepted sizing goes into the history, and on request its units
 * into the portfolio's holding; the history is read back through the sizing's cache.
 */
public final class SizingAcceptance {

    private final Store store;
    private final SizingMarketData market;
    private final StoreWriteHealth writeHealth;

    SizingAcceptance(Store store, SizingMarketData market, StoreWriteHealth writeHealth) {
        this.store = store;
        this.market = market;
        this.writeHealth = writeHealth;
    }

    /**
     * Stores an accepted sizing in position_sizing_history and, when asked, adds the units to the
     * portfolio's holding (a short reduces it).
     *
     * @throws ValidationException when there is no workspace, or the decision was already accepted with this method
     */
    public void accept(PositionSizingRequest request, PositionSizingResponse response, boolean updateHoldings) {
        if (store == null) {
            throw new ValidationException("workspace", "accepting a sizing needs a workspace");
        }
        OptimalPosition p = response.optimalPosition();
        TradingDecision d = request.tradingDecision();
        String decisionId = d.decisionId() == null || d.decisionId().isBlank() ? response.sizingId() : d.decisionId();
        String portfolioId = request.portfolioState() != null && request.portfolioState().portfolioId() != null
                ? request.portfolioState().portfolioId() : market.firstPortfolioId();
        boolean duplicate = store.sizingHistory().list(new SizingHistoryFilter(p.instrumentId(),
                p.sizingMethodUsed(), null, 1000)).stream().anyMatch(s -> s.decisionId().equals(decisionId));
        if (duplicate) {
            throw new ValidationException("trading_decision.decision_id", "\"" + decisionId
                    + "\" was already accepted with " + p.sizingMethodUsed());
        }
        saveHistory(request, response, decisionId, portfolioId);
        market.historyChanged();
        if (updateHoldings && portfolioId != null && p.recommendedSize().signum() > 0) {
            BigDecimal delta = "SHORT".equals(p.direction()) ? p.recommendedSize().negate() : p.recommendedSize();
            BigDecimal held = store.portfolios().holdings(portfolioId).stream()
                    .filter(h -> h.instrumentId().equals(p.instrumentId())).map(Holding::quantity)
                    .findFirst().orElse(BigDecimal.ZERO);
            BigDecimal now = held.add(delta);
            if (now.signum() == 0) {
                store.portfolios().deleteHolding(portfolioId, p.instrumentId());
            } else {
                store.portfolios().saveHoldings(List.of(new Holding(portfolioId, p.instrumentId(), now)));
            }
        }
    }

    /** Commits the accepted sizing to position_sizing_history before {@link #accept} goes on. */
    private void saveHistory(PositionSizingRequest request, PositionSizingResponse response, String decisionId,
                             String portfolioId) {
        OptimalPosition p = response.optimalPosition();
        StoredSizing row;
        try {
            row = new StoredSizing(response.sizingId(), decisionId, portfolioId, p.instrumentId(), p.direction(),
                    p.sizingMethodUsed(), request.ruleId(), p.recommendedSize(), p.recommendedNotional(),
                    p.recommendedWeight(), response.sizingAnalysis().kellyFraction(), p.confidenceScore(),
                    Json.mapper().writeValueAsString(request), Json.mapper().writeValueAsString(response),
                    response.processingTimeMs(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sizing could not be written as JSON", e);
        }
        try {
            store.sizingHistory().save(row);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && isConstraintViolation(sql)) {
                throw e;
            }
            throw writeHealth.failed("the accepted sizing " + response.sizingId(), e);
        }
        writeHealth.succeeded();
    }

    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /** Accepted sizings, newest first (cached for 30 minutes, dropped on any change). */
    public List<StoredSizing> history(SizingHistoryFilter filter) {
        return market.history(filter);
    }
}
