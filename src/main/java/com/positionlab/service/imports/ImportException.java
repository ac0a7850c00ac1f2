package com.positionlab.service.imports;

/**
 * A problem with a whole file rather than with some of its rows: it does not exist or cannot be read, is
 * empty, is not UTF-8 text, or its header lacks a required column or matches no known format. The message
 * names the file and the problem.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
