package com.positionlab.service.imports;

import java.util.List;

/**
 * What an import (or a dry run) found and did.
 *
 * @param kind         what the file holds
 * @param format       the layout recognised from the header: {@code long}, {@code wide}, {@code per_ticker},
 *                     {@code trades} or {@code holdings}
 * @param file         the file as given
 * @param rowsRead     data lines read (blank lines and the header excluded); a wide-format line is one row
 * @param rowsAccepted rows that passed every check
 * @param rowsRejected rows that did not; {@code rowsAccepted + rowsRejected == rowsRead}
 * @param rejected     the rejected rows with their reasons, in file order (at most
 *                     {@value ImportService#MAX_LISTED_REJECTIONS} are listed)
 * @param written      whether anything was stored
 * @param rowsNew      how many stored rows did not exist before (re-importing a file gives 0)
 * @param unknownInstruments instruments the file names that the workspace did not know, sorted (at most
 *                     1,000): added when the import was allowed to add them, otherwise nothing is stored
 */
public record ImportReport(ImportKind kind, String format, String file, int rowsRead, int rowsAccepted,
                           int rowsRejected, List<RejectedRow> rejected, boolean written, int rowsNew,
                           List<String> unknownInstruments) {

    public ImportReport {
        rejected = List.copyOf(rejected);
        unknownInstruments = List.copyOf(unknownInstruments);
    }

}
