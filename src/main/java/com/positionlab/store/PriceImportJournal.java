package com.positionlab.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.h2.api.ErrorCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.positionlab.domain.PriceBar;

/**
 * All-or-nothing price imports of any size, safe against a killed process.
 *
 * <p>H2 does not recover cleanly from kill -9 during a transaction large enough to be written before
 * its commit ({@link Store#MAX_ROWS_PER_TRANSACTION}: a 20,000-row chunk came back with 2,855 of its rows
 * visible and its other keys blocking the primary key). So no transaction here holds more than
 * {@value #CHUNK} rows:
 * <ol>
 *   <li>one commit stages the whole import: a row of {@code import_batches} holding every bar as one
 *       binary value ({@link PricePayload}, about 23 bytes a bar). Before it the import has left nothing;
 *       from it on, the import is rolled forward;</li>
 *   <li>the bars are merged into {@code prices} chunk by chunk, each chunk's transaction also recording
 *       how many bars are done ({@code rows_moved}); the last one deletes the staged row.</li>
 * </ol>
 * {@link #recover} runs at every open and finishes a staged import from its first bar not yet done, so
 * the open after a kill costs at most what was left of the import's move.
 */
final class PriceImportJournal {

    /** Most rows written in one transaction. */
    static final int CHUNK = Store.MAX_ROWS_PER_TRANSACTION;

