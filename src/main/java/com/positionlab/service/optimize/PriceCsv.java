package com.positionlab.service.optimize;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.positionlab.service.ValidationException;

/**
 * Reads a wide price file: a header row {@code date,TICKER,...}, then one row per day with an ISO date and
 * one price per ticker (an empty cell when it has none). Bounded: at most {@value #MAX_BYTES} bytes,
 * {@value #MAX_TICKERS} tickers and {@value #MAX_ROWS} rows; dates ascend without repeats; prices are finite
 * and positive. Every problem is a {@link ValidationException} on the request field that named the file,
 * saying where in the file but never repeating its contents (the API reads files by path too).
 */
public final class PriceCsv {

    static final long MAX_BYTES = 64L << 20;
    static final int MAX_TICKERS = 2_000;
    static final int MAX_ROWS = 100_000;
    static final int MAX_TICKER_LENGTH = 32;

    private PriceCsv() {
    }

    public static PriceTable read(Path file, String field) {
        return read(file, field, true);
    }

    /** A wide file of returns (factor returns, say): the same layout, any finite number in a cell. */
    public static PriceTable readReturns(Path file, String field) {
        return read(file, field, false);
    }

    private static PriceTable read(Path file, String field, boolean prices) {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a device, a pipe or a folder: /dev/zero would be read forever
                throw new ValidationException(field, "is not a regular file: " + ValidationException.quote(
                        file.toString()));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ValidationException(field, "the file is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            try (Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(new Capped(
                    Files.newInputStream(file), field), StandardCharsets.UTF_8));
                 CSVParser csv = CSVFormat.DEFAULT.builder().get().parse(in)) {
                return parse(csv, field, prices);
            }
        } catch (NoSuchFileException e) {
            throw new ValidationException(field, "no such file: " + ValidationException.quote(file.toString()));
        } catch (AccessDeniedException e) {
            throw new ValidationException(field, "permission denied: " + ValidationException.quote(file.toString()));
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ValidationException(field, "cannot read " + ValidationException.quote(file.toString())
                    + ": not a readable CSV file");
        }
    }

    private static PriceTable parse(CSVParser csv, String field, boolean prices) {
        List<String> tickers = null;
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (CSVRecord record : csv) {
            if (tickers == null) {
                tickers = header(record, field);
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new ValidationException(field, "more than " + MAX_ROWS + " rows");
            }
            String where = "line " + record.getRecordNumber();
            if (record.size() != tickers.size() + 1) {
                throw new ValidationException(field, where + ": " + record.size() + " cells, the header has "
                        + (tickers.size() + 1));
            }
            LocalDate date = date(record.get(0), field, where);
            if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1))) {
                throw new ValidationException(field, where + ": dates must ascend without repeats");
            }
            dates.add(date);
            double[] row = new double[tickers.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = price(record.get(i + 1), field, where + ", " + tickers.get(i), prices);
            }
            rows.add(row);
        }
        if (tickers == null || rows.size() < 2) {
            throw new ValidationException(field, "the file needs a header and at least two rows of prices");
        }
        return new PriceTable(dates, tickers, rows.toArray(new double[0][]));
    }

    private static List<String> header(CSVRecord record, String field) {
        if (record.size() < 2) {
            throw new ValidationException(field, "the header must be date and at least one ticker");
        }
        if (record.size() - 1 > MAX_TICKERS) {
            throw new ValidationException(field, "more than " + MAX_TICKERS + " tickers");
        }
        List<String> tickers = new ArrayList<>();
        HashSet<String> seen = new HashSet<>();
        for (int i = 1; i < record.size(); i++) {
            String t = record.get(i).strip();
            if (t.isEmpty() || t.length() > MAX_TICKER_LENGTH || t.chars().anyMatch(Character::isISOControl)) {
                throw new ValidationException(field, "header column " + (i + 1) + ": a ticker of 1 to "
                        + MAX_TICKER_LENGTH + " printable characters is needed");
            }
            if (!seen.add(t)) {
                throw new ValidationException(field, "header column " + (i + 1) + ": a ticker appears twice");
            }
            tickers.add(t);
        }
        return tickers;
    }

    private static LocalDate date(String text, String field, String where) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, where + ": the first cell is not a date (YYYY-MM-DD)");
        }
    }

    private static double price(String text, String field, String where, boolean positive) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = s.length() > 40 ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || positive && !(v > 0) || Math.abs(v) > 1e12) {
            throw new ValidationException(field, where + (positive ? ": not a positive price" : ": not a number"));
        }
        return v;
    }

    /**
     * A stream that refuses to read past {@link #MAX_BYTES}: a file whose size the system reports as 0 (under
     * {@code /proc}) is still bounded.
     */
    private static final class Capped extends java.io.FilterInputStream {
        private final String field;
        private long read;

        Capped(java.io.InputStream in, String field) {
            super(in);
            this.field = field;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new ValidationException(field, "the file is larger than " + (MAX_BYTES >> 20) + " MB");
            }
        }
    }
}
