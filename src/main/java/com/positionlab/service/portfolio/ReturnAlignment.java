package com.positionlab.service.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.positionlab.store.PriceRepository.PriceSeries;

/** Puts several price series on their common dates and turns them into a matrix of daily simple returns. */
public final class ReturnAlignment {

    /** {@code returns[t][i]}: instrument i's simple return from common date t to t + 1. */
    public record Aligned(List<LocalDate> dates, double[][] returns) {
    }

    private ReturnAlignment() {
    }

    /**
     * Aligns the series on the dates all of them share, keeps the last {@code maxReturns + 1} of those
     * dates, and returns the daily simple returns between consecutive common dates.
     */
    public static Aligned align(List<PriceSeries> series, int maxReturns) {
        if (series.isEmpty()) {
            return new Aligned(List.of(), new double[0][0]);
        }
        Set<LocalDate> common = new TreeSet<>(series.get(0).dates());
        for (PriceSeries s : series.subList(1, series.size())) {
            common.retainAll(new TreeSet<>(s.dates()));
        }
        List<LocalDate> dates = new ArrayList<>(common);
        if (dates.size() > maxReturns + 1) {
            dates = dates.subList(dates.size() - maxReturns - 1, dates.size());
        }
        int n = series.size();
        double[][] prices = new double[dates.size()][n];
        for (int i = 0; i < n; i++) {
            PriceSeries s = series.get(i);
            Map<LocalDate, Double> byDate = new HashMap<>(s.size() * 2);
            for (int k = 0; k < s.size(); k++) {
                byDate.put(s.dates().get(k), s.values()[k]);
            }
            for (int t = 0; t < dates.size(); t++) {
                prices[t][i] = byDate.get(dates.get(t));
            }
        }
        int rows = Math.max(0, dates.size() - 1);
        double[][] returns = new double[rows][n];
        for (int t = 0; t < rows; t++) {
            for (int i = 0; i < n; i++) {
                returns[t][i] = prices[t + 1][i] / prices[t][i] - 1.0;
            }
        }
        return new Aligned(dates, returns);
    }
}
