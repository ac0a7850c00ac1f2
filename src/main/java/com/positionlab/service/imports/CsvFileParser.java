package com.positionlab.service.imports;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

import com.positionlab.engine.task.Progress;

/**
 * Reads a CSV file: skips blank lines, takes the first non-blank line as the header, lets
 * {@code chooseParser} pick the format from it, and collects the parsed data lines. Reports the fraction
 * of bytes read (scaled to {@link #PARSE_SHARE}) and checks for cancellation every
 * {@value #PROGRESS_EVERY} lines. Writes nothing.
 */
final class CsvFileParser {

    static final int PROGRESS_EVERY = 5_000;
    /** Part of the whole import's progress taken by parsing; storing takes the rest. */
    static final double PARSE_SHARE = 0.9;

    private CsvFileParser() {
    }

    /**
     * Parses {@code file}.
     *
     * @throws ImportException naming the file, when it cannot be read, is empty, is not UTF-8 text, has a
     *                         header but no data, or its header does not fit the format
     */
    static <T> ParsedFile<T> parse(Path file, Function<Header, RowParser<T>> chooseParser, Progress progress,
                                   int maxListedRejections) {
        if (Files.isDirectory(file)) {
            throw new ImportException(file + ": is a directory, not a file");
        }
        try (LineReader reader = LineReader.open(file)) {
            Header header = readHeader(reader);
            RowCollector<T> rows = new RowCollector<>(header, chooseParser.apply(header), maxListedRejections);
            readRows(reader, rows, progress, file.getFileName().toString());
            if (rows.rowsRead() == 0) {
                throw new FileFormatException("the file has a header but no data rows");
            }
            return rows.result();
        } catch (FileFormatException e) {
            throw new ImportException(file.getFileName() + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ImportException(file + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Header readHeader(LineReader reader) throws IOException {
        Line line = reader.next();
        while (line != null && line.isBlank()) {
            line = reader.next();
        }
        if (line == null) {
            throw new FileFormatException("the file is empty");
        }
        if (line.tooLong()) {
            throw new FileFormatException("the header (line " + line.number() + ") is longer than "
                    + LineReader.MAX_LINE_BYTES + " bytes");
        }
        if (!line.isDecodable()) {
            throw new FileFormatException("the header (line " + line.number() + ") is not valid UTF-8");
        }
        return Header.parse(line.text());
    }

    private static void readRows(LineReader reader, RowCollector<?> rows, Progress progress, String name)
            throws IOException {
        for (Line line = reader.next(); line != null; line = reader.next()) {
            if (line.number() % PROGRESS_EVERY == 0) {
                progress.checkCancelled();
                progress.update(PARSE_SHARE * reader.fractionRead(), "Reading " + name + ", line " + line.number());
            }
            if (!line.isBlank()) {
                rows.add(line);
            }
        }
        progress.update(PARSE_SHARE, "Read " + name);
    }
}
