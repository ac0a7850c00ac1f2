package com.positionlab.ui.kelly;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import com.positionlab.domain.Range;
import com.positionlab.service.kelly.KellyCalculationRequest;
import com.positionlab.service.kelly.SimulationRequest;
import com.positionlab.ui.common.FieldReader;

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

    /** The starting capital's allowed values, in the account currency. */
    static final Range CAPITAL = Range.aboveUpTo(0, 1e15);

    /** The starting capital as typed, or {@code fallback} when the text is not a valid capital. */
    static double capital(String typed, double fallback) {
        Map<String, String> errors = new LinkedHashMap<>();
        Double v = new FieldReader(Map.of("initial_capital", typed == null ? "" : typed), errors)
                .number("initial_capital", true, CAPITAL, "");
        return v == null ? fallback : v;
    }

    /** Parses the texts; returns the inputs, or the errors by field when any field is wrong. */
    static Parsed parse(Map<String, String> text) {
        Map<String, String> errors = new LinkedHashMap<>();
        Field f = new Field(text, errors);
        double p = f.percent("win_rate", Range.closed(0, 1));
        double win = f.number("average_win", 0, Double.MAX_VALUE, false);
        double loss = f.number("average_loss", 0, Double.MAX_VALUE, false);
        Integer n = f.optionalInt("sample_size", 1, 10_000_000);
        double multiplier = f.number("kelly_multiplier", 0, 2, true);
        double cap = f.percent("max_kelly_fraction", Range.closed(0, 1));
        int bets = (int) f.integer("bets", 1, 50_000);
        int paths = (int) f.integer("paths", 1, 100_000);
        double capital = f.number("initial_capital", CAPITAL);
        double ruin = f.percent("ruin_level", Range.closed(0, 0.99999));
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

    /** The Lab's fields through the one form reader; a wrong field reads as NaN (or 0) and is named in errors. */
    private record Field(FieldReader fields) {

        Field(Map<String, String> text, Map<String, String> errors) {
            this(new FieldReader(text, errors));
        }

        double number(String name, double lo, double hi, boolean inclusiveLow) {
            return number(name, inclusiveLow ? Range.closed(lo, hi) : Range.aboveUpTo(lo, hi));
        }

        double number(String name, Range allowed) {
            Double v = fields.number(name, true, allowed, "");
            return v == null ? Double.NaN : v;
        }

        /** A field typed in percent, as a fraction in {@code fractions}. */
        double percent(String name, Range fractions) {
            Double v = fields.percent(name, true, fractions);
            return v == null ? Double.NaN : v;
        }

        long integer(String name, long lo, long hi) {
            Long v = fields.whole(name, true, lo, hi);
            return v == null ? 0 : v;
        }

        Integer optionalInt(String name, int lo, int hi) {
            Long v = fields.whole(name, false, lo, hi);
            return v == null ? null : v.intValue();
        }
    }

    /** Multiples of Kelly always simulated beside the chosen fraction. */
    static final double[] COMPARED_MULTIPLES = {0.5, 1.0, 2.0};
    /** Largest fraction simulated: staking everything is not a betting rule. */
    static final double MAX_FRACTION = 0.99;

    /** The chosen fraction with half, full and double Kelly, each below {@link #MAX_FRACTION}, ascending. */
    static double[] fractionsToSimulate(double fStar, double chosen) {
        TreeSet<Double> set = new TreeSet<>();
        set.add(chosen);
        for (double m : COMPARED_MULTIPLES) {
            double f = m * fStar;
            if (f > 0 && f <= MAX_FRACTION && Math.abs(f - chosen) > 1e-9) {
                set.add(f);
            }
        }
        return set.stream().filter(f -> f > 0).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A warning when the strategy's worst trade lost more than one stake (its average loss): above
     * 1 / (worst loss in stakes) a single such trade can wipe the account out, which the bootstrap shows.
     * Empty otherwise.
     */
    static String bootstrapWarning(double[] outcomes) {
        if (outcomes == null) {
            return "";
        }
        double worst = Arrays.stream(outcomes).min().orElse(0);
        if (worst >= -1) {
            return "";
        }
        return String.format(java.util.Locale.US, "The worst trade lost %.1f x the average loss: from a fraction of "
                + "%.4f up, one such trade wipes the account out, as the simulation of the trades shows.", -worst,
                -1 / worst);
    }

    /** The input field a contract field's error belongs to ({@code win_probability} is typed as the win rate). */
    static String fieldFor(String contractField) {
        return "win_probability".equals(contractField) ? "win_rate" : contractField;
    }

    /** A figure as a trader would type it: to two decimals, without trailing zeros. */
    static String rounded(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
