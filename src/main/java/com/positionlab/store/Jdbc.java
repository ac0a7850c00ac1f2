package com.positionlab.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Small helpers shared by the repositories: transactions and error wrapping. */
final class Jdbc {

    private Jdbc() {
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on one connection without a transaction of its own. */
    static <T> T read(Database db, String what, SqlWork<T> work) {
        try (Connection c = db.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * The error for a failed read or write: a full disk, a read-only file system or a missing permission is
     * said in one line with what to do; other failures keep the database's own message.
     */
    static StoreException failure(String what, SQLException e) {
        String why = switch (OpenFailure.of(e)) {
            case DISK_FULL -> "the disk holding the workspace is full: free some space and try again";
            case READ_ONLY -> "the file system holding the workspace is read-only";
            case PERMISSION -> "no permission to write the workspace's file";
            default -> e.getMessage();
        };
        return new StoreException("Could not " + what + ": " + why, e);
    }

    /**
     * Runs {@code work} in one transaction: every write lands, or none does. Counts as a change of the
     * workspace's data ({@link Database#changeCount()}).
     */
    static <T> T inTransaction(Database db, String what, SqlWork<T> work) {
        T result = transaction(db, what, work);
        db.markChanged();
        return result;
    }

    /** Like {@link #inTransaction} for appends to logs (history, events, metrics): not a change of the data. */
    static <T> T append(Database db, String what, SqlWork<T> work) {
        return transaction(db, what, work);
    }

    /**
     * One write transaction at a time, its {@code CHECKPOINT} included: a checkpoint stores every map of
     * the file, so one taken while another transaction is open would write that transaction's uncommitted
     * rows, which H2 does not roll back cleanly after kill -9 (see {@link Store#MAX_ROWS_PER_TRANSACTION}).
     * Reads take no lock.
     */
    private static <T> T transaction(Database db, String what, SqlWork<T> work) {
        db.writeLock().lock();
        try {
            return lockedTransaction(db, what, work);
        } finally {
            db.writeLock().unlock();
        }
    }

    private static <T> T lockedTransaction(Database db, String what, SqlWork<T> work) {
        try (Connection c = db.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                settle(c);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Stores the commit just made before the caller acknowledges it. With {@code WRITE_DELAY=0} H2 stores
     * its pages at each commit, but a commit that finds another thread storing relies on that store, which
     * may have collected its pages just before the commit; a {@code CHECKPOINT} stores again (it writes
     * nothing when nothing is unsaved). On its own it did not stop kill -9 from losing committed sizing
     * events (1 of 160 in 21 runs of {@code bench/crash/kill9-api.sh}); with {@code REUSE_SPACE=FALSE} (see
     * {@link Database}) none were lost.
     */
    private static void settle(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /** {@code v} without trailing zeros and never in exponent form ({@code 370}, not {@code 3.7E+2}). */
    static java.math.BigDecimal plain(java.math.BigDecimal v) {
        java.math.BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static Double nullableDouble(java.sql.ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Long nullableLong(java.sql.ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static void setNullableDouble(java.sql.PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static void setNullableLong(java.sql.PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
