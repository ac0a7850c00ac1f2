package com.positionlab.engine.limits;

/**
 * The limit steps every sizing chain shares. Each returns the size it allows of {@code w} and, when it
 * changed it, records why in the chain's {@link Bindings}. A NaN limit is "no limit". The ticket's chain
 * (max position, instrument, sector, leverage, minimum position) and the Kelly Lab's strategy chain (Kelly
 * cap, tier bounds, exchange minimum) are both built from these.
 */
public final class Caps {

    private Caps() {
    }

    /** At most {@code max} (never below zero): a larger {@code w} is cut to it. */
    public static double atMost(Bindings b, double w, String name, double max, String why) {
        if (!Double.isNaN(max) && w > max) {
            double after = Math.max(0, max);
            b.bind(name, w, after, why);
            return after;
        }
        return w;
    }

    /** A positive {@code w} below {@code min} is raised to it (a tier that needs a minimum stake). */
    public static double atLeast(Bindings b, double w, String name, double min, String why) {
        if (w > 0 && w < min) {
            b.bind(name, w, min, why);
            return min;
        }
        return w;
    }

    /**
     * None rather than too little: when {@code size} (the size measured as the limit measures it, for
     * example a notional) is positive but below {@code min}, there is no position.
     */
    public static double noneBelow(Bindings b, double w, double size, double min, String name, String why) {
        if (size > 0 && size < min) {
            b.bind(name, w, 0, why);
            return 0;
        }
        return w;
    }
}
