package com.positionlab.ui.size;

/**
 * An instrument the ticket can size: its id, name and sector, its last close (the default entry price,
 * in the instrument's currency) and the quantity the portfolio holds now (0 when none; negative is short).
 */
public record InstrumentChoice(String id, String name, String sector, String currency, double lastClose,
                               double held) {

    /** How the picker shows it, and what its search matches: "SEMI — Semicor (Technology)". */
    @Override
    public String toString() {
        return id + " — " + name + " (" + sector + ")";
    }
}
