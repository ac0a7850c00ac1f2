package com.positionlab.ui.common;

/** Shows the user what happened: errors say what went wrong and what to do. Behind an interface for tests. */
public interface Notifier {

    void info(String title, String message);

    /** An error that stays until dismissed: {@code message} says what happened and what to do. */
    void error(String title, String message);

    /**
     * Something done that the user may want to follow up, with a button ({@code action}, such as "Open
     * folder") that runs {@code onAction}. Without buttons (tests), the same as {@link #info}.
     */
    default void done(String title, String message, String action, Runnable onAction) {
        info(title, message);
    }
}
