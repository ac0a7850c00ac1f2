package com.positionlab.cli;

/** Input the user must correct; reported as one line with exit code 2. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
