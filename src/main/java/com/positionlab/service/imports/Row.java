package com.positionlab.service.imports;

import java.util.List;

/** The fields of one data line, addressed by column index. */
final class Row {

    private final Header header;
    private final List<String> values;

    Row(Header header, List<String> values) {
        this.header = header;
        this.values = values;
    }

    /** The field in {@code column}, named by the column's normalised header name. */
    Cell cell(int column) {
        return new Cell(header.key(column), values.get(column));
    }

    /** The field in {@code column}, named {@code label} in rejection reasons. */
    Cell cell(int column, String label) {
        return new Cell(label, values.get(column));
    }

    /** Whether the optional {@code column} exists (index &gt;= 0) and its field is not empty. */
    boolean has(int column) {
        return column >= 0 && !values.get(column).isEmpty();
    }

    int size() {
        return values.size();
    }
}
