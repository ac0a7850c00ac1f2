package com.positionlab.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.domain.PriceBar;

/**
 * Child process of {@link CrashSafetyTest}: opens the database given as the first argument and appends
 * prices of {@link #TICKER} in transactions of {@link #BATCH} rows, forever, continuing after the rows a
 * previous run left. It prints {@code START n} with the rows it found, then {@code COMMITTED n} with the
 * total after each commit, so every number it prints is known to be committed.
 */
public final class CrashWriter {

    static final String TICKER = "CRASH";
    static final int BATCH = 50;
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    private CrashWriter() {
    }

    /** The bar written as row {@code i} (0-based): a pure function of {@code i}, so a reader can check it. */
    static PriceBar row(int i) {
        double close = 100.0 + i * 0.01;
        return new PriceBar(TICKER, FIRST_DAY.plusDays(i), close, close * 0.995, close * 1.01, close * 0.99,
                (long) i * 1_000L);
    }

    public static void main(String[] args) {
        Database db = Database.open(args[0]);
        Store store = new Store(db);
        int total = store.prices().count();
        System.out.println("START " + total);
        System.out.flush();
        while (true) {
            List<PriceBar> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(row(total + i));
            }
            total += store.prices().saveAll(batch);
            System.out.println("COMMITTED " + total);
            System.out.flush();
        }
    }
}
