package com.positionlab.service.imports;

/**
 * One physical line of a file.
 *
 * @param number 1-based line number
 * @param text   the line without its terminator, or {@code null} when its bytes are not valid UTF-8
 */
record Line(int number, String text) {

    boolean isDecodable() {
        return text != null;
    }

    /** Whether the line holds nothing but whitespace and commas; such lines are skipped. */
    boolean isBlank() {
        return text != null && text.chars().allMatch(c -> c == ',' || Character.isWhitespace(c));
    }
}
