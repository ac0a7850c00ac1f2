package com.positionlab.engine.optimize.downside;

/** The downside measure a result reports, with its unit. */
public enum RiskMeasure {
    /** {@code sqrt(f * (1/T) sum_t min(r_t . w - b, 0)^2)}: annualised, a fraction of capital per year^(1/2). */
    SEMIDEVIATION,
    /** Conditional value at risk of the periodic loss {@code -r_t . w}: per period (not annualised), a fraction. */
    CVAR,
    /** Conditional drawdown at risk of the cumulative sum of periodic returns: a fraction, not annualised. */
    CDAR
}
