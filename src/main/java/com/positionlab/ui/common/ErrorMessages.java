package com.positionlab.ui.common;

import com.positionlab.store.StoreException;
import com.positionlab.service.ValidationException;

/** Turns an exception into a sentence for a notification. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof ValidationException) && !(t instanceof StoreException)
                && (t.getMessage() == null || t instanceof RuntimeException && t.getClass() == RuntimeException.class)) {
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
