package com.positionlab.engine.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Where the critical line starts: the highest-return corner portfolio, and its free assets. */
final class StartingCorner {

    private StartingCorner() {
    }

    /**
     * The highest-return corner: weights at their lower bounds, raised to their upper bounds by mean. When
     * several assets share the mean of the asset that completes the budget, any split among them has the
     * same return, and only the least-variance split is efficient: it is found among them, and every one of
     * them left inside its bounds is free. Returns the first free set.
     */
    static List<Integer> start(double[] mean, double[][] cov, double[] lower, double[] upper, double[] w) {
        int n = mean.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -mean[i]))
                .toArray(Integer[]::new);
        double sum = Arrays.stream(w).sum();
        int last = order[order.length - 1];
        for (int i : order) {
            double room = upper[i] - w[i];
            if (sum + room >= 1) {
                w[i] += 1 - sum;
                last = i;
                break;
            }
            w[i] = upper[i];
            sum += room;
        }
        double marginal = mean[last];
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (mean[i] == marginal) {
                tied.add(i);
            }
        }
        if (tied.size() == 1) {
            return new ArrayList<>(List.of(last));
        }
        return leastVariance(tied, w, cov, lower, upper);
    }

    /**
     * Sets the weights of {@code group} to the least-variance split of their present sum among them within
     * their bounds, the other weights held, by pairwise moves (sequential minimal optimisation: move weight
     * from the member whose marginal variance is highest and can fall to the one whose is lowest and can rise,
     * by the exact minimiser on that line, clipped to the bounds) until the marginal variances of the members
     * that can move agree to 1e-13; returns the members left strictly inside their bounds.
     */
    private static List<Integer> leastVariance(List<Integer> group, double[] w, double[][] cov, double[] lower,
                                               double[] upper) {
        double[] grad = new double[w.length];
        for (int i : group) {
            grad[i] = row(cov, i, w);
        }
        for (int iteration = 0; iteration < 100_000; iteration++) {
            int down = -1;
            int up = -1;
            for (int i : group) {
                if (w[i] > lower[i] && (down < 0 || grad[i] > grad[down])) {
                    down = i;
                }
                if (w[i] < upper[i] && (up < 0 || grad[i] < grad[up])) {
                    up = i;
                }
            }
            if (down < 0 || up < 0 || down == up
                    || grad[down] - grad[up] <= 1e-13 * (Math.abs(grad[down]) + Math.abs(grad[up]) + 1e-300)) {
                break;
            }
            // Moving t from down to up changes the variance by -2t (grad_down - grad_up) + t^2 curvature.
            double curvature = cov[down][down] + cov[up][up] - 2 * cov[down][up];
            double t = curvature > 0 ? (grad[down] - grad[up]) / curvature : Double.POSITIVE_INFINITY;
            t = Math.min(t, Math.min(w[down] - lower[down], upper[up] - w[up]));
            w[down] -= t;
            w[up] += t;
            for (int i : group) {
                grad[i] += t * (cov[i][up] - cov[i][down]);
            }
        }
        List<Integer> free = new ArrayList<>();
        for (int i : group) {
            if (w[i] > lower[i] && w[i] < upper[i]) {
                free.add(i);
            }
        }
        return free.isEmpty() ? new ArrayList<>(List.of(group.get(0))) : free;
    }

    private static double row(double[][] cov, int i, double[] w) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += cov[i][j] * w[j];
        }
        return s;
    }
}
