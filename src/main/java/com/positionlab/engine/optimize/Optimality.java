package com.positionlab.engine.optimize;

/** Optimality (KKT) checks of a solution, the safety net under the critical line algorithm. */
final class Optimality {

    private Optimality() {
    }

    /**
     * The optimality conditions of the minimum-variance portfolio: {@code Sigma w} equal for the assets inside
     * their bounds, no smaller at a lower bound, no larger at an upper bound (to 1e-7 relative).
     */
    static boolean minimumVariance(double[] w, double[][] cov, double[] lower, double[] upper) {
        int n = w.length;
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grad[i] += cov[i][j] * w[j];
            }
        }
        double gamma = Double.NaN;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(grad[i]));
            if (Double.isNaN(gamma) && w[i] > lower[i] + 1e-7 && w[i] < upper[i] - 1e-7) {
                gamma = grad[i];
            }
        }
        if (Double.isNaN(gamma)) {
            return true;
        }
        double tol = 1e-7 * (scale + 1e-12);
        for (int i = 0; i < n; i++) {
            boolean free = w[i] > lower[i] + 1e-7 && w[i] < upper[i] - 1e-7;
            if (free && Math.abs(grad[i] - gamma) > tol || !free && w[i] <= lower[i] + 1e-7 && grad[i] < gamma - tol
                    || !free && w[i] >= upper[i] - 1e-7 && grad[i] > gamma + tol) {
                return false;
            }
        }
        return true;
    }
}
