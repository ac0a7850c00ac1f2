package com.positionlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.positionlab.domain.Instrument;

/** Instruments: tickers with their sector, currency, lot size and ESG score. */
public final class InstrumentRepository {

    private static final String MERGE = "MERGE INTO instruments (instrument_id, name, sector, currency, lot_size, "
            + "esg_score) KEY (instrument_id) VALUES (?, ?, ?, ?, ?, ?)";

    private final Database db;

    InstrumentRepository(Database db) {
        this.db = db;
    }

    public List<Instrument> findAll() {
        return Jdbc.read(db, "read instruments", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM instruments ORDER BY instrument_id");
                 ResultSet rs = ps.executeQuery()) {
                List<Instrument> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        });
    }

    public Optional<Instrument> find(String id) {
        return Jdbc.read(db, "read instrument " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM instruments WHERE instrument_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Inserts or replaces every instrument, in one transaction. */
    public void saveAll(Collection<Instrument> instruments) {
        Jdbc.inTransaction(db, "save instruments", c -> {
            merge(c, instruments);
            return null;
        });
    }

    /** The subset of {@code ids} that exist in the store. */
    public Set<String> existing(Collection<String> ids) {
        return Jdbc.read(db, "read instruments", c -> existing(c, ids));
    }

    public int count() {
        return Jdbc.read(db, "count instruments", c -> Store.count(c, "instruments"));
    }

    static Set<String> existing(Connection c, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT instrument_id FROM instruments");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        found.retainAll(new HashSet<>(ids));
        return found;
    }

    /** Creates a placeholder instrument for each id not yet in the store. */
    static void createMissing(Connection c, Collection<String> ids) throws SQLException {
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(existing(c, ids));
        merge(c, missing.stream().sorted().map(Instrument::unclassified).toList());
    }

    static void merge(Connection c, Collection<Instrument> instruments) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MERGE)) {
            for (Instrument i : instruments) {
                ps.setString(1, i.id());
                ps.setString(2, i.name());
                ps.setString(3, i.sector());
                ps.setString(4, i.currency());
                ps.setBigDecimal(5, i.lotSize());
                Jdbc.setNullableDouble(ps, 6, i.esgScore());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Instrument map(ResultSet rs) throws SQLException {
        return new Instrument(rs.getString("instrument_id"), rs.getString("name"), rs.getString("sector"),
                rs.getString("currency"), Jdbc.plain(rs.getBigDecimal("lot_size")),
                Jdbc.nullableDouble(rs, "esg_score"));
    }
}
