package com.positionlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All-or-nothing imports of any size, safe against a killed process (see {@link PriceImportJournal} for
 * why H2 needs this). An import is staged by one commit of all its rows as one binary value in
 * {@code import_batches}; before that commit it has left nothing, after it it is rolled forward: the rows
 * are stored {@value #CHUNK} at a time, each transaction also recording how many are done
 * ({@code rows_moved}), the last one deleting the staged row. {@link #recover} runs at every open and
 * finishes what a killed process staged, from its first row not yet done.
 */
final class ImportJournal {

    /** Most rows written in one transaction. */
    static final int CHUNK = Store.MAX_ROWS_PER_TRANSACTION;

    /**
     * What can be imported through the journal: its {@code import_batches.kind}, its rows' name in
     * messages ("prices"), its rows as one binary value and back ({@code decode} throws a
     * {@link StoreException} when the value is damaged), and how one chunk is stored in the caller's
     * transaction (returning how many rows are new).
     */
    record Kind<T>(String name, String rowsName, Function<List<T>, byte[]> encode, Function<byte[], List<T>> decode,
                   ChunkStore<T> store) {
    }

    @FunctionalInterface
    interface ChunkStore<T> {
        int store(Connection c, List<T> chunk) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportJournal.class);
    private static final Map<String, Kind<?>> KINDS = Map.of(PriceImportJournal.KIND.name(), PriceImportJournal.KIND,
            TradeRepository.IMPORT.name(), TradeRepository.IMPORT, PortfolioRepository.IMPORT.name(),
            PortfolioRepository.IMPORT);

    private ImportJournal() {
    }

    /** Stores {@code rows} all-or-nothing; returns how many are new. */
    static <T> int importAll(Database db, Kind<T> kind, List<T> rows) {
        long start = System.nanoTime();
        byte[] payload = kind.encode().apply(rows);
        long id = Jdbc.append(db, "stage the import of " + kind.rowsName(), c -> stage(c, kind, payload, rows.size()));
        long staged = System.nanoTime();
        int rowsNew = move(db, kind, id, rows, 0);
        LOG.info("Imported {} {} ({} new) in {} ms: staged {} KB in {} ms, stored in {} ms", rows.size(),
                kind.rowsName(), rowsNew, (System.nanoTime() - start) / 1_000_000, payload.length / 1024,
                (staged - start) / 1_000_000, (System.nanoTime() - staged) / 1_000_000);
        return rowsNew;
    }

    /** Finishes the imports a killed process left staged; runs when the database is opened. */
    static void recover(Database db) {
        List<Object[]> pending = Jdbc.read(db, "read unfinished imports", ImportJournal::unfinished);
        for (Object[] row : pending) {
            long id = (Long) row[0];
            Kind<?> kind = KINDS.get((String) row[1]);
            int moved = (Integer) row[2];
            if (kind == null) {
                LOG.error("Discarding the interrupted import {} of unknown kind {}", id, row[1]);
                Jdbc.append(db, "discard an unknown import", c -> deleteBatch(c, id));
                continue;
            }
            finish(db, kind, id, moved);
        }
    }

    private static <T> void finish(Database db, Kind<T> kind, long id, int moved) {
        byte[] payload = Jdbc.read(db, "read a staged import", c -> payload(c, id));
        List<T> rows;
        try {
            rows = kind.decode().apply(payload);
        } catch (StoreException e) {
            LOG.error("Discarding the interrupted import {} of {} ({} of its rows were stored): {}", id,
                    kind.rowsName(), moved, e.getMessage());
            Jdbc.append(db, "discard a damaged import", c -> deleteBatch(c, id));
            return;
        }
        long start = System.nanoTime();
        move(db, kind, id, rows, moved);
        LOG.warn("Finished the import {} of {} that was interrupted after it was staged: {} of {} stored now, "
                + "in {} ms", id, kind.rowsName(), rows.size() - moved, rows.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Stores {@code rows} from index {@code from} on, chunk by chunk; returns how many were new. */
    private static <T> int move(Database db, Kind<T> kind, long id, List<T> rows, int from) {
        if (from >= rows.size()) {
            Jdbc.append(db, "finish the import", c -> deleteBatch(c, id));
            return 0;
        }
        int rowsNew = 0;
        for (int first = from; first < rows.size(); first += CHUNK) {
            List<T> chunk = rows.subList(first, Math.min(rows.size(), first + CHUNK));
            int done = first + chunk.size();
            boolean last = done == rows.size();
            rowsNew += Jdbc.inTransaction(db, "store imported " + kind.rowsName(), c -> {
                int added = storeChecked(c, kind, chunk);
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

    private static <T> int storeChecked(Connection c, Kind<T> kind, List<T> chunk) throws SQLException {
        try {
            return kind.store().store(c, chunk);
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw new DamagedImportException("the " + kind.rowsName() + " table holds keys without rows, left by "
                        + "a killed transaction: " + OpenFailure.rootMessage(e), e);
            }
            throw e;
        }
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

    private static long stage(Connection c, Kind<?> kind, byte[] payload, int rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batches (kind, status, payload, rows_total, "
                + "rows_moved) VALUES (?, 'STAGED', ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind.name());
            ps.setBytes(2, payload);
            ps.setInt(3, rows);
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

    /** Each staged import as {id, kind, rows already stored}, oldest first. */
    private static List<Object[]> unfinished(Connection c) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT import_id, kind, rows_moved "
                + "FROM import_batches ORDER BY import_id")) {
            while (rs.next()) {
                out.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)});
            }
        }
        return out;
    }
}
