package com.positionlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The outbox of sizing events ({@code sizing_events}), appended in batches and read back in order. */
public final class SizingEventRepository {

    /** One stored event: its JSON payload is the seed's {@code position_sized} message. */
    public record StoredEvent(long sequence, String eventId, String eventType, String sizingId, Instant createdAt,
                              String payload) {
    }

    private final Database db;

    SizingEventRepository(Database db) {
        this.db = db;
    }

    /** Appends events in one transaction (sequence numbers are assigned by the table). */
    public void appendAll(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Jdbc.append(db, "store sizing events", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sizing_events (event_id, event_type, "
                    + "sizing_id, created_at, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (StoredEvent e : events) {
                    ps.setString(1, e.eventId());
                    ps.setString(2, e.eventType());
                    ps.setString(3, e.sizingId());
                    ps.setTimestamp(4, Timestamp.from(e.createdAt()));
                    ps.setString(5, e.payload());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * A small committed write (the time of this probe in {@code workspace_info}), to learn whether the
     * store writes again after a failure; not a change of the workspace's data.
     */
    public void probeWrite() {
        Jdbc.append(db, "probe a write", c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO workspace_info (info_key, info_value) "
                    + "KEY (info_key) VALUES ('events_write_probe', ?)")) {
                ps.setString(1, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes at most {@code limit} of the oldest events created before {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff, int limit) {
        return Jdbc.append(db, "delete old sizing events", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sizing_events WHERE created_at < ? "
                    + "FETCH FIRST ? ROWS ONLY")) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                ps.setInt(2, limit);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Deletes at most {@code limit} of the oldest events beyond the newest {@code keep}; returns how many.
     */
    public int deleteBeyondNewest(long keep, int limit) {
        return Jdbc.append(db, "delete surplus sizing events", c -> {
            long threshold;
            try (PreparedStatement ps = c.prepareStatement("SELECT event_seq FROM sizing_events ORDER BY event_seq "
                    + "DESC OFFSET ? ROWS FETCH NEXT 1 ROW ONLY")) {
                ps.setLong(1, keep);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    threshold = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sizing_events WHERE event_seq <= ? "
                    + "FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, threshold);
                ps.setInt(2, limit);
                return ps.executeUpdate();
            }
        });
    }

    /** Streams every event after sequence {@code after}, oldest first; returns how many. */
    public int forEach(long after, Consumer<StoredEvent> sink) {
        return Jdbc.read(db, "read sizing events", c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT event_seq, event_id, event_type, sizing_id, "
                    + "created_at, payload FROM sizing_events WHERE event_seq > ? ORDER BY event_seq")) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getString(6)));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    public List<StoredEvent> all() {
        List<StoredEvent> out = new ArrayList<>();
        forEach(0, out::add);
        return out;
    }

    public int count() {
        return Jdbc.read(db, "count sizing events", c -> Store.count(c, "sizing_events"));
    }
}
