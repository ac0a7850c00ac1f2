package com.positionlab.ui.common;

/** Turns an exception into a sentence for a notification. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** The first line of the message of {@code e}, or of its cause when {@code e} only wraps it. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getClass() == RuntimeException.class
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
