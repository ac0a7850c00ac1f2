package com.positionlab.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.positionlab.domain.Fill;
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
                        BigDecimal cost = rs.getBigDecimal("average_cost");
                        out.add(new Holding(rs.getString("portfolio_id"), rs.getString("instrument_id"),
                                Jdbc.plain(rs.getBigDecimal("quantity")), cost == null ? null : Jdbc.plain(cost)));
                    }
                    return out;
                }
            }
        });
    }

    /** Holdings as an {@link ImportJournal} kind (their portfolios must exist). */
    static final ImportJournal.Kind<Holding> IMPORT = new ImportJournal.Kind<>("HOLDINGS", "holdings",
            HoldingPayload::encode, HoldingPayload::decode, PortfolioRepository::storeHoldings);

    /**
     * Inserts or replaces holdings all-or-nothing: in one transaction, or through the {@link ImportJournal}
     * when there are more than {@link Store#MAX_ROWS_PER_TRANSACTION}. Returns how many are new.
     */
    public int saveHoldings(Collection<Holding> holdings) {
        if (holdings.size() > Store.MAX_ROWS_PER_TRANSACTION) {
            return ImportJournal.importAll(db, IMPORT, List.copyOf(holdings));
        }
        return Jdbc.inTransaction(db, "save holdings", c -> storeHoldings(c, List.copyOf(holdings)));
    }

    /** Stores at most {@link Store#MAX_ROWS_PER_TRANSACTION} holdings, the last of each key winning; returns how many are new. */
    private static int storeHoldings(Connection c, List<Holding> holdings) throws SQLException {
        Map<List<String>, Holding> last = new LinkedHashMap<>();
        for (Holding h : holdings) {
            last.put(List.of(h.portfolioId(), h.instrumentId()), h);
        }
        List<Holding> distinct = new ArrayList<>(last.values());
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE holdings SET quantity = ?, updated_at = CURRENT_TIMESTAMP "
                + "WHERE portfolio_id = ? AND instrument_id = ?")) {
            for (Holding h : distinct) {
                ps.setBigDecimal(1, h.quantity());
                ps.setString(2, h.portfolioId());
                ps.setString(3, h.instrumentId());
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        List<Holding> fresh = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (updated[i] == 0) {
                fresh.add(distinct.get(i));
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO holdings (portfolio_id, instrument_id, quantity, "
                    + "average_cost) VALUES (?, ?, ?, ?)")) {
                for (Holding h : fresh) {
                    ps.setString(1, h.portfolioId());
                    ps.setString(2, h.instrumentId());
                    ps.setBigDecimal(3, h.quantity());
                    ps.setBigDecimal(4, h.averageCost());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return fresh.size();
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
                + "average_cost, updated_at) KEY (portfolio_id, instrument_id) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (Holding h : holdings) {
                ps.setString(1, h.portfolioId());
                ps.setString(2, h.instrumentId());
                ps.setBigDecimal(3, h.quantity());
                ps.setBigDecimal(4, h.averageCost());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Applies a fill inside the caller's transaction: the holding's quantity and average cost
     * ({@link Fill#applyTo}) and the portfolio's cash ({@link Fill#cashChange}). Returns the holding after it
     * (null when closed).
     */
    static Holding applyFill(Connection c, Fill f) throws SQLException {
        Holding held = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT quantity, average_cost FROM holdings "
                + "WHERE portfolio_id = ? AND instrument_id = ? FOR UPDATE")) {
            ps.setString(1, f.portfolioId());
            ps.setString(2, f.instrumentId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    held = new Holding(f.portfolioId(), f.instrumentId(), rs.getBigDecimal(1), rs.getBigDecimal(2));
                }
            }
        }
        Holding next = f.applyTo(held);
        if (next == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM holdings WHERE portfolio_id = ? AND instrument_id = ?")) {
                ps.setString(1, f.portfolioId());
                ps.setString(2, f.instrumentId());
                ps.executeUpdate();
            }
        } else {
            mergeHoldings(c, List.of(next));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE portfolios SET cash = cash + ?, "
                + "updated_at = CURRENT_TIMESTAMP WHERE portfolio_id = ?")) {
            ps.setBigDecimal(1, f.cashChange());
            ps.setString(2, f.portfolioId());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("portfolio " + f.portfolioId() + " does not exist", "23503");
            }
        }
        return next;
    }

    private static Portfolio map(ResultSet rs) throws SQLException {
        BigDecimal cash = rs.getBigDecimal("cash");
        return new Portfolio(rs.getString("portfolio_id"), rs.getString("name"), rs.getString("base_currency"),
                cash);
    }
}
