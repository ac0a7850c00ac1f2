package com.positionlab.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.positionlab.domain.Side;
import com.positionlab.domain.Trade;

/**
 * The trades of one import as one binary value for the {@link ImportJournal}: a table of the strategy and
 * instrument ids, then per trade their indexes, the side, the quantity and P&L as exact decimals, the
 * times to the nanosecond and the prices; sealed by {@link SealedPayload}.
 */
final class TradePayload {

    private static final int VERSION = 1;

    private TradePayload() {
    }

    static byte[] encode(List<Trade> trades) {
        return SealedPayload.seal(VERSION, trades.size() * 64, out -> {
            Map<String, Integer> index = SealedPayload.writeIds(out,
                    trades.stream().flatMap(t -> Stream.of(t.strategyId(), t.instrumentId())));
            out.writeInt(trades.size());
            for (Trade t : trades) {
                out.writeInt(index.get(t.strategyId()));
                out.writeInt(index.get(t.instrumentId()));
                out.writeByte(t.side().ordinal());
                out.writeUTF(t.quantity().toString());
                writeTime(out, t.entryTime());
                out.writeDouble(t.entryPrice());
                writeTime(out, t.exitTime());
                out.writeDouble(t.exitPrice());
                out.writeUTF(t.pnl().toString());
            }
        });
    }

    /** @throws StoreException when the value is damaged (its checksum or structure does not hold) */
    static List<Trade> decode(byte[] payload) {
        return SealedPayload.open(payload, VERSION, "trade import", in -> {
            String[] names = SealedPayload.readIds(in);
            int n = in.readInt();
            List<Trade> trades = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String strategy = names[in.readInt()];
                String instrument = names[in.readInt()];
                Side side = Side.values()[in.readByte()];
                BigDecimal quantity = new BigDecimal(in.readUTF());
                LocalDateTime entry = readTime(in);
                double entryPrice = in.readDouble();
                LocalDateTime exit = readTime(in);
                double exitPrice = in.readDouble();
                BigDecimal pnl = new BigDecimal(in.readUTF());
                trades.add(new Trade(strategy, instrument, side, quantity, entry, entryPrice, exit, exitPrice, pnl));
            }
            return trades;
        });
    }

    private static void writeTime(DataOutputStream out, LocalDateTime t) throws IOException {
        out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
        out.writeInt(t.getNano());
    }

    private static LocalDateTime readTime(DataInputStream in) throws IOException {
        return LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
    }
}
