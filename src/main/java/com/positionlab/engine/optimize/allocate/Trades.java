package com.positionlab.engine.optimize.allocate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.positionlab.engine.InvalidParameterException;

/** The orders that turn current holdings into target units. */
public final class Trades {

    private Trades() {
    }

    /**
     * One {@link Trade} per ticker whose units differ between {@code current} and {@code target} (a ticker
     * absent from a map holds 0 units there): sells first, so they can fund the buys, then buys, each in
     * ticker order.
     *
     * @param current units held now per ticker, may be empty
     * @param target  units wanted per ticker, for example {@link Allocation#units()}
     */
    public static List<Trade> between(Map<String, Long> current, Map<String, Long> target) {
        check(current, "current_units");
        check(target, "target_units");
        TreeSet<String> tickers = new TreeSet<>(current.keySet());
        tickers.addAll(target.keySet());
        List<Trade> out = new ArrayList<>();
        for (String t : tickers) {
            long from = current.getOrDefault(t, 0L);
            long to = target.getOrDefault(t, 0L);
            if (from != to) {
                out.add(new Trade(t, from, to));
            }
        }
        out.sort(Comparator.comparing(Trade::side, Comparator.reverseOrder()));
        return List.copyOf(out);
    }

    private static void check(Map<String, Long> units, String field) {
        if (units == null) {
            throw new InvalidParameterException(field, "are missing");
        }
        units.forEach((t, u) -> {
            if (t == null || t.isBlank() || u == null) {
                throw new InvalidParameterException(field, "has a missing ticker or value (" + t + " = " + u + ")");
            }
        });
    }
}
