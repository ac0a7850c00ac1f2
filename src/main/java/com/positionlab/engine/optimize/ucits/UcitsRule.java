package com.positionlab.engine.optimize.ucits;

import java.util.Locale;

/**
 * The UCITS diversification rule on a long-only portfolio's weights (fractions of the portfolio, one issuer an
 * asset): every weight is at most {@code issuerLimit}, and the weights above {@code threshold} add up to at
 * most {@code concentrationLimit}. The EU directive's 5/10/40 rule is {@link #STANDARD}.
 *
 * <p>For weights {@code w >= 0} the rule holds exactly when some set S of assets has {@code w_i <= threshold}
 * for every i outside S and {@code sum_{i in S} w_i <= concentrationLimit}: take S as the assets above the
 * threshold; conversely, every asset above the threshold is then in S, so their sum is at most S's.
 *
 * @param threshold          the weight above which an issuer counts towards the concentration limit (0.05)
 * @param issuerLimit        the most any one weight may be (0.10)
 * @param concentrationLimit the most the weights above the threshold may add up to (0.40)
 */
public record UcitsRule(double threshold, double issuerLimit, double concentrationLimit) {

    /** The directive's 5/10/40 rule. */
    public static final UcitsRule STANDARD = new UcitsRule(0.05, 0.10, 0.40);

    /** How far above the threshold a weight must be to count, and by how much a limit may be exceeded. */
    public static final double TOLERANCE = 1e-9;

    /**
     * @throws IllegalArgumentException unless {@code 0 < threshold < issuerLimit <= concentrationLimit <= 1}
     */
    public UcitsRule {
        if (!(threshold > 0 && threshold < issuerLimit)) {
            throw new IllegalArgumentException("threshold: " + threshold + " must be above 0 and below the issuer "
                    + "limit " + issuerLimit);
        }
        if (!(issuerLimit <= concentrationLimit)) {
            throw new IllegalArgumentException("issuer_limit: " + issuerLimit + " must not be above the "
                    + "concentration limit " + concentrationLimit);
        }
        if (!(concentrationLimit <= 1)) {
            throw new IllegalArgumentException("concentration_limit: " + concentrationLimit + " must not be above 1");
        }
    }

    /** The sum of the weights above the threshold (by more than {@link #TOLERANCE}). */
    public double concentration(double[] w) {
        double s = 0;
        for (double x : w) {
            if (x > threshold + TOLERANCE) {
                s += x;
            }
        }
        return s;
    }

    /** Whether w meets the rule within {@link #TOLERANCE}. */
    public boolean holds(double[] w) {
        for (double x : w) {
            if (x > issuerLimit + TOLERANCE) {
                return false;
            }
        }
        return concentration(w) <= concentrationLimit + TOLERANCE;
    }

    /**
     * The most a long-only portfolio of n assets (each bounded only by [0, 1]) can hold under the rule:
     * {@code max over s of min(concentrationLimit, s * issuerLimit) + (n - s) * threshold}, s assets above the
     * threshold and the others at it.
     */
    public double mostInvested(int n) {
        double best = 0;
        for (int s = 0; s <= n; s++) {
            best = Math.max(best, Math.min(concentrationLimit, s * issuerLimit) + (n - s) * threshold);
        }
        return best;
    }

    /** The fewest assets that can be fully invested under the rule: the least n with {@code mostInvested(n) >= 1}. */
    public int fewestAssets() {
        int n = 1;
        while (mostInvested(n) < 1 - 1e-12) {
            n++;
        }
        return n;
    }

    /** "5/10/40" for the standard rule, the three limits in percent otherwise. */
    public String label() {
        return percent(threshold) + "/" + percent(issuerLimit) + "/" + percent(concentrationLimit);
    }

    /** A fraction in percent, up to four decimals and without trailing zeros: 0.05 is "5", 0.125 "12.5". */
    public static String percent(double fraction) {
        String s = String.format(Locale.ROOT, "%.4f", 100 * fraction);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
