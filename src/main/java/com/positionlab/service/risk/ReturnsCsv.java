package com.positionlab.service.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.positionlab.service.ValidationException;

/**
 * Reads daily simple returns from a UTF-8 CSV file: the first non-blank line is a header naming a
 * {@code return} column (in any case; other columns, in any order, are ignored), every later non-blank line
 * holds a plain decimal number there ({@code 0.012}, {@code -1.5e-3}). Fields may be double-quoted. Any problem
 * is a {@link ValidationException} on {@value #FIELD} that names the file, and the line and column where needed.
 * A line longer than {@value #MAX_LINE_CHARS} characters or a number longer than {@value #MAX_NUMBER_CHARS}
 * is refused as soon as it is seen, without reading the rest of it.
 */
final class ReturnsCsv {

    static final String FIELD = "returns";
    private static final String COLUMN = "return";
    static final int MAX_LINE_CHARS = 1 << 16;
    static final int MAX_NUMBER_CHARS = 40;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ReturnsCsv() {
    }

    static double[] read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, in);
        } catch (NoSuchFileException e) {
            throw invalid(file, "no such file");
        } catch (CharacterCodingException e) {
            throw invalid(file, "is not UTF-8 text; save it as UTF-8 CSV");
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static double[] parse(Path file, BufferedReader in) throws IOException {
        int lineNumber = 0;
        int column = -1;
        String columnName = null;
        List<Double> values = new ArrayList<>();
        String line;
        while ((line = readLine(file, in, lineNumber + 1)) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(file, lineNumber, line);
            if (column < 0) {
                column = returnColumn(file, fields);
                columnName = fields.get(column);
                continue;
            }
            String where = "line " + lineNumber + ", column " + ValidationException.quote(columnName) + ": ";
            String text = column < fields.size() ? fields.get(column) : "";
            if (text.isEmpty()) {
                throw invalid(file, where + "missing return");
            }
            if (text.length() > MAX_NUMBER_CHARS || !NUMBER.matcher(text).matches()) {
                throw invalid(file, where + ValidationException.quote(text) + " is not a number");
            }
            values.add(Double.parseDouble(text));
        }
        if (column < 0) {
            throw invalid(file, "is empty; expected a header with a \"" + COLUMN + "\" column");
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int returnColumn(Path file, List<String> header) {
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(COLUMN)) {
                if (found >= 0) {
                    throw invalid(file, "the header has two \"" + COLUMN + "\" columns");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw invalid(file, "no \"" + COLUMN + "\" column in the header (it has: "
                    + ValidationException.clip(String.join(", ", header)) + ")");
        }
        return found;
    }

    /**
     * The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null at the end;
     * refuses a line over {@value #MAX_LINE_CHARS} characters.
     */
    private static String readLine(Path file, BufferedReader in, int lineNumber) throws IOException {
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() == MAX_LINE_CHARS) {
                throw invalid(file, "line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " characters");
            }
            line.append((char) c);
            c = in.read();
        }
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
        }
        return line.toString();
    }

    /** The trimmed fields of one line; a double-quoted field may hold commas and {@code ""} for a quote. */
    private static List<String> split(Path file, int lineNumber, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw invalid(file, "line " + lineNumber + ": unterminated quoted field");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static ValidationException invalid(Path file, String reason) {
        return new ValidationException(FIELD, file + ": " + reason);
    }
}
