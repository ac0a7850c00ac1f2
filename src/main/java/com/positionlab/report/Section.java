package com.positionlab.report;

import java.util.List;

/** One part of a report, in the order a reader meets it. */
public sealed interface Section {

    String title();

    /**
     * Labelled values, such as the inputs that reproduce a result: {@code apiName} is the field's name in
     * the JSON contract (empty when it has none), so that a reader can find it in the request.
     */
    record Fields(String title, List<Field> fields) implements Section {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, Cell value, String apiName) {
    }

    /**
     * A table. {@code name} names its CSV file ({@code name.csv}); a table that is not {@code printed} is the
     * data behind a chart, in the CSV export only. The PDF prints its first {@code printedRows} rows and says how
     * many it left out; the CSV export writes them all.
     */
    record Table(String title, String name, List<Column> columns, List<List<Cell>> rows, boolean printed,
                 int printedRows) implements Section {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("table " + name + ": a row has " + row.size() + " cells for "
                            + columns.size() + " columns");
                }
            }
            if (printedRows < 0) {
                throw new IllegalArgumentException("table " + name + ": printedRows must be 0 or more");
            }
        }

        /** A table whose rows are all printed (when it is printed at all). */
        public Table(String title, String name, List<Column> columns, List<List<Cell>> rows, boolean printed) {
            this(title, name, columns, rows, printed, Integer.MAX_VALUE);
        }

        /** This table with only its first {@code n} rows in the PDF. */
        public Table printingAtMost(int n) {
            return new Table(title, name, columns, rows, printed, n);
        }

        /** How many rows the PDF leaves out. */
        public int rowsLeftOut() {
            return Math.max(0, rows.size() - printedRows);
        }
    }

    /** A column: its header, the unit of its numbers, and the currency or other label of that unit. */
    record Column(String header, Unit unit, String unitLabel) {
        public static Column text(String header) {
            return new Column(header, null, "");
        }

        public static Column of(String header, Unit unit) {
            return new Column(header, unit, unit.csvLabel());
        }

        public static Column money(String header, String currency) {
            return new Column(header, Unit.MONEY, currency == null ? "" : currency);
        }
    }

    /** Lines of text, such as every limit that bound a size with its reason. */
    record Notes(String title, List<String> lines) implements Section {
        public Notes {
            lines = List.copyOf(lines);
        }
    }

    /** The next section starts a page of its own in the PDF (a batch report's page per item). */
    record PageBreak(String title) implements Section {
    }

    /** A chart, drawn as vector graphics in the PDF. */
    record Chart(String title, Plot plot) implements Section {
    }
}
