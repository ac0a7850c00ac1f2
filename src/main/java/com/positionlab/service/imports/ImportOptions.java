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
 * @param createInstruments add the instruments a price or trade file names that the workspace does not
 *                      know (the trader confirmed them); when {@code false} such a file stores nothing and
 *                      its report lists them ({@link ImportReport#unknownInstruments()})
 */
public record ImportOptions(boolean validRowsOnly, String portfolioId, String instrumentId,
                            boolean createInstruments) {

    /** Options that add no instrument the workspace does not know. */
    public ImportOptions(boolean validRowsOnly, String portfolioId, String instrumentId) {
        this(validRowsOnly, portfolioId, instrumentId, false);
    }

    /** All-or-nothing, default portfolio, ticker taken from the file name, no unknown instrument added. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, null, null, false);
    }

    /** The same options, adding the unknown instruments (once the trader confirmed them). */
    public ImportOptions creatingInstruments() {
        return new ImportOptions(validRowsOnly, portfolioId, instrumentId, true);
    }
}
