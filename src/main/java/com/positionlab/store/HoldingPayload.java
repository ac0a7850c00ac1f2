package com.positionlab.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.positionlab.domain.Holding;

/**
 * The holdings of one import as one binary value for the {@link ImportJournal}: a table of the portfolio
 * and instrument ids, then per holding their indexes and the quantity as an exact decimal; sealed by
 * {@link SealedPayload}.
 */
final class HoldingPayload {

    private static final int VERSION = 1;

    private HoldingPayload() {
    }

    static byte[] encode(List<Holding> holdings) {
        return SealedPayload.seal(VERSION, holdings.size() * 24, out -> {
            Map<String, Integer> index = SealedPayload.writeIds(out,
                    holdings.stream().flatMap(h -> Stream.of(h.portfolioId(), h.instrumentId())));
            out.writeInt(holdings.size());
            for (Holding h : holdings) {
                out.writeInt(index.get(h.portfolioId()));
                out.writeInt(index.get(h.instrumentId()));
                out.writeUTF(h.quantity().toString());
            }
        });
    }

    /** @throws StoreException when the value is damaged (its checksum or structure does not hold) */
    static List<Holding> decode(byte[] payload) {
        return SealedPayload.open(payload, VERSION, "holding import", in -> {
            String[] names = SealedPayload.readIds(in);
            int n = in.readInt();
            List<Holding> holdings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                holdings.add(new Holding(names[in.readInt()], names[in.readInt()], new BigDecimal(in.readUTF())));
            }
            return holdings;
        });
    }
}
