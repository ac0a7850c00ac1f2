package com.positionlab.service.imports;

/**
 * How to import a file.
 *
 * @param validRowsOnly store the valid rows even when some rows are rejected; when {@code false} nothing
 *                      is stored unless every row is valid
 * @param portfolioId   portfolio that holdings go to when the file has no {@code portfolio} column
 *                      (created with no cash in USD if missing); {@code null} for the first portfolio of
 *                      the workspace, or {@code main} when there is none
 * @param instrumentId  ticker of a one-file-per-ticker price file; {@code null} for the file name without
 *                      its extension, upper-cased
 */
public record ImportOptions(boolean validRowsOnly, String portfolioId, String instrumentId) {

    /** All-or-nothing, default portfolio, ticker taken from the file name. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, null, null);
    }
}
