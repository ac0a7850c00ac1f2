package com.positionlab.service.imports;

/**
 * One physical line of a file.
 *
 * @param number  1-based line number
 * @param text    the line without its terminator, or {@code null} when its bytes are not valid UTF-8 or it is
 *                too long
 * @param tooLong whether the line is longer than {@link LineReader#MAX_LINE_BYTES}; its bytes were skipped
 */
record Line(int number, String text, boolean tooLong) {

    Line(int number, String text) {
        this(number, text, false);
    }

    boolean isDecodable() {
        return text != null;
    }

    /** Whether the line holds nothing but whitespace and commas; such lines are skipped. */
    boolean isBlank() {
        return text != null && text.chars().allMatch(c -> c == ',' || Character.isWhitespace(c));
    }
}
