package com.positionlab.service.sizing;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.positionlab.domain.Fill;
import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredSizing;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingResponse.OptimalPosition;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import com.fasterxml.jackson.databind.JsonNode;

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
     * Stores an accepted sizing in position_sizing_history and, when asked, fills it into the portfolio: the
     * units go into the holding (a short reduces it) with its average cost, and cash moves by the notional
     * (a buy debits it, a sale or short credits it), all in one transaction.
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
        Fill fill = updateHoldings && portfolioId != null && p.recommendedSize().signum() > 0
                ? fill(portfolioId, p, d) : null;
        saveHistory(request, response, decisionId, portfolioId, fill);
        market.historyChanged();
    }

    /**
     * The accepted units as a fill at the entry price: a long buys (cash down by the notional), a short sells
     * (cash up by it).
     */
    private static Fill fill(String portfolioId, OptimalPosition p, TradingDecision d) {
        BigDecimal units = "SHORT".equals(p.direction()) ? p.recommendedSize().negate() : p.recommendedSize();
        return new Fill(portfolioId, p.instrumentId(), units, BigDecimal.valueOf(d.entryPrice()),
                p.recommendedNotional().abs());
    }

    /**
     * Commits the accepted sizing to position_sizing_history, with its fill (holding and cash) in the same
     * transaction when there is one.
     */
    private void saveHistory(PositionSizingRequest request, PositionSizingResponse response, String decisionId,
                             String portfolioId, Fill fill) {
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
            store.sizingHistory().save(row, fill);
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

    /**
     * The sizings accepted from {@code from} to {@code to}, both whole UTC days, oldest first (at most
     * {@link AcceptedSizings#MAX_SIZINGS}).
     *
     * @throws ValidationException naming {@code from} or {@code to} when a date is missing or they are reversed
     */
    public AcceptedSizings between(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new ValidationException("from", "is required: the first day, as YYYY-MM-DD");
        }
        if (to == null) {
            throw new ValidationException("to", "is required: the last day, as YYYY-MM-DD");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("to", to + " is before from (" + from + ")");
        }
        long[] total = new long[1];
        List<StoredSizing> rows = store.sizingHistory().between(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), AcceptedSizings.MAX_SIZINGS, total);
        return new AcceptedSizings(from, to, total[0], rows.stream().map(s -> new AcceptedSizings.Entry(
                s.sizingId(), s.decisionId(), s.createdAt(), s.instrumentId(), s.direction(), s.sizingMethod(),
                s.ruleId(), s.recommendedSize(), s.recommendedNotional(), s.recommendedWeight(), tree(s.requestJson()),
                tree(s.responseJson()))).toList());
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Accepted sizings, newest first (cached for 30 minutes, dropped on any change). */
    public List<StoredSizing> history(SizingHistoryFilter filter) {
        return market.history(filter);
    }
}
