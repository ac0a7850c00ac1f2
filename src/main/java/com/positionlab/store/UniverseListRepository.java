package com.positionlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named lists of instruments, saved to pick a Build view's universe again. */
public final class UniverseListRepository {

    private final Database db;

    UniverseListRepository(Database db) {
        this.db = db;
    }

    /** Saves {@code ids}, in order, as {@code name}, replacing a list of that name: all of it or none. */
    public void save(String name, List<String> ids) {
        Jdbc.inTransaction(db, "save the universe list", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM universe_lists WHERE name = ?");
                 PreparedStatement list = c.prepareStatement("INSERT INTO universe_lists (name) VALUES (?)");
                 PreparedStatement member = c.prepareStatement(
                         "INSERT INTO universe_list_members (name, position, instrument_id) VALUES (?, ?, ?)")) {
                del.setString(1, name);
                del.executeUpdate();
                list.setString(1, name);
                list.executeUpdate();
                for (int i = 0; i < ids.size(); i++) {
                    member.setString(1, name);
                    member.setInt(2, i);
                    member.setString(3, ids.get(i));
                    member.addBatch();
                }
                member.executeBatch();
                return null;
            }
        });
    }

    /** Every list with its members in order, by name. */
    public Map<String, List<String>> all() {
        return Jdbc.read(db, "read universe lists", c -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.name, m.instrument_id FROM universe_lists l "
                    + "LEFT JOIN universe_list_members m ON m.name = l.name ORDER BY l.name, m.position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> ids = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    String id = rs.getString(2);
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
            return out;
        });
    }

    /** Deletes the list; returns whether there was one. */
    public boolean delete(String name) {
        return Jdbc.inTransaction(db, "delete the universe list", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM universe_lists WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
