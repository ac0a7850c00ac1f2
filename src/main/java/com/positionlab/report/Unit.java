package com.positionlab.report;

/**
 * What a number means, which decides how it is shown: a PDF shows a {@link #FRACTION} as a percentage,
 * CSV keeps it a decimal fraction and says so in the column's header.
 */
public enum Unit {
    /** A share such as a weight or a probability: 0.125 is shown as 12.50%. */
    FRACTION("fraction"),
    /** An amount of money, two decimals; the column names the currency. */
    MONEY(""),
    /** Units of an instrument (whole lots, or fractional for some instruments). */
    UNITS("units"),
    /** A count. */
    COUNT(""),
    /** A plain number such as a ratio, a multiple or a price. */
    NUMBER(""),
    /** Days. */
    DAYS("days"),
    /**
     * A calendar day, held as the number of days since 1970-01-01 (the epoch day) so that a chart can place it:
     * shown and written as YYYY-MM-DD, and a chart axis of dates is labelled with years, months or days.
     */
    DATE("date");

    private final String csvLabel;

    Unit(String csvLabel) {
        this.csvLabel = csvLabel;
    }

    /** The unit as a CSV header states it, empty when the header's own words say it. */
    public String csvLabel() {
        return csvLabel;
    }
}
