package com.positionlab.service.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.positionlab.service.ValidationException;

/**
 * The header line of a CSV file. Column names are matched case-insensitively after trimming, with runs of
 * spaces read as one underscore, so {@code Adj Close} matches {@code adj_close}.
 */
final class Header {

    private static final int MAX_SHOWN = 120;

    private final String text;
    private final List<String> names;
    private final List<String> keys;
    private final Map<String, Integer> indexByKey = new HashMap<>();

    private Header(String text, List<String> names) {
        this.text = text.strip();
        this.names = List.copyOf(names);
        this.keys = names.stream().map(Header::key).toList();
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).isEmpty() && indexByKey.putIfAbsent(keys.get(i), i) != null) {
                throw new FileFormatException("column " + ValidationException.quote(names.get(i))
                        + " appears twice in the header");
            }
        }
    }

    /** Parses a header line; throws {@link FileFormatException} when it is malformed or repeats a column. */
    static Header parse(String line) {
        try {
            return new Header(line, CsvSplitter.split(line));
        } catch (RowException e) {
            throw new FileFormatException("the header is malformed: " + e.getMessage());
        }
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    }

    int size() {
        return names.size();
    }

    /** The column name as written in the file, trimmed. */
    String name(int column) {
        return names.get(column);
    }

    /** The normalised column name, used to name the column in a rejection reason. */
    String key(int column) {
        return keys.get(column);
    }

    /** Index of the first column named by any of {@code aliases}, or -1. */
    int indexOf(String... aliases) {
        for (String alias : aliases) {
            Integer i = indexByKey.get(alias);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    boolean has(String... aliases) {
        return indexOf(aliases) >= 0;
    }

    /**
     * Indices of the required columns, each given as {@code name} or {@code name|alias|...}.
     *
     * @throws FileFormatException naming every required column that is missing
     */
    int[] require(String... columns) {
        int[] indices = new int[columns.length];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            String[] aliases = columns[c].split("\\|");
            indices[c] = indexOf(aliases);
            if (indices[c] < 0) {
                missing.add("\"" + aliases[0] + "\"");
            }
        }
        if (!missing.isEmpty()) {
            throw new FileFormatException((missing.size() == 1 ? "missing column " : "missing columns ")
                    + String.join(", ", missing) + " " + describe());
        }
        return indices;
    }

    /** The header as written, for messages: {@code (header: date,instrument,price)}. */
    String describe() {
        String shown = text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
        return "(header: " + shown + ")";
    }
}
