package com.positionlab.ui.kelly;

import java.util.LinkedHashMap;
import java.util.Map;

import com.positionlab.service.kelly.KellyCalculationRequest;
import com.positionlab.service.kelly.SimulationRequest;

/**
 * The Kelly Lab's inputs, parsed from the text the user typed. Win rate and ruin level are typed in
 * percent and held here as fractions. {@link #parse} collects every field's problem at once.
 */
record KellyInputs(double winProbability, double averageWin, double averageLoss, Integer sampleSize,
                   double kellyMultiplier, double maxKellyFraction, int bets, int paths, double initialCapital,
                   double ruinLevel, double targetMultiple, long seed) {

    /** The fields' texts, keyed by field name. */
    static final String[] FIELDS = {"win_rate", "average_win", "average_loss", "sample_size", "kelly_multiplier",
            "max_kelly_fraction", "bets", "paths", "initial_capital", "ruin_level", "target_multiple", "seed"};

    /** Parses the texts; returns the inputs, or the errors by field when any field is wrong. */
    static Parsed parse(Map<String, String> text) {
        Map<String, String> errors = new LinkedHashMap<>();
        Field f = new Field(text, errors);
        double p = f.number("win_rate", 0, 100, true) / 100;
        double win = f.number("average_win", 0, Double.MAX_VALUE, false);
        double loss = f.number("average_loss", 0, Double.MAX_VALUE, false);
        Integer n = f.optionalInt("sample_size", 1, 10_000_000);
        double multiplier = f.number("kelly_multiplier", 0, 2, true);
        double cap = f.number("max_kelly_fraction", 0, 1, true);
        int bets = (int) f.integer("bets", 1, 50_000);
        int paths = (int) f.integer("paths", 1, 100_000);
        double capital = f.number("initial_capital", 0, 1e15, false);
        double ruin = f.number("ruin_level", 0, 99.999, true) / 100;
        double target = f.number("target_multiple", 1.000001, 1e6, true);
        long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new KellyInputs(p, win, loss, n, multiplier, cap, bets, paths, capital, ruin, target, seed),
                errors);
    }

    record Parsed(KellyInputs inputs, Map<String, String> errors) {
    }

    KellyCalculationRequest kellyRequest() {
        return new KellyCalculationRequest(null, winProbability, averageWin, averageLoss, null, null, sampleSize, null,
                kellyMultiplier, maxKellyFraction, null, null, null);
    }

    SimulationRequest simulationRequest(double[] fractions, double[] outcomes) {
        return new SimulationRequest(outcomes == null ? winProbability : null,
                outcomes == null ? averageWin / averageLoss : null, outcomes, fractions, bets, paths, initialCapital,
                ruinLevel, targetMultiple, seed, false, null);
    }

    /** Reads one field at a time, recording what is wrong with it. */
    private record Field(Map<String, String> text, Map<String, String> errors) {

        double number(String name, double lo, double hi, boolean inclusiveLow) {
            String t = text.getOrDefault(name, "").strip().replace(",", "").replace("%", "");
            if (t.isEmpty()) {
                errors.put(name, "enter a value");
                return Double.NaN;
            }
            try {
                double v = Double.parseDouble(t);
                boolean low = inclusiveLow ? v >= lo : v > lo;
                if (!Double.isFinite(v) || !low || v > hi) {
                    errors.put(name, "must be " + (inclusiveLow ? "from " : "above ") + fmt(lo)
                            + (hi < 1e14 ? " to " + fmt(hi) : "") + ", got " + t);
                }
                return v;
            } catch (NumberFormatException e) {
                errors.put(name, "\"" + t + "\" is not a number");
                return Double.NaN;
            }
        }

        long integer(String name, long lo, long hi) {
            String t = text.getOrDefault(name, "").strip().replace(",", "").replace("_", "");
            if (t.isEmpty()) {
                errors.put(name, "enter a whole number");
                return 0;
            }
            try {
                long v = Long.parseLong(t);
                if (v < lo || v > hi) {
                    errors.put(name, "must be from " + lo + " to " + hi + ", got " + t);
                }
                return v;
            } catch (NumberFormatException e) {
                errors.put(name, "\"" + t + "\" is not a whole number");
                return 0;
            }
        }

        Integer optionalInt(String name, int lo, int hi) {
            String t = text.getOrDefault(name, "").strip();
            return t.isEmpty() ? null : (int) integer(name, lo, hi);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
