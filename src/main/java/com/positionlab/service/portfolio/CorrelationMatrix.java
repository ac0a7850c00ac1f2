package com.positionlab.service.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * Pearson correlations of daily simple returns over the dates where every instrument has a price.
 *
 * @param observations number of daily returns used
 */
public record CorrelationMatrix(List<String> instrumentIds, double[][] values, int observations, LocalDate from,
                                LocalDate to) {

    public static CorrelationMatrix empty() {
        return new CorrelationMatrix(List.of(), new double[0][0], 0, null, null);
    }

    public double get(int i, int j) {
        return values[i][j];
    }
}
