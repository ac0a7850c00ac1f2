package com.positionlab.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.positionlab.domain.PriceBar;

/**
 * All-or-nothing price imports of any size, safe against a killed process.
 *
 * <p>H2 commits (and, on the next open, rolls back) a transaction entry by entry, so a process killed
 * while it commits a 200,000-row transaction leaves part of it behind, and the next open spends seconds
 * rolling the rest back while holding table locks. An import here never holds more than
 * {@value #CHUNK} rows in one transaction:
 * <ol>
 *   <li>{@code LOADING}: the rows are staged in {@code price_import_rows} under a new import id, one
 *       committed chunk at a time; readers of {@code prices} see none of them;</li>
 *   <li>{@code STAGED}: one small commit marks the import complete; from here it is rolled forward;</li>
 *   <li>the staged rows are merged into {@code prices} chunk by chunk (a merge is idempotent, so a
 *       repeated chunk changes nothing), then the import is marked {@code MOVED} and its staging rows
 *       are deleted.</li>
 * </ol>
 * {@link #recover} runs at every open: an import still {@code LOADING} is purged (it leaves no row), one
 * {@code STAGED} is moved again from its first row, one {@code MOVED} has its staging rows deleted.
 */
final class PriceImportJournal {

    /** Most rows written in one transaction. */
    static final int CHUNK = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(PriceImportJournal.class);
    private static final String STAGE = "INSERT INTO price_import_rows (import_id, seq, instrument_id, price_date, "
            + "close_price, adj_close, high_price, low_price, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE = "MERGE INTO prices (instrument_id, price_date, close_price, adj_close, "
            + "high_price, low_price, volume) KEY (instrument_id, price_date) SELECT instrument_id, price_date, "
            + "close_price, adj_close, high_price, low_price, volume FROM price_import_rows "
            + "WHERE import_id = ? AND seq >= ? AND seq < ? ORDER BY seq";
    private static final String COUNT_NEW = "SELECT COUNT(*) FROM (SELECT DISTINCT instrument_id, price_date "
            + "FROM price_import_rows WHERE import_id = ?) s WHERE NOT EXISTS (SELECT 1 FROM prices p "
            + "WHERE p.instrument_id = s.instrument_id AND p.price_date = s.price_date)";

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
        long id = Jdbc.append(db, "start a price import", PriceImportJournal::begin);
        int rowsNew;
        try {
            for (int from = 0; from < bars.size(); from += CHUNK) {
                List<PriceBar> chunk = bars.subList(from, Math.min(bars.size(), from + CHUNK));
                int first = from;
                Jdbc.append(db, "stage prices", c -> stage(c, id, first, chunk));
            }
            rowsNew = Jdbc.append(db, "mark the price import complete", c -> markStaged(c, id));
        } catch (RuntimeException e) {
            discard(id, bars.size(), e);
            throw e;
        }
        long staged = System.nanoTime();
        moveAndFinish(db, id, bars.size());
        LOG.info("Imported {} prices ({} new) in {} ms: staged in {} ms, moved and cleaned in {} ms", bars.size(),
                rowsNew, (System.nanoTime() - start) / 1_000_000, (staged - start) / 1_000_000,
                (System.nanoTime() - staged) / 1_000_000);
        return rowsNew;
    }

    /** Removes a failed import's staged rows now; when that fails too, the next open does it. */
    private void discard(long id, int rows, RuntimeException failure) {
        try {
            deleteStaged(db, id, rows);
            Jdbc.append(db, "discard a failed import", c -> deleteBatch(c, id));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("The failed price import {} is discarded at the next open: {}", id, e.getMessage());
        }
    }

    /** Finishes or purges the imports a killed process left behind; runs when the database is opened. */
    static void recover(Database db) {
        List<long[]> pending = Jdbc.read(db, "read unfinished imports", PriceImportJournal::unfinished);
        for (long[] row : pending) {
            long id = row[0];
            int status = (int) row[1];
            int rows = (int) row[2];
            if (status == 0) {
                LOG.warn("Discarding the price import {} that was interrupted before it was complete ({} rows staged)",
                        id, rows);
                deleteStaged(db, id, rows);
                Jdbc.append(db, "discard an interrupted import", c -> deleteBatch(c, id));
            } else {
                LOG.warn("Finishing the price import {} that was interrupted after it was complete ({} rows)", id, rows);
                if (status == 1) {
                    moveAndFinish(db, id, rows);
                } else {
                    deleteStaged(db, id, rows);
                    Jdbc.append(db, "finish an interrupted import", c -> deleteBatch(c, id));
                }
            }
        }
    }

