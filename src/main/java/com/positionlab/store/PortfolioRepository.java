package com.positionlab.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Portfolio;

/** Portfolios, their cash and their holdings. */
public final class PortfolioRepository {

    private final Database db;

    PortfolioRepository(Database db) {
        this.db = db;
    }

    public List<Portfolio> findAll() {
        return Jdbc.read(db, "read portfolios", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM portfolios ORDER BY created_at, portfolio_id");
                 ResultSet rs = ps.executeQuery()) {
                List<Portfolio> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        });
    }

    public Optional<Portfolio> find(String id) {
        return Jdbc.read(db, "read portfolio " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM portfolios WHERE portfolio_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Inserts or replaces a portfolio (name, currency and cash). */
    public void save(Portfolio p) {
        Jdbc.inTransaction(db, "save portfolio " + p.id(), c -> {
            merge(c, p);
            return null;
        });
    }

    public List<Holding> holdings(String portfolioId) {
        return Jdbc.read(db, "read holdings of " + portfolioId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM holdings WHERE portfolio_id = ? ORDER BY instrument_id")) {
                ps.setString(1, portfolioId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Holding> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Holding(rs.getString("portfolio_id"), rs.getString("instrument_id"),
                                Jdbc.plain(rs.getBigDecimal("quantity"))));
                    }
                    return out;
                }
            }
        });
    }

    /** Inserts or replaces holdings in one transaction; returns how many are new. */
    public int saveHoldings(Collection<Holding> holdings) {
        return Jdbc.inTransaction(db, "save holdings", c -> {
            int before = Store.count(c, "holdings");
            mergeHoldings(c, holdings);
            return Store.count(c, "holdings") - before;
        });
    }

    public void deleteHolding(String portfolioId, String instrumentId) {
        Jdbc.inTransaction(db, "remove holding " + instrumentId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM holdings WHERE portfolio_id = ? AND instrument_id = ?")) {
                ps.setString(1, portfolioId);
                ps.setString(2, instrumentId);
                return ps.executeUpdate();
            }
        });
    }

    /** Replaces a portfolio and all its holdings in one transaction. */
    public void replace(Portfolio p, Collection<Holding> holdings) {
        Jdbc.inTransaction(db, "save portfolio " + p.id(), c -> {
            merge(c, p);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM holdings WHERE portfolio_id = ?")) {
                ps.setString(1, p.id());
                ps.executeUpdate();
            }
            mergeHoldings(c, holdings);
            return null;
        });
    }

    private static void merge(Connection c, Portfolio p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO portfolios (portfolio_id, name, base_currency, "
                + "cash, updated_at) KEY (portfolio_id) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.name());
            ps.setString(3, p.baseCurrency());
            ps.setBigDecimal(4, p.cash());
            ps.executeUpdate();
        }
    }

    private static void mergeHoldings(Connection c, Collection<Holding> holdings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO holdings (portfolio_id, instrument_id, quantity, "
                + "updated_at) KEY (portfolio_id, instrument_id) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (Holding h : holdings) {
                ps.setString(1, h.portfolioId());
                ps.setString(2, h.instrumentId());
                ps.setBigDecimal(3, h.quantity());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Portfolio map(ResultSet rs) throws SQLException {
        BigDecimal cash = rs.getBigDecimal("cash");
        return new Portfolio(rs.getString("portfolio_id"), rs.getString("name"), rs.getString("base_currency"),
                cash);
    }
}
