package com.positionlab.service.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file line by line, decoding each line on its own as strict UTF-8, so that one badly encoded line
 * is reported with its number instead of spoiling the file. Lines end at {@code \n}; a trailing {@code \r}
 * is dropped, and a UTF-8 byte order mark at the start is skipped. A line longer than
 * {@value #MAX_LINE_BYTES} bytes is returned as {@link Line#tooLong() too long} without its text: its bytes
 * are scanned for the line's end but never held, so memory stays bounded whatever the file holds. A file
 * that starts with a UTF-16 byte order mark, or has a NUL byte in its first {@value #SNIFF_BYTES} bytes, is
 * refused as not UTF-8 text.
 */
final class LineReader implements Closeable {

    static final int SNIFF_BYTES = 1 << 16;
    /** Longest line kept, in bytes (64 KiB). */
    static final int MAX_LINE_BYTES = 1 << 16;

    private final InputStream in;
    private final long size;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[SNIFF_BYTES];
    private int pos;
    private int limit;
    private long chunkOffset;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean tooLong;
    private int lineNumber;

    private LineReader(InputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    /**
     * Opens {@code file} and checks that it looks like UTF-8 text.
     *
     * @throws FileFormatException when it starts with a UTF-16 byte order mark or holds NUL bytes early on
     */
    static LineReader open(Path file) throws IOException {
        LineReader reader = new LineReader(Files.newInputStream(file), Files.size(file));
        try {
            reader.fill();
            reader.sniff();
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private void sniff() {
        if (startsWith(0xFE, 0xFF) || startsWith(0xFF, 0xFE)) {
            throw new FileFormatException("not a UTF-8 text file (it starts with a UTF-16 byte order mark); "
                    + "save it as UTF-8 CSV");
        }
        for (int i = 0; i < limit; i++) {
            if (chunk[i] == 0) {
                throw new FileFormatException("not a UTF-8 text file (it holds NUL bytes: is it binary or "
                        + "UTF-16?); save it as UTF-8 CSV");
            }
        }
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            pos = 3;
        }
    }

    private boolean startsWith(int... bytes) {
        if (limit < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((chunk[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** The next physical line, or {@code null} at the end of the file. */
    Line next() throws IOException {
        lineLength = 0;
        tooLong = false;
        boolean started = false;
        while (pos < limit || fill()) {
            started = true;
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            append(start, pos - start);
            if (pos < limit) {
                pos++;
                return decodeLine();
            }
        }
        return started ? decodeLine() : null;
    }

    /** Fraction of the file's bytes consumed so far, in [0, 1]. */
    double fractionRead() {
        return size == 0 ? 1.0 : Math.min(1.0, (chunkOffset + pos) / (double) size);
    }

    private boolean fill() throws IOException {
        chunkOffset += limit;
        pos = 0;
        limit = in.readNBytes(chunk, 0, chunk.length);
        return limit > 0;
    }

    private void append(int start, int length) {
        if (tooLong) {
            return;
        }
        if (lineLength + length > MAX_LINE_BYTES + 1) {
            tooLong = true;
            return;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(chunk, start, line, lineLength, length);
        lineLength += length;
    }

    private Line decodeLine() {
        lineNumber++;
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        if (tooLong || length > MAX_LINE_BYTES) {
            return new Line(lineNumber, null, true);
        }
        try {
            return new Line(lineNumber, decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, null);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