    private static final Logger LOG = LoggerFactory.getLogger(PriceImportJournal.class);
    private static final String UPDATE = "UPDATE prices SET close_price = ?, adj_close = ?, high_price = ?, "
            + "low_price = ?, volume = ? WHERE instrument_id = ? AND price_date = ?";
    private static final String INSERT = "INSERT INTO prices (instrument_id, price_date, close_price, adj_close, "
            + "high_price, low_price, volume) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    PriceImportJournal(Database db) {
        this.db = db;
    }

    /**
     * Stores the bars (creating placeholder instruments for unknown tickers) so that either all of them
     * land or, after a kill before the import was staged, none does. Later bars with the same instrument
     * and date replace earlier ones. Returns how many (instrument, date) keys are new to {@code prices}.
     */
    int importAll(List<PriceBar> bars) {
        long start = System.nanoTime();
        byte[] payload = PricePayload.encode(bars);
        long id = Jdbc.append(db, "stage the price import", c -> stage(c, payload, bars.size()));
        long staged = System.nanoTime();
        int rowsNew = move(db, id, bars, 0);
        LOG.info("Imported {} prices ({} new) in {} ms: staged {} KB in {} ms, moved in {} ms", bars.size(), rowsNew,
                (System.nanoTime() - start) / 1_000_000, payload.length / 1024, (staged - start) / 1_000_000,
                (System.nanoTime() - staged) / 1_000_000);
        return rowsNew;
    }

    /** Finishes the imports a killed process left staged; runs when the database is opened. */
    static void recover(Database db) {
        List<long[]> pending = Jdbc.read(db, "read unfinished imports", PriceImportJournal::unfinished);
        for (long[] row : pending) {
            long id = row[0];
            int moved = (int) row[1];
            byte[] payload = Jdbc.read(db, "read a staged import", c -> payload(c, id));
            List<PriceBar> bars;
            try {
                bars = PricePayload.decode(payload);
            } catch (StoreException e) {
                LOG.error("Discarding the interrupted price import {} ({} of its rows were stored): {}", id, moved,
                        e.getMessage());
                Jdbc.append(db, "discard a damaged import", c -> deleteBatch(c, id));
                continue;
            }
            long start = System.nanoTime();
            move(db, id, bars, moved);
            LOG.warn("Finished the price import {} that was interrupted after it was staged: {} of {} prices "
                    + "stored now, in {} ms", id, bars.size() - moved, bars.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Merges {@code bars} from index {@code from} on, chunk by chunk; returns how many keys were new. */
    private static int move(Database db, long id, List<PriceBar> bars, int from) {
        int rowsNew = 0;
        if (from >= bars.size()) {
            Jdbc.append(db, "finish the price import", c -> deleteBatch(c, id));
            return 0;
        }
        for (int first = from; first < bars.size(); first += CHUNK) {
            List<PriceBar> chunk = bars.subList(first, Math.min(bars.size(), first + CHUNK));
            int done = first + chunk.size();
            boolean last = done == bars.size();
            rowsNew += Jdbc.inTransaction(db, "store imported prices", c -> {
                InstrumentRepository.createMissing(c, chunk.stream().map(PriceBar::instrumentId).distinct().toList());
                int added = upsert(c, chunk);
                if (last) {
                    deleteBatch(c, id);
                } else {
                    setMoved(c, id, done);
                }
                return added;
            });
        }
        return rowsNew;
    }

    /**
     * Stores at most {@link Store#MAX_ROWS_PER_TRANSACTION} bars in the caller's transaction: the last bar of
     * each (instrument, date) among them replaces a stored one or is inserted.
     * Written as UPDATE then INSERT rather than MERGE: on a key that a killed transaction left in the
     * primary-key index without its row, H2's MERGE retries forever, where the INSERT fails at once
     * ({@link DamagedImportException}). Returns how many keys were new.
     */
    static int upsert(Connection c, List<PriceBar> chunk) throws SQLException {
        Map<String, PriceBar> last = new LinkedHashMap<>();
        for (PriceBar b : chunk) {
            last.put(b.instrumentId() + '\u0000' + b.date(), b);
        }
        List<PriceBar> bars = new ArrayList<>(last.values());
        try {
            return updateThenInsert(c, bars);
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw new DamagedImportException("the prices table holds keys without rows, left by a killed "
                        + "transaction: " + OpenFailure.rootMessage(e), e);
            }
            throw e;
        }
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
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < bars.size(); i++) {
                if (updated[i] != 0) {
                    continue;
                }
                PriceBar b = bars.get(i);
                ps.setString(1, b.instrumentId());
                ps.setDate(2, Date.valueOf(b.date()));
                ps.setDouble(3, b.close());
                ps.setDouble(4, b.adjClose());
                Jdbc.setNullableDouble(ps, 5, b.high());
                Jdbc.setNullableDouble(ps, 6, b.low());
                Jdbc.setNullableLong(ps, 7, b.volume());
                ps.addBatch();
                inserted++;
            }
            if (inserted > 0) {
                ps.executeBatch();
            }
        }
        return inserted;
    }

    /**
     * A duplicate key on a key the UPDATE did not find, or a lock on a row no transaction holds (writes
     * run one at a time and no other process has the file): what a killed transaction's leftovers cause.
     */
    private static boolean isDamage(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                    || s.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1 || s.getErrorCode() == ErrorCode.CONCURRENT_UPDATE_1)) {
                return true;
            }
        }
        return false;
    }

    /** The store is inconsistent in a way that finishing an import cannot repair; a restore can. */
    static final class DamagedImportException extends StoreException {
        DamagedImportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static long stage(Connection c, byte[] payload, int rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batches (kind, status, payload, rows_total, "
                + "rows_moved) VALUES ('PRICES', 'STAGED', ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setBytes(1, payload);
            ps.setInt(2, rows);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static byte[] payload(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM import_batches WHERE import_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                byte[] bytes = rs.next() ? rs.getBytes(1) : null;
                return bytes == null ? new byte[0] : bytes;
            }
        }
    }

    private static int setMoved(Connection c, long id, int done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_batches SET rows_moved = ? WHERE import_id = ?")) {
            ps.setInt(1, done);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }
    }

    private static int deleteBatch(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_batches WHERE import_id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }

    /** Each staged import as {id, rows already moved}, oldest first. */
    private static List<long[]> unfinished(Connection c) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT import_id, rows_moved "
                + "FROM import_batches WHERE kind = 'PRICES' ORDER BY import_id")) {
            while (rs.next()) {
                out.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return out;
    }
}
