package com.positionlab.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.positionlab.domain.PriceBar;

/**
 * The bars of one price import as one binary value, so that staging an import is a single small commit
 * instead of a second table of rows: about 23 bytes a bar (a ticker index, the epoch day, the closes and
 * whichever of high, low and volume are present), sealed by {@link SealedPayload}.
 */
final class PricePayload {

    private static final int VERSION = 1;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int VOLUME = 4;

    private PricePayload() {
    }

    static byte[] encode(List<PriceBar> bars) {
        return SealedPayload.seal(VERSION, bars.size() * 24, out -> {
            Map<String, Integer> index = SealedPayload.writeIds(out, bars.stream().map(PriceBar::instrumentId));
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
        });
    }

    /** @throws StoreException when the value is damaged (its checksum or structure does not hold) */
    static List<PriceBar> decode(byte[] payload) {
        return SealedPayload.open(payload, VERSION, "price import", in -> {
            String[] tickers = SealedPayload.readIds(in);
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
        });
    }
}