    private static void moveAndFinish(Database db, long id, int rows) {
        Jdbc.inTransaction(db, "create the imported instruments", c -> createInstruments(c, id));
        long t0 = System.nanoTime();
        for (int from = 0; from < rows; from += CHUNK) {
            int first = from;
            Jdbc.inTransaction(db, "move imported prices", c -> move(c, id, first, first + CHUNK));
        }
        long t1 = System.nanoTime();
        Jdbc.append(db, "mark the price import moved", c -> setStatus(c, id, "MOVED"));
        deleteStaged(db, id, rows);
        Jdbc.append(db, "finish the price import", c -> deleteBatch(c, id));
        LOG.debug("Moved the price import {} in {} ms, cleaned it in {} ms", id, (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
    }

    private static long begin(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO import_batches (kind, status) VALUES ('PRICES', 'LOADING')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int stage(Connection c, long id, int first, List<PriceBar> chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STAGE)) {
            int seq = first;
            for (PriceBar b : chunk) {
                ps.setLong(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, b.instrumentId());
                ps.setDate(4, Date.valueOf(b.date()));
                ps.setDouble(5, b.close());
                ps.setDouble(6, b.adjClose());
                Jdbc.setNullableDouble(ps, 7, b.high());
                Jdbc.setNullableDouble(ps, 8, b.low());
                Jdbc.setNullableLong(ps, 9, b.volume());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return chunk.size();
    }

    private static int markStaged(Connection c, long id) throws SQLException {
        int rowsNew;
        try (PreparedStatement ps = c.prepareStatement(COUNT_NEW)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rowsNew = rs.getInt(1);
            }
        }
        setStatus(c, id, "STAGED");
        return rowsNew;
    }

    private static int createInstruments(Connection c, long id) throws SQLException {
        List<String> tickers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT instrument_id FROM price_import_rows WHERE import_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tickers.add(rs.getString(1));
                }
            }
        }
        InstrumentRepository.createMissing(c, tickers);
        return tickers.size();
    }

    private static int move(Connection c, long id, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MOVE)) {
            ps.setLong(1, id);
            ps.setInt(2, from);
            ps.setInt(3, to);
            return ps.executeUpdate();
        }
    }

    private static void deleteStaged(Database db, long id, int rows) {
        boolean alone = Jdbc.read(db, "count unfinished imports", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM import_batches")) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        });
        if (alone) {
            Jdbc.append(db, "delete staged prices", c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("TRUNCATE TABLE price_import_rows");
                }
            });
            return;
        }
        for (int from = 0; from < rows; from += CHUNK) {
            int first = from;
            Jdbc.append(db, "delete staged prices", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM price_import_rows WHERE import_id = ? AND seq >= ? AND seq < ?")) {
                    ps.setLong(1, id);
                    ps.setInt(2, first);
                    ps.setInt(3, first + CHUNK);
                    return ps.executeUpdate();
                }
            });
        }
    }

    private static int setStatus(Connection c, long id, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_batches SET status = ? WHERE import_id = ?")) {
            ps.setString(1, status);
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

    /** Each unfinished import as {id, status (0 loading, 1 staged, 2 moved), highest staged seq + 1}. */
    private static List<long[]> unfinished(Connection c) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT b.import_id, b.status, "
                + "(SELECT COALESCE(MAX(r.seq) + 1, 0) FROM price_import_rows r WHERE r.import_id = b.import_id) "
                + "FROM import_batches b WHERE b.kind = 'PRICES' ORDER BY b.import_id")) {
            while (rs.next()) {
                String status = rs.getString(2);
                long code = "LOADING".equals(status) ? 0 : "STAGED".equals(status) ? 1 : 2;
                out.add(new long[] {rs.getLong(1), code, rs.getLong(3)});
            }
        }
        return out;
    }
}
