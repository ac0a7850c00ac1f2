package com.positionlab.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import com.positionlab.domain.PriceBar;

/**
 * The bars of one price import as one binary value, so that staging an import is a single small commit
 * instead of a second table of rows: about 23 bytes a bar (a ticker index, the epoch day, the closes and
 * whichever of high, low and volume are present), a version, and a CRC-32 that {@link #decode} checks.
 */
final class PricePayload {

    private static final int VERSION = 1;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int VOLUME = 4;

    private PricePayload() {
    }

    static byte[] encode(List<PriceBar> bars) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + bars.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Map<String, Integer> index = new HashMap<>();
            List<String> tickers = new ArrayList<>();
            for (PriceBar b : bars) {
                index.computeIfAbsent(b.instrumentId(), t -> {
                    tickers.add(t);
                    return tickers.size() - 1;
                });
            }
            out.writeInt(VERSION);
            out.writeInt(tickers.size());
            for (String t : tickers) {
                out.writeUTF(t);
            }
            out.writeInt(bars.size());
            for (PriceBar b : bars) {
                out.writeInt(index.get(b.instrumentId()));
                out.writeInt((int) b.date().toEpochDay());
                out.writeDouble(b.close());
                out.writeDouble(b.adjClose());
                int flags = (b.high() != null ? HIGH : 0) | (b.low() != null ? LOW : 0) | (b.volume() != null ? VOLUME : 0);
                out.writeByte(flags);
                if (b.high() != null) {
                    out.writeDouble(b.high());
                }
                if (b.low() != null) {
                    out.writeDouble(b.low());
                }
                if (b.volume() != null) {
                    out.writeLong(b.volume());
                }
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws StoreException when the value is damaged (its checksum or structure does not hold) */
    static List<PriceBar> decode(byte[] payload) {
        if (payload.length < 20) {
            throw new StoreException("The staged price import is damaged: " + payload.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(payload, 0, payload.length - 8);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            in.skipNBytes(payload.length - 8);
            if (in.readLong() != crc.getValue()) {
                throw new StoreException("The staged price import is damaged: its checksum does not match");
            }
        } catch (IOException e) {
            throw new StoreException("The staged price import is damaged: " + e.getMessage(), e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload, 0, payload.length - 8))) {
            if (in.readInt() != VERSION) {
                throw new StoreException("The staged price import has an unknown format");
            }
            String[] tickers = new String[in.readInt()];
            for (int i = 0; i < tickers.length; i++) {
                tickers[i] = in.readUTF();
            }
            int n = in.readInt();
            List<PriceBar> bars = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String ticker = tickers[in.readInt()];
                LocalDate date = LocalDate.ofEpochDay(in.readInt());
                double close = in.readDouble();
                double adj = in.readDouble();
                int flags = in.readByte();
                Double high = (flags & HIGH) != 0 ? in.readDouble() : null;
                Double low = (flags & LOW) != 0 ? in.readDouble() : null;
                Long volume = (flags & VOLUME) != 0 ? in.readLong() : null;
                bars.add(new PriceBar(ticker, date, close, adj, high, low, volume));
            }
            return bars;
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("The staged price import is damaged: " + e.getMessage(), e);
        }
    }
}
