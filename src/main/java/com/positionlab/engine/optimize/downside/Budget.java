package com.positionlab.engine.optimize.downside;

/** The budget row {@code sum(w) = total}: fully invested (1) or market neutral (0). */
public enum Budget {
    FULLY_INVESTED(1),
    MARKET_NEUTRAL(0);

    private final double total;

    Budget(double total) {
        this.total = total;
    }

    /** The sum the weights must have. */
    public double total() {
        return total;
    }
}
