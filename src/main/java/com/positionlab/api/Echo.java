package com.positionlab.api;

/**
 * Cuts a client's value before it goes back into an answer, so that an error message stays small whatever
 * the request held.
 */
final class Echo {

    /** Longest echo of a path in a 404 or 405 message, in characters. */
    static final int PATH_CHARS = 100;
    /** Longest echo of any other client value (a header, Jetty's reason), in characters. */
    static final int VALUE_CHARS = 200;

    private Echo() {
    }

    /**
     * {@code value} when it has at most {@code max} characters, else its first {@code max} characters
     * followed by {@code "..."}; {@code "(none)"} for null.
     */
    static String cut(String value, int max) {
        if (value == null) {
            return "(none)";
        }
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end) + "...";
    }
}
