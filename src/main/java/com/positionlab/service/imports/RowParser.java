package com.positionlab.service.imports;

import java.util.List;

/**
 * Turns the data lines of one file format into records. Made from the file's header, which it checks
 * (throwing {@link FileFormatException} for a missing column); knows nothing of files or the store.
 *
 * @param <T> the record type, such as a price bar
 */
interface RowParser<T> {

    /** The format name given in the report: {@code long}, {@code wide}, {@code per_ticker}, ... */
    String format();

    /** The records of one data line (a wide price line gives one per non-empty cell). */
    List<T> parse(Row row) throws RowException;

    /** The natural key of a record, readable in a message; two records of a file may not share one. */
    String key(T record);
}
