package com.positionlab.service.imports;

/**
 * A whole-file problem found while reading, with a message that does not name the file yet; the reader
 * turns it into an {@link ImportException} prefixed with the file name.
 */
final class FileFormatException extends RuntimeException {

    FileFormatException(String message) {
        super(message);
    }
}
