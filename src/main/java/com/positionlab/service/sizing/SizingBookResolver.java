package com.positionlab.service.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.service.InputLimits;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest.HoldingState;
import com.positionlab.service.sizing.PositionSizingRequest.PortfolioState;
import com.positionlab.service.sizing.SizingMarketData.InstrumentData;
import com.positionlab.service.sizing.SizingMarketData.StoredBook;

/** Resolves the book a trade joins: the holdings, cash and equity of the request, or of a stored portfolio. */
final class SizingBookResolver {

    /** The book the trade joins: from the request, or from the store's portfolio. */
    record Book0(String portfolioId, double equity, String currency, List<ResolvedRequest.Position> positions) {
        String sectorOf(String id) {
            return positions.stream().filter(p -> p.instrumentId().equals(id)).map(ResolvedRequest.Position::sector)
                    .filter(Objects::nonNull).findFirst().orElse(Instrument.UNCLASSIFIED);
        }
    }

    private final SizingMarketData market;

    SizingBookResolver(SizingMarketData market) {
        this.market = market;
    }

    /** The book the trade joins: the request's, or the stored portfolio's when the request gives none. */
    Book0 portfolio(Checks c, PortfolioState ps) {
        if (ps == null || ps.holdings() == null && ps.equity() == null && ps.cash() == null) {
            if (!market.hasWorkspace()) {
                c.fail("portfolio_state", "is required without a workspace");
                return null;
            }
            return storedPortfolio(c, ps == null ? null : ps.portfolioId());
        }
        List<ResolvedRequest.Position> positions = positions(c, ps.holdings());
        double value = 0;
        for (ResolvedRequest.Position p : positions) {
            value += p.quantity() * p.price();
        }
        c.decimal("portfolio_state.cash", ps.cash());
        double cash = ps.cash() == null ? 0 : ps.cash().doubleValue();
        double equity;
        if (ps.equity() != null) {
            equity = ps.equity().doubleValue();
            if (!(equity > 0)) {
                c.fail("portfolio_state.equity", "must be positive, got " + InputLimits.show(ps.equity()));
            } else if (InputLimits.checkDecimal(ps.equity()) != null) {
                c.fail("portfolio_state.equity", InputLimits.checkDecimal(ps.equity()));
            }
        } else {
            equity = cash + value;
            if (!(equity > 0)) {
                c.fail("portfolio_state.equity", "is required: cash plus holdings is " + Checks.num(equity));
            }
        }
        String currency = ps.currency() == null ? "USD" : ps.currency().trim().toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            c.fail("portfolio_state.currency", "must be a three-letter ISO code, got "
                    + ValidationException.quote(ps.currency()));
        }
        return new Book0(ps.portfolioId(), equity, currency, positions);
    }

    private List<ResolvedRequest.Position> positions(Checks c, List<HoldingState> given) {
        List<ResolvedRequest.Position> positions = new ArrayList<>();
        List<HoldingState> holdings = given == null ? List.of() : given;
        java.util.Set<String> seen = new java.util.HashSet<>(holdings.size() * 2 + 1);
        for (int i = 0; i < holdings.size(); i++) {
            HoldingState h = holdings.get(i);
            String f = "portfolio_state.holdings[" + i + "]";
            if (h == null) {
                c.fail(f, "must be an object");
                continue;
            }
            String id = c.requiredText(f + ".instrument_id", h.instrumentId());
            c.id(f + ".instrument_id", id);
            c.decimal(f + ".quantity", h.quantity());
            if (id != null && !seen.add(id)) {
                c.fail(f + ".instrument_id", ValidationException.quote(id) + " is listed twice");
            }
            if (h.quantity() == null) {
                c.fail(f + ".quantity", "is required");
            } else if (h.quantity().signum() == 0) {
                c.fail(f + ".quantity", "must not be zero");
            }
            double price = h.price() == null ? Double.NaN : c.positive(f + ".price", h.price());
            if (h.price() == null && id != null) {
                price = market.instrument(id).map(InstrumentData::lastClose).orElse(Double.NaN);
                if (Double.isNaN(price)) {
                    c.fail(f + ".price", "is required: the workspace has no price for " + id);
                }
            }
            if (id == null || h.quantity() == null || Double.isNaN(price)) {
                continue;
            }
            String sector = h.sector() != null ? h.sector()
                    : market.instrument(id).map(InstrumentData::sector).orElse(Instrument.UNCLASSIFIED);
            positions.add(new ResolvedRequest.Position(id, h.quantity().doubleValue(), price, sector, h.strategyId()));
        }
        return positions;
    }

    private Book0 storedPortfolio(Checks c, String portfolioId) {
        Optional<StoredBook> read = market.storedBook(portfolioId);
        if (read.isEmpty()) {
            if (portfolioId == null) {
                c.fail("portfolio_state", "is required: the workspace has no portfolio");
            } else {
                c.fail("portfolio_state.portfolio_id", "no portfolio " + ValidationException.quote(portfolioId)
                        + " in the workspace");
            }
            return null;
        }
        StoredBook book = read.get();
        List<ResolvedRequest.Position> positions = new ArrayList<>();
        double value = 0;
        for (Holding h : book.holdings()) {
            Optional<InstrumentData> ins = market.instrument(h.instrumentId());
            double price = ins.map(InstrumentData::lastClose).orElse(Double.NaN);
            if (Double.isNaN(price)) {
                c.fail("portfolio_state", "holding " + h.instrumentId() + " has no price in the workspace");
                continue;
            }
            positions.add(new ResolvedRequest.Position(h.instrumentId(), h.quantity().doubleValue(), price,
                    ins.get().sector(), null));
            value += h.quantity().doubleValue() * price;
        }
        double equity = value + book.cash().doubleValue();
        if (!(equity > 0)) {
            c.fail("portfolio_state.equity", "the stored portfolio " + book.id() + " is worth " + Checks.num(equity));
        }
        return new Book0(book.id(), equity, book.currency(), positions);
    }
}
