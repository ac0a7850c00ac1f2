package com.positionlab.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The framing of a staged import's binary value: a format version first, the rows (ids written once in a
 * table, {@link #writeIds}), and a CRC-32 of all that as the last 8 bytes, so that a value damaged on
 * disk is refused instead of imported.
 */
final class SealedPayload {

    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private SealedPayload() {
    }

    /**
     * Writes each distinct id once (in order of first appearance) and returns its index, so that rows
     * carry a small int instead of repeating the id.
     */
    static Map<String, Integer> writeIds(DataOutputStream out, Stream<String> ids) throws IOException {
        Map<String, Integer> index = new LinkedHashMap<>();
        ids.forEach(id -> index.putIfAbsent(id, index.size()));
        out.writeInt(index.size());
        for (String id : index.keySet()) {
            out.writeUTF(id);
        }
        return index;
    }

    /** The ids {@link #writeIds} wrote, by index. */
    static String[] readIds(DataInputStream in) throws IOException {
        String[] ids = new String[in.readInt()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.readUTF();
        }
        return ids;
    }

    /** The version, what {@code body} writes, and the checksum. */
    static byte[] seal(int version, int sizeHint, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint + 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(version);
            body.write(out);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * What {@code reader} makes of a sealed value.
     *
     * @throws StoreException naming {@code what} when the checksum, the version or the structure does not hold
     */
    static <T> T open(byte[] payload, int version, String what, Reader<T> reader) {
        if (payload.length < 12) {
            throw new StoreException("The staged " + what + " is damaged: " + payload.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(payload, 0, payload.length - 8);
        long stored = 0;
        for (int i = payload.length - 8; i < payload.length; i++) {
            stored = (stored << 8) | (payload[i] & 0xFF);
        }
        if (stored != crc.getValue()) {
            throw new StoreException("The staged " + what + " is damaged: its checksum does not match");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload, 0, payload.length - 8))) {
            if (in.readInt() != version) {
                throw new StoreException("The staged " + what + " has an unknown format");
            }
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("The staged " + what + " is damaged: " + e.getMessage(), e);
        }
    }
}
