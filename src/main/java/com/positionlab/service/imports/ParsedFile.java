package com.positionlab.service.imports;

import java.util.List;

/**
 * What parsing a file gave, before anything is stored.
 *
 * @param format       the recognised layout
 * @param rowsRead     data lines read
 * @param rowsAccepted lines that passed every check
 * @param records      the records of the accepted lines, in file order
 * @param rowsRejected lines that did not
 * @param rejected     the first rejected lines with their reasons
 */
record ParsedFile<T>(String format, int rowsRead, int rowsAccepted, List<T> records, int rowsRejected,
                     List<RejectedRow> rejected) {
}
