package com.positionlab.report;

import java.math.BigDecimal;

/**
 * One table cell: text, or a number with its unit. A number keeps its exact value; each writer formats it
 * for its reader (the PDF as a trader reads it, "12.50%" or "1,234,567.89"; CSV as plain decimals).
 */
public sealed interface Cell {

    /** Text, shown as it is (CSV escapes what a spreadsheet would run as a formula). */
    record Text(String text) implements Cell {
        public Text {
            text = text == null ? "" : text;
        }
    }

    /** A number; {@code value} null when it does not exist (shown as a dash, an empty CSV cell). */
    record Num(BigDecimal value, Unit unit) implements Cell {
    }

    /**
     * The unit of a row's numbers, in a table whose rows have different units: the PDF names it as its figures
     * are shown ("%" for a fraction), CSV as its figures are written ("fraction").
     */
    record UnitName(Unit unit, String label) implements Cell {
        /** As the PDF shows it. */
        public String shown() {
            return switch (unit) {
                case FRACTION -> "%";
                case MONEY -> label;
                case UNITS, DAYS -> unit.csvLabel();
                case COUNT, NUMBER, DATE -> "";
            };
        }

        /** As CSV writes it. */
        public String written() {
            return unit == Unit.MONEY ? label : unit.csvLabel();
        }
    }

    static Cell text(String text) {
        return new Text(text);
    }

    /** A double as a number cell; NaN and infinities do not exist here (null). */
    static Cell num(Double value, Unit unit) {
        return new Num(value == null || !Double.isFinite(value) ? null : BigDecimal.valueOf(value), unit);
    }

    static Cell num(BigDecimal value, Unit unit) {
        return new Num(value, unit);
    }

    /** A whole number. */
    static Cell count(long value) {
        return new Num(BigDecimal.valueOf(value), Unit.COUNT);
    }
}
