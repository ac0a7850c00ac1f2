package com.positionlab.service.imports;

/**
 * A data line that was not imported.
 *
 * @param line   1-based physical line number in the file (blank lines and the header count)
 * @param reason the column and the problem, for example {@code close: must be positive, got -3.5}
 */
public record RejectedRow(int line, String reason) {
}
