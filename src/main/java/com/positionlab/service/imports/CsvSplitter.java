package com.positionlab.service.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated values into trimmed fields. A field may be enclosed in double quotes,
 * inside which commas are literal and {@code ""} stands for one quote; a quoted field may not span lines.
 */
final class CsvSplitter {

    private CsvSplitter() {
    }

    static List<String> split(String line) throws RowException {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            int start = skipSpaces(line, i);
            int end;
            if (start < line.length() && line.charAt(start) == '"') {
                end = readQuoted(line, start, fields);
            } else {
                end = line.indexOf(',', start);
                end = end < 0 ? line.length() : end;
                fields.add(line.substring(start, end).strip());
            }
            if (end >= line.length()) {
                return fields;
            }
            i = end + 1;
        }
    }

    /** Adds the quoted field opening at {@code quote} and returns the index of the comma after it, or the end. */
    private static int readQuoted(String line, int quote, List<String> fields) throws RowException {
        StringBuilder value = new StringBuilder();
        int i = quote + 1;
        while (true) {
            int next = line.indexOf('"', i);
            if (next < 0) {
                throw new RowException("field " + (fields.size() + 1) + ": unterminated quoted field "
                        + "(a field may not span lines)");
            }
            value.append(line, i, next);
            if (next + 1 < line.length() && line.charAt(next + 1) == '"') {
                value.append('"');
                i = next + 2;
            } else {
                i = skipSpaces(line, next + 1);
                break;
            }
        }
        if (i < line.length() && line.charAt(i) != ',') {
            throw new RowException("field " + (fields.size() + 1) + ": text after the closing quote");
        }
        fields.add(value.toString().strip());
        return i;
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
