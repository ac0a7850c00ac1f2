package com.positionlab.service.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds data lines to a {@link RowParser} and keeps the records of the accepted lines and the reasons for
 * the rejected ones: a line that is too long, is not UTF-8, has the wrong number of fields, fails a check of the
 * parser, or repeats the key of an earlier line (naming that line).
 */
final class RowCollector<T> {

    private final Header header;
    private final RowParser<T> parser;
    private final int maxListed;
    private final Map<String, Integer> firstLineByKey = new HashMap<>();
    private final List<T> records = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private int rowsRead;
    private int rowsRejected;

    RowCollector(Header header, RowParser<T> parser, int maxListed) {
        this.header = header;
        this.parser = parser;
        this.maxListed = maxListed;
    }

    void add(Line line) {
        rowsRead++;
        try {
            accept(line.number(), parse(line));
        } catch (RowException e) {
            rowsRejected++;
            if (rejected.size() < maxListed) {
                rejected.add(new RejectedRow(line.number(), e.getMessage()));
            }
        }
    }

    int rowsRead() {
        return rowsRead;
    }

    ParsedFile<T> result() {
        return new ParsedFile<>(parser.format(), rowsRead, rowsRead - rowsRejected, records, rowsRejected,
                rejected);
    }

    private List<T> parse(Line line) throws RowException {
        if (line.tooLong()) {
            throw new RowException("line is longer than " + LineReader.MAX_LINE_BYTES + " bytes (its text was "
                    + "skipped)");
        }
        if (!line.isDecodable()) {
            throw new RowException("line is not valid UTF-8");
        }
        List<String> values = CsvSplitter.split(line.text());
        if (values.size() != header.size()) {
            throw new RowException("expected " + header.size() + " columns, found " + values.size());
        }
        return parser.parse(new Row(header, values));
    }

    private void accept(int lineNumber, List<T> parsed) throws RowException {
        for (T record : parsed) {
            String key = parser.key(record);
            Integer first = firstLineByKey.get(key);
            if (first != null) {
                throw new RowException("duplicate of line " + first + " (" + key + ")");
            }
        }
        for (T record : parsed) {
            firstLineByKey.put(parser.key(record), lineNumber);
        }
        records.addAll(parsed);
    }
}
