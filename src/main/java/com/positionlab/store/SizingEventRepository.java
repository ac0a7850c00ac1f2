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
