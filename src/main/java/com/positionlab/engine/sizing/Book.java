package com.positionlab.engine.sizing;

import static com.positionlab.engine.InvalidParameterException.finite;

import com.positionlab.engine.InvalidParameterException;

/**
 * The portfolio a trade joins, as the engine sees it: for each asset its current signed weight (fraction
 * of equity; negative is short), sector and strategy (may be null), and its daily simple returns over
 * the lookback, all on the same dates ({@code returns[asset][day]}, oldest first). The candidate
 * instrument is one of the assets ({@code candidate}), with weight 0 when it is not held yet.
 */
public record Book(String[] ids, double[] weights, String[] sectors, String[] strategies, double[][] returns,
                   int candidate) {

    public Book {
        int n = ids.length;
        if (weights.length != n || sectors.length != n || strategies.length != n || returns.length != n) {
            throw new IllegalArgumentException("book arrays differ in length");
        }
        if (candidate < 0 || candidate >= n) {
            throw new IllegalArgumentException("candidate index " + candidate + " outside the book");
        }
        int t = returns[0].length;
        if (t < 2) {
            throw new InvalidParameterException("return_history", "needs at least 2 daily returns on common dates, got "
                    + t);
        }
        for (int i = 0; i < n; i++) {
            finite("weight of " + ids[i], weights[i]);
            if (returns[i].length != t) {
                throw new InvalidParameterException("return_history." + ids[i], "has " + returns[i].length
                        + " returns; every instrument needs the same " + t);
            }
            for (double r : returns[i]) {
                if (!Double.isFinite(r) || r <= -1) {
                    throw new InvalidParameterException("return_history." + ids[i],
                            "must hold finite simple returns above -1, got " + r);
                }
            }
        }
    }

    public int size() {
        return ids.length;
    }

    public int days() {
        return returns[0].length;
    }
}
