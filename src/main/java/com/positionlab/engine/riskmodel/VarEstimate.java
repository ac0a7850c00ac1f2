package com.positionlab.engine.riskmodel;

/** Positive loss fractions (a loss of 2% is 0.02). */
public record VarEstimate(double var, double cvar) {
    public VarEstimate scaled(int horizonDays) {
        double k = Math.sqrt(horizonDays);
        return new VarEstimate(var * k, cvar * k);
    }
}
