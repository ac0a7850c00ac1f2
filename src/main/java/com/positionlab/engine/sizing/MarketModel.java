package com.positionlab.engine.sizing;

import java.util.Arrays;

/**
 * Everything about a {@link Book} that does not depend on the size of the trade, estimated once
 * (O(assets x days)) and then reused by every sizing of that book and candidate: the book's daily return
 * series, each asset's covariance with the book and with the candidate, and the worst-window tables
 * for the historical stress tests. Covariances are sample covariances (n - 1) of daily returns.
 */
public final class MarketModel {

    /** Window lengths, in trading days, of the historical stress tests. */
    public static final int[] STRESS_WINDOWS = {1, 5, 20};

    private final Book book;
    private final double[] bookSeries;
    private final double[] candidateSeries;
    private final double[] means;
    private final double[] covWithBook;
    private final double[] covWithCandidate;
    private final double bookVariance;
    private final double[][] bookWindowReturns;
    private final double[][] candidateWindowReturns;
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> memo =
            new java.util.concurrent.ConcurrentHashMap<>();

    private MarketModel(Book book) {
        this.book = book;
        int n = book.size();
        int t = book.days();
        double[][] r = book.returns();
        double[] w = book.weights();
        bookSeries = new double[t];
        means = new double[n];
        for (int i = 0; i < n; i++) {
            double[] ri = r[i];
            double wi = w[i];
            double sum = 0;
            for (int d = 0; d < t; d++) {
                sum += ri[d];
                bookSeries[d] += wi * ri[d];
            }
            means[i] = sum / t;
        }
        candidateSeries = r[book.candidate()];
        double bookMean = mean(bookSeries);
        double candMean = means[book.candidate()];
        covWithBook = new double[n];
        covWithCandidate = new double[n];
        for (int i = 0; i < n; i++) {
            double[] ri = r[i];
            double mi = means[i];
            double sb = 0;
            double sc = 0;
            for (int d = 0; d < t; d++) {
                double x = ri[d] - mi;
                sb += x * (bookSeries[d] - bookMean);
                sc += x * (candidateSeries[d] - candMean);
            }
            covWithBook[i] = sb / (t - 1);
            covWithCandidate[i] = sc / (t - 1);
        }
        double v = 0;
        for (double x : bookSeries) {
            v += (x - bookMean) * (x - bookMean);
        }
        bookVariance = v / (t - 1);
        bookWindowReturns = new double[STRESS_WINDOWS.length][];
        candidateWindowReturns = new double[STRESS_WINDOWS.length][];
        for (int k = 0; k < STRESS_WINDOWS.length; k++) {
            int h = Math.min(STRESS_WINDOWS[k], t);
            bookWindowReturns[k] = new double[t - h + 1];
            candidateWindowReturns[k] = windowReturns(candidateSeries, h);
            for (int i = 0; i < n; i++) {
                if (w[i] == 0) {
                    continue;
                }
                double[] wr = windowReturns(r[i], h);
                for (int s = 0; s < wr.length; s++) {
                    bookWindowReturns[k][s] += w[i] * wr[s];
                }
            }
        }
    }

    /** Estimates the model of {@code book}. */
    public static MarketModel of(Book book) {
        return new MarketModel(book);
    }

    /** Compounded return of each {@code h}-day window, by its first day: prod(1 + r) - 1. */
    private static double[] windowReturns(double[] r, int h) {
        double[] out = new double[r.length - h + 1];
        for (int s = 0; s < out.length; s++) {
            double g = 1;
            for (int d = s; d < s + h; d++) {
                g *= 1 + r[d];
            }
            out[s] = g - 1;
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    public Book book() {
        return book;
    }

    /** Daily returns of the book as it stands (weights times asset returns). */
    public double[] bookSeries() {
        return bookSeries;
    }

    /** Daily returns of the candidate instrument. */
    public double[] candidateSeries() {
        return candidateSeries;
    }

    /** Daily mean return of each asset. */
    public double mean(int asset) {
        return means[asset];
    }

    public double bookMean() {
        return mean(bookSeries);
    }

    /** Daily variance of the book. */
    public double bookVariance() {
        return bookVariance;
    }

    /** Daily variance of the candidate. */
    public double candidateVariance() {
        return covWithCandidate[book.candidate()];
    }

    /** Daily covariance of the candidate with the book. */
    public double candidateBookCovariance() {
        return covWithBook[book.candidate()];
    }

    /** Daily covariance of asset {@code i} with the book. */
    public double covWithBook(int i) {
        return covWithBook[i];
    }

    /** Daily covariance of asset {@code i} with the candidate. */
    public double covWithCandidate(int i) {
        return covWithCandidate[i];
    }

    /** The book's compounded return over each window of {@code STRESS_WINDOWS[k]} days, by first day. */
    double[] bookWindowReturns(int k) {
        return bookWindowReturns[k];
    }

    double[] candidateWindowReturns(int k) {
        return candidateWindowReturns[k];
    }

    /**
     * A figure of this model that does not depend on the trade's size (the book's VaR, the candidate's
     * per-unit VaR), computed once per key. Values are immutable; a race computes one twice.
     */
    @SuppressWarnings("unchecked")
    <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.putIfAbsent(key, v);
        }
        return (T) v;
    }

    @Override
    public String toString() {
        return "MarketModel" + Arrays.toString(book.ids());
    }
}
