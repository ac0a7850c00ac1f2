package com.positionlab.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.domain.PriceBar;

/**
 * Price imports through the {@link ImportJournal}, and the one way prices are written.
 *
 * <p>H2 does not recover cleanly from kill -9 during a transaction large enough to be written before
 * its commit ({@link Store#MAX_ROWS_PER_TRANSACTION}: a 20,000-row chunk came back with 2,855 of its rows
 * visible and its other keys blocking the primary key), so an import of any size is staged as one value
 * ({@link PricePayload}, about 23 bytes a bar) and stored {@value ImportJournal#CHUNK} bars at a time.
 */
final class PriceImportJournal {

    /** Prices as an {@link ImportJournal} kind: placeholder instruments first, then {@link #upsert}. */
    static final ImportJournal.Kind<PriceBar> KIND = new ImportJournal.Kind<>("PRICES", "prices",
            PricePayload::encode, PricePayload::decode, (c, chunk) -> {
                InstrumentRepository.createMissing(c, chunk.stream().map(PriceBar::instrumentId).distinct().toList());
                return upsert(c, chunk);
            });

    private static final String UPDATE = "UPDATE prices SET close_price = ?, adj_close = ?, high_price = ?, "
            + "low_price = ?, volume = ? WHERE instrument_id = ? AND price_date = ?";
    private static final String INSERT = "INSERT INTO prices (instrument_id, price_date, close_price, adj_close, "
            + "high_price, low_price, volume) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Stores at most {@link Store#MAX_ROWS_PER_TRANSACTION} bars in the caller's transaction: the last bar of
     * each (instrument, date) among them replaces a stored one or is inserted.
     * Written as UPDATE then INSERT rather than MERGE: on a key that a killed transaction left in the
     * primary-key index without its row, H2's MERGE retries forever, where the INSERT fails at once
     * ({@link ImportJournal.DamagedImportException}). Returns how many keys were new.
     */
    static int upsert(Connection c, List<PriceBar> chunk) throws SQLException {
        Map<String, PriceBar> last = new LinkedHashMap<>();
        for (PriceBar b : chunk) {
            last.put(b.instrumentId() + '\u0000' + b.date(), b);
        }
        List<PriceBar> bars = new ArrayList<>(last.values());
        return updateThenInsert(c, bars);
    }

    private static int updateThenInsert(Connection c, List<PriceBar> bars) throws SQLException {
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (PriceBar b : bars) {
                ps.setDouble(1, b.close());
                ps.setDouble(2, b.adjClose());
                Jdbc.setNullableDouble(ps, 3, b.high());
                Jdbc.setNullableDouble(ps, 4, b.low());
                Jdbc.setNullableLong(ps, 5, b.volume());
                ps.setString(6, b.instrumentId());
                ps.setDate(7, Date.valueOf(b.date()));
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        List<PriceBar> fresh = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            if (updated[i] == 0) {
                fresh.add(bars.get(i));
            }
        }
        return insert(c, fresh);
    }

    /** Inserts {@code bars}, none of whose (instrument, date) keys may be stored yet; returns how many. */
    static int insert(Connection c, List<PriceBar> bars) throws SQLException {
        if (bars.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (PriceBar b : bars) {
                ps.setString(1, b.instrumentId());
                ps.setDate(2, Date.valueOf(b.date()));
                ps.setDouble(3, b.close());
                ps.setDouble(4, b.adjClose());
                Jdbc.setNullableDouble(ps, 5, b.high());
                Jdbc.setNullableDouble(ps, 6, b.low());
                Jdbc.setNullableLong(ps, 7, b.volume());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return bars.size();
    }

    private PriceImportJournal() {
    }
}
