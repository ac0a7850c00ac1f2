package com.positionlab.service.optimize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.service.ValidationException;
import com.positionlab.store.PriceRepository.PriceSeries;
import com.positionlab.store.Store;

/**
 * A workspace's stored adjusted closes as a {@link PriceTable}: the dates on which any of the instruments has a
 * price, the last {@code lookback_days + 1} of them up to the newest price, NaN where one has none.
 */
public final class WorkspacePrices implements PriceSource {

    /** The most returns a lookback may ask for (about 40 years of trading days). */
    static final int MAX_LOOKBACK = 10_000;

    private final Store store;

    public WorkspacePrices(Store store) {
        this.store = store;
    }

    @Override
    public PriceTable prices(List<String> ids, int lookbackDays) {
        check(ids, lookbackDays);
        Map<String, PriceBar> latest = store.prices().latest(ids);
        LocalDate end = latest.values().stream().map(PriceBar::date).max(LocalDate::compareTo)
                .orElseThrow(() -> new ValidationException("universe", "none of these instruments has a price"));
        // calendar days that hold the lookback's trading days, with room for holidays
        List<LocalDate> dates = new ArrayList<>();
        TreeMap<LocalDate, double[]> rows = rows(ids, end.minusDays(lookbackDays * 7L / 5 + 30), dates);
        int first = Math.max(0, dates.size() - lookbackDays - 1);
        List<LocalDate> kept = dates.subList(first, dates.size());
        double[][] prices = new double[kept.size()][];
        for (int t = 0; t < kept.size(); t++) {
            prices[t] = rows.get(kept.get(t));
        }
        if (kept.size() < 3) {
            throw new ValidationException("universe", "fewer than 3 dates with prices in the lookback");
        }
        return new PriceTable(kept, ids, prices);
    }

    /**
     * Every stored adjusted close of the instruments: the dates on which any has a price, NaN where one has
     * none (a backtest's history).
     */
    public PriceTable history(List<String> ids) {
        check(ids, 20);
        List<LocalDate> dates = new ArrayList<>();
        TreeMap<LocalDate, double[]> rows = rows(ids, LocalDate.of(1, 1, 1), dates);
        if (dates.size() < 3) {
            throw new ValidationException("universe", "fewer than 3 dates with prices");
        }
        return new PriceTable(dates, ids, dates.stream().map(rows::get).toArray(double[][]::new));
    }

    /** The workspace's instruments by id (for sectors and lot sizes). */
    public Map<String, Instrument> instruments() {
        Map<String, Instrument> out = new java.util.LinkedHashMap<>();
        store.instruments().findAll().forEach(i -> out.put(i.id(), i));
        return out;
    }

    private TreeMap<LocalDate, double[]> rows(List<String> ids, LocalDate from, List<LocalDate> dates) {
        Map<String, PriceSeries> series = store.prices().adjustedCloses(ids, from);
        TreeMap<LocalDate, double[]> rows = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            PriceSeries s = series.get(ids.get(i));
            for (int t = 0; s != null && t < s.dates().size(); t++) {
                double[] row = rows.computeIfAbsent(s.dates().get(t), d -> nanRow(ids.size()));
                row[i] = s.values()[t];
            }
        }
        dates.addAll(rows.keySet());
        return rows;
    }

    private void check(List<String> ids, int lookbackDays) {
        if (ids.size() < 2 || ids.size() > Estimates.MAX_ASSETS) {
            throw new ValidationException("universe", "must name from 2 to " + Estimates.MAX_ASSETS
                    + " instruments");
        }
        if (lookbackDays < 20 || lookbackDays > MAX_LOOKBACK) {
            throw new ValidationException("lookback_days", "must be from 20 to " + MAX_LOOKBACK + " trading days");
        }
        requireInstruments(ids);
    }

    /**
     * Refuses, naming {@code universe}, an id that is not one of the workspace's instruments or is named twice
     * (the message quotes it, clipped).
     */
    public void requireInstruments(List<String> ids) {
        Set<String> known = new HashSet<>();
        store.instruments().findAll().stream().map(Instrument::id).forEach(known::add);
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !known.contains(id)) {
                throw new ValidationException("universe", ValidationException.quote(String.valueOf(id))
                        + " is not an instrument of this workspace");
            }
            if (!seen.add(id)) {
                throw new ValidationException("universe", ValidationException.quote(id) + " is named twice");
            }
        }
    }

    private static double[] nanRow(int n) {
        double[] row = new double[n];
        Arrays.fill(row, Double.NaN);
        return row;
    }
}
