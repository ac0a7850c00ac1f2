package com.positionlab.engine.task;

/** Thrown by a computation that stopped because it was cancelled. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}
