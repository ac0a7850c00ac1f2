package com.positionlab.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.domain.PriceBar;

/** Daily prices, one row per instrument and date. */
public final class PriceRepository {


    private final Database db;

    PriceRepository(Database db) {
        this.db = db;
    }

    /**
     * Inserts or replaces the bars all-or-nothing, first creating a placeholder instrument for any ticker
     * the store does not know: in one transaction, or through {@link #importAll} when there are more than
     * {@link Store#MAX_ROWS_PER_TRANSACTION}. Returns how many rows are new (the rest replaced existing rows).
     */
    public int saveAll(Collection<PriceBar> bars) {
        if (bars.size() > Store.MAX_ROWS_PER_TRANSACTION) {
            return importAll(List.copyOf(bars));
        }
        return Jdbc.inTransaction(db, "save prices", c -> {
            InstrumentRepository.createMissing(c, bars.stream().map(PriceBar::instrumentId).distinct().toList());
            return PriceImportJournal.upsert(c, List.copyOf(bars));
        });
    }

    /**
     * Stores bars none of whose (instrument, date) keys is stored yet (the demo's, in a store just emptied),
     * in transactions of at most {@link Store#MAX_ROWS_PER_TRANSACTION} rows and without the import journal's
     * staging, which would write every bar twice: five times faster for the demo's 25,000 bars. A key already
     * stored fails its transaction. Returns how many bars were stored.
     */
    public int insertNew(List<PriceBar> bars) {
        int stored = 0;
        for (int from = 0; from < bars.size(); from += Store.MAX_ROWS_PER_TRANSACTION) {
            List<PriceBar> chunk = bars.subList(from, Math.min(bars.size(), from + Store.MAX_ROWS_PER_TRANSACTION));
            stored += Jdbc.inTransaction(db, "save prices", c -> PriceImportJournal.insert(c, chunk));
        }
        return stored;
    }

    /**
     * Stores an imported file's bars all-or-nothing, in bounded transactions (see {@link PriceImportJournal}):
     * a process killed during the import leaves none of them, or (once they were all staged) all of them
     * after the next open. Later bars with the same instrument and date replace earlier ones. Returns how
     * many (instrument, date) keys are new.
     */
    public int importAll(List<PriceBar> bars) {
        return ImportJournal.importAll(db, PriceImportJournal.KIND, bars);
    }

    /** Every bar of one instrument, oldest first. */
    public List<PriceBar> history(String instrumentId) {
        return Jdbc.read(db, "read prices of " + instrumentId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM prices WHERE instrument_id = ? ORDER BY price_date")) {
                ps.setString(1, instrumentId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<PriceBar> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * One instrument's newest bar. Ordered by the whole primary key, backwards, so that H2 reads one row
     * from the end of the instrument's key range; "ORDER BY price_date DESC" alone made it read and sort
     * every bar of the instrument (30 ms instead of 1 ms a holding on a cold start).
     */
    static final String LATEST = "SELECT * FROM prices WHERE instrument_id = ? "
            + "ORDER BY instrument_id DESC, price_date DESC LIMIT 1";

    /** The most recent bar of each instrument that has one. */
    public Map<String, PriceBar> latest(Collection<String> instrumentIds) {
        return Jdbc.read(db, "read latest prices", c -> {
            Map<String, PriceBar> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(LATEST)) {
                for (String id : instrumentIds) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(id, map(rs));
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * Adjusted closes of each instrument on or after {@code from}, oldest first, keyed in the order of
     * {@code instrumentIds}.
     */
    public Map<String, PriceSeries> adjustedCloses(List<String> instrumentIds, LocalDate from) {
        return Jdbc.read(db, "read price history", c -> {
            Map<String, PriceSeries> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT price_date, adj_close FROM prices "
                    + "WHERE instrument_id = ? AND price_date >= ? ORDER BY price_date")) {
                for (String id : instrumentIds) {
                    ps.setString(1, id);
                    ps.setDate(2, Date.valueOf(from));
                    List<LocalDate> dates = new ArrayList<>();
                    List<Double> values = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            dates.add(rs.getDate(1).toLocalDate());
                            values.add(rs.getDouble(2));
                        }
                    }
                    out.put(id, new PriceSeries(dates, values.stream().mapToDouble(Double::doubleValue).toArray()));
                }
            }
            return out;
        });
    }

    /**
     * Each instrument's average daily volume (units) over its newest {@code days} bars that carry a volume;
     * instruments with no volume among them are left out.
     */
    public Map<String, Double> averageVolumes(Collection<String> instrumentIds, int days) {
        return Jdbc.read(db, "read volumes", c -> {
            Map<String, Double> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT volume FROM prices WHERE instrument_id = ? "
                    + "ORDER BY instrument_id DESC, price_date DESC LIMIT ?")) {
                for (String id : instrumentIds) {
                    ps.setString(1, id);
                    ps.setInt(2, days);
                    double sum = 0;
                    int n = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long v = rs.getLong(1);
                            if (!rs.wasNull()) {
                                sum += v;
                                n++;
                            }
                        }
                    }
                    if (n > 0) {
                        out.put(id, sum / n);
                    }
                }
            }
            return out;
        });
    }

    public int count() {
        return Jdbc.read(db, "count prices", c -> Store.count(c, "prices"));
    }

    private static PriceBar map(ResultSet rs) throws SQLException {
        return new PriceBar(rs.getString("instrument_id"), rs.getDate("price_date").toLocalDate(),
                rs.getDouble("close_price"), rs.getDouble("adj_close"), Jdbc.nullableDouble(rs, "high_price"),
                Jdbc.nullableDouble(rs, "low_price"), Jdbc.nullableLong(rs, "volume"));
    }

    /** Dates and adjusted closes of one instrument, oldest first. */
    public record PriceSeries(List<LocalDate> dates, double[] values) {
        public int size() {
            return values.length;
        }
    }
}
