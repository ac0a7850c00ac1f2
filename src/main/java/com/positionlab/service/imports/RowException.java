package com.positionlab.service.imports;

/** Why one data line cannot be imported; the message is the reason shown to the user. */
final class RowException extends Exception {

    RowException(String reason) {
        super(reason, null, false, false);
    }
}
